/** A keyset window over a sorted list: `after`/`before` are exclusive bounds (items, or stand-ins that compare like them). */
export interface KeysetWindow<T> {
  after?: T
  before?: T
  direction: 'forward' | 'backward'
  limit: number
}

/** One page of a sorted list, and whether more items of the list lie beyond each end of the window. */
export interface KeysetPage<T> {
  records: T[]
  hasMoreForward: boolean
  hasMoreBackward: boolean
}

/**
 * One keyset page of a list sorted by `compare` (a total order): the items
 * strictly between the bounds, `limit` of them counted from the window's
 * `direction` end. Bounds are compared, not looked up, so a cursor stays
 * usable when the item it came from no longer passes the filter.
 */
export function keysetPage<T>(sorted: readonly T[], compare: (a: T, b: T) => number, window: KeysetWindow<T>): KeysetPage<T> {
  const { after, before } = window
  const inside = sorted.filter((x) => (after === undefined || compare(x, after) > 0) && (before === undefined || compare(x, before) < 0))
  const forward = window.direction === 'forward'
  const records = forward ? inside.slice(0, window.limit) : inside.slice(Math.max(0, inside.length - window.limit))
  const hasMore = inside.length > window.limit
  const edge = forward ? after : before
  const beyondCursor = edge !== undefined && sorted.some((x) => (forward ? compare(x, edge) <= 0 : compare(x, edge) >= 0))
  return forward
    ? { records, hasMoreForward: hasMore, hasMoreBackward: beyondCursor }
    : { records, hasMoreForward: beyondCursor, hasMoreBackward: hasMore }
}
