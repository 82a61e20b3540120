/** The report type in a request or on the command line is not one of the known types. */
export class UnknownReportTypeError extends Error {
  override readonly name = 'UnknownReportTypeError'
  constructor(readonly value: string, readonly known: readonly string[]) {
    super(`unknown report type ${JSON.stringify(value)}: expected one of ${known.join(', ')}`)
  }
}

/** The slug names no theme, portfolio or district of the agreement, or the type needs none or needs one. */
export class UnknownReportSlugError extends Error {
  override readonly name = 'UnknownReportSlugError'
  constructor(readonly type: string, readonly value: string | null, readonly known: readonly string[]) {
    super(value === null
      ? `report type ${type} needs a slug: one of ${known.join(', ')}`
      : known.length === 0
        ? `report type ${type} takes no slug, got ${JSON.stringify(value)}`
        : `unknown ${type} slug ${JSON.stringify(value)}: expected one of ${known.join(', ')}`)
  }
}

/** No agreement with this slug, or no agreement at all in the database. */
export class UnknownAgreementError extends Error {
  override readonly name = 'UnknownAgreementError'
  constructor(readonly value: string | null) {
    super(value === null ? 'the database holds no agreement' : `unknown agreement ${JSON.stringify(value)}`)
  }
}

/** The budget lines do not add up to the published totals: a report would print a wrong table. */
export class BudgetTotalsMismatchError extends Error {
  override readonly name = 'BudgetTotalsMismatchError'
  constructor(readonly year: number, readonly published: number, readonly computed: number) {
    super(`budget lines for ${year} add up to ${computed}, the published total is ${published}`)
  }
}

/** The theme file is missing, malformed, or its colours fail the WCAG AA contrast it promises. */
export class ReportThemeError extends Error {
  override readonly name = 'ReportThemeError'
  constructor(readonly path: string, detail: string) {
    super(`report theme ${path}: ${detail}`)
  }
}
