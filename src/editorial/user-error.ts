/** Why an editorial operation was refused: validation problems are data for the client, not exceptions. */
type UserErrorCode = 'INVALID' | 'CONFLICT' | 'SAME_AUTHOR' | 'NOT_FOUND' | 'NOT_AUTHOR'

/** One refused part of an input: the path of the input field, a message a person can act on, and a code. */
export interface UserError {
  field: string[]
  message: string
  code: UserErrorCode
}

/** The outcome of an editorial operation: what was written, or why nothing was. */
export interface EditorialOutcome<T> {
  record: T | null
  userErrors: UserError[]
}
