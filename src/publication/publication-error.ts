/** A publication could not be written; the previous publication is left as it was. */
export class PublicationError extends Error {
  override readonly name: string = 'PublicationError'
}

/** A file of the publication does not match what the data says it should be (a source text with another hash, say). */
export class PublicationIntegrityError extends PublicationError {
  override readonly name: string = 'PublicationIntegrityError'
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`)
  }
}
