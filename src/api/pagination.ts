import { decodeCursor } from './cursor.js'
import { badUserInput } from './errors.js'

/** Page sizes of every connection. */
export const pageSizes = { default: 20, max: 100 } as const

/** The standard connection arguments. */
export interface PageArgs {
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

/** A page request checked and decoded: cursor values and which end the limit counts from. */
export interface PageWindow {
  /** The cursor scope the window was checked against, for the cursors of the page. */
  scope: string
  after?: number
  before?: number
  direction: 'forward' | 'backward'
  limit: number
}

function checkSize(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > pageSizes.max) {
    throw badUserInput(argument, value, `must be between 0 and ${pageSizes.max}`)
  }
  return value
}

/**
 * Checks the connection arguments: first or last (not both), each 0..100,
 * default first 20; cursors must come from the same list (`mismatch` says
 * why a cursor of the same kind of list but another one is refused).
 */
export function pageWindow(args: PageArgs, scope: string, mismatch?: string): PageWindow {
  if (args.first != null && args.last != null) {
    throw badUserInput('last', args.last, 'cannot be combined with first: page forwards with first/after or backwards with last/before')
  }
  const after = args.after != null ? decodeCursor(scope, args.after, 'after', mismatch) : undefined
  const before = args.before != null ? decodeCursor(scope, args.before, 'before', mismatch) : undefined
  if (args.last != null) return { scope, after, before, direction: 'backward', limit: checkSize('last', args.last) }
  return { scope, after, before, direction: 'forward', limit: args.first != null ? checkSize('first', args.first) : pageSizes.default }
}

/**
 * The cost multiplier of a connection field: the page size asked for, bounded
 * so a bad size is reported as such, not as cost, and at least 1: what a
 * connection holds besides its edges (`totalCount`, `facets`, `pageInfo`) is
 * computed over the whole filtered list whatever the page size, so `first: 0`
 * costs it once, not nothing.
 */
export function pageCost(args: PageArgs): { field: number; multiplier: number } {
  const size = args.first ?? args.last ?? pageSizes.default
  return { field: 1, multiplier: Math.min(Math.max(size, 1), pageSizes.max) }
}
