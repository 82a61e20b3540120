import { GraphQLError } from 'graphql'

/** The error codes a client can rely on, in `errors[].extensions.code`. */
export const errorCodes = {
  badUserInput: 'BAD_USER_INPUT',
  notFound: 'NOT_FOUND',
  queryTooComplex: 'QUERY_TOO_COMPLEX',
  parseFailed: 'GRAPHQL_PARSE_FAILED',
  validationFailed: 'GRAPHQL_VALIDATION_FAILED',
  operationNotSupported: 'OPERATION_NOT_SUPPORTED',
  internal: 'INTERNAL_SERVER_ERROR',
  /** The editorial store cannot be reached just now (HTTP 503 with Retry-After): try again. */
  storeUnavailable: 'STORE_UNAVAILABLE',
  /** The editorial store is full (HTTP 507): nothing was saved; retrying helps only once its operator has made room. */
  storeFull: 'STORE_FULL',
  /** The editorial store takes no writes (read-only file, file system or server; HTTP 503): nothing was saved. */
  storeReadOnly: 'STORE_READ_ONLY',
  /** The editorial store's disk failed to read or write (HTTP 503): nothing was saved. */
  storeIoError: 'STORE_IO_ERROR',
} as const

/** Shows a user's value in a message: JSON-quoted and cut short, so a 10k-character input does not echo back whole. */
function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/**
 * An argument with a value the API cannot use: names the argument, the value
 * and why; `index` is the position of the value in a list argument, given in
 * the message ("ids[2]") and as `extensions.index`.
 */
export function badUserInput(argument: string, value: unknown, reason: string, index?: number): GraphQLError {
  const name = index === undefined ? argument : `${argument}[${index}]`
  return new GraphQLError(`Argument ${name} ${showValue(value)} ${reason}.`, {
    extensions: { code: errorCodes.badUserInput, argument, ...(index === undefined ? {} : { index }) },
  })
}

/** A reference (an agreement slug, ...) that names nothing in the database. */
export function notFound(argument: string, value: unknown, what: string): GraphQLError {
  return new GraphQLError(`Argument ${argument} ${showValue(value)} names no ${what}.`, {
    extensions: { code: errorCodes.notFound, argument },
  })
}
