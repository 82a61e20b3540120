/** A problem in a curated data file, naming the file, the record and what is wrong. */
export class DataError extends Error {
  override readonly name = 'DataError'

  constructor(
    readonly file: string,
    readonly record: string,
    readonly problem: string,
  ) {
    super(`${file}: ${record}: ${problem}`)
  }
}

/** Several data problems found in one pass, so a curator sees them all at once. */
export class DataErrors extends Error {
  override readonly name = 'DataErrors'

  constructor(readonly errors: readonly DataError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the data:\n` + errors.map((e) => `  ${e.message}`).join('\n'))
  }
}
