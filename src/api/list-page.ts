import { encodeCursor } from './cursor.js'
import { pageWindow, type PageArgs } from './pagination.js'

/** A connection page as the schema's connection fields take it. */
export interface ListPage<T> {
  edges: { cursor: string; node: T }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  totalCount: () => number
}

/**
 * Pages a list held in memory with keyset cursors: each item has a numeric
 * key (a revision number, a row id) and the list is ordered by it, ascending
 * or descending. A cursor names a key, so it stays valid when items are added.
 */
export function listPage<T>(args: PageArgs, scope: string, list: readonly T[], key: (item: T) => number, order: 'asc' | 'desc'): ListPage<T> {
  const window = pageWindow(args, scope)
  const later = (a: number, b: number) => (order === 'asc' ? a > b : a < b)
  const inWindow = list.filter((item) => (window.after === undefined || later(key(item), window.after))
    && (window.before === undefined || later(window.before, key(item))))
  const page = window.direction === 'forward' ? inWindow.slice(0, window.limit) : inWindow.slice(Math.max(0, inWindow.length - window.limit))
  const edges = page.map((node) => ({ cursor: encodeCursor(scope, key(node)), node }))
  const first = page[0]
  const last = page.at(-1)
  return {
    edges,
    pageInfo: {
      hasNextPage: last !== undefined ? list.some((item) => later(key(item), key(last))) : window.direction === 'backward' && window.before !== undefined,
      hasPreviousPage: first !== undefined ? list.some((item) => later(key(first), key(item))) : window.direction === 'forward' && window.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => list.length,
  }
}
