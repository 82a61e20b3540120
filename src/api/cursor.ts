import { badUserInput } from './errors.js'

/**
 * Opaque cursors: base64url of "scope:number", where the number is an action's
 * position (keyset) or a search hit's offset. Clients must treat them as opaque.
 */
export function encodeCursor(scope: string, value: number): string {
  return Buffer.from(`${scope}:${value}`, 'utf8').toString('base64url')
}

/** Decodes a cursor of the given scope, or reports the argument as BAD_USER_INPUT. */
export function decodeCursor(scope: string, cursor: string, argument: string, mismatch?: string): number {
  const raw = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^([A-Za-z]+):(\d{1,9})$/.exec(raw)
  // A scope sharing the first nine letters is the same kind of list ("SearchHit..."), but another one of them.
  if (match && mismatch && match[1] !== scope && match[1]!.slice(0, 9) === scope.slice(0, 9)) throw badUserInput(argument, cursor, mismatch)
  if (!match || match[1] !== scope) throw badUserInput(argument, cursor, `is not a cursor of this list (use a cursor returned by it)`)
  return Number(match[2])
}
