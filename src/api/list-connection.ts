import { keysetPage } from '../read-model/keyset-page.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { badUserInput } from './errors.js'
import { pageWindow, type PageArgs } from './pagination.js'

/** How a list is sorted and keyed for keyset paging. */
export interface ListOrder<T> {
  /** The cursor scope: a cursor of another list or order is refused. */
  scope: string
  /** A total order. */
  compare: (a: T, b: T) => number
  /** A whole number naming an item for good within the agreement (its position, ...). */
  key: (item: T) => number
  /** The item a key names, or undefined; any record of the agreement, whether it passed the filter or not. */
  item: (key: number) => T | undefined
  /** Cursors of another form than `scope:key` (actions: slug and sort key, which outlive a rebuild). */
  codec?: {
    cursor: (item: T, scope: string) => string
    /** The item, or a stand-in that compares where it would stand, that a cursor names; throws BAD_USER_INPUT. */
    bound: (cursor: string, argument: string, scope: string) => T
  }
}

/** A connection's page and the whole list behind it. */
export interface ListConnection<T> {
  edges: { cursor: string; node: T }[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  totalCount: () => number
}

/**
 * One keyset page of an already filtered list, sorted by `order`: the paging
 * of every connection over the snapshot. A cursor holds the key of its item,
 * which is compared, not looked up in the list, so it stays usable when the
 * item no longer passes the filter.
 */
export function listConnection<T>(matched: readonly T[], order: ListOrder<T>, args: PageArgs): ListConnection<T> {
  const { codec } = order
  const window = pageWindow(codec ? { first: args.first, last: args.last } : args, order.scope)
  const bound = (key: number | undefined, argument: string, cursor: string | null | undefined) => {
    if (codec && cursor != null) return codec.bound(cursor, argument, order.scope)
    if (key === undefined) return undefined
    const item = order.item(key)
    if (item === undefined) throw badUserInput(argument, cursor, 'is not a cursor of this list (use a cursor returned by it)')
    return item
  }
  const after = bound(window.after, 'after', args.after)
  const before = bound(window.before, 'before', args.before)
  const page = keysetPage([...matched].sort(order.compare), order.compare, { ...window, after, before })
  const cursorOf = codec ? (node: T) => codec.cursor(node, order.scope) : (node: T) => encodeCursor(order.scope, order.key(node))
  const edges = page.records.map((node) => ({ cursor: cursorOf(node), node }))
  return {
    edges,
    pageInfo: { hasNextPage: page.hasMoreForward, hasPreviousPage: page.hasMoreBackward, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => matched.length,
  }
}

/**
 * The order of a snapshot list as it is (document, table or signing order).
 * Cursors name the item by its slug, which a rebuild keeps (row ids it does
 * not): a cursor whose item a rebuild removed is refused, never silently
 * moved. Cursors of the earlier form (a row id) are still read.
 */
export function storedOrder<T extends { id: number; slug: string }>(all: readonly T[], scope: string): ListOrder<T> {
  const rank = new Map(all.map((item, i) => [item.id, i]))
  const bySlug = new Map(all.map((item) => [item.slug, item]))
  const item = (id: number) => all[rank.get(id) ?? -1]
  return {
    scope, compare: (a, b) => rank.get(a.id)! - rank.get(b.id)!, key: (entry) => entry.id, item,
    codec: {
      cursor: (entry, name) => Buffer.from(`${name}:slug:${entry.slug}`, 'utf8').toString('base64url'),
      bound: (cursor, argument, name) => {
        const raw = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
        const named = /^([A-Za-z]+):slug:([a-z0-9][a-z0-9-]{0,199})$/.exec(raw)
        const found = named ? (named[1] === name ? bySlug.get(named[2]!) : undefined) : item(decodeCursor(name, cursor, argument))
        if (found) return found
        throw badUserInput(argument, cursor, named?.[1] === name
          ? 'names an item the data no longer has (it was rebuilt: see Agreement.dataVersion); page again from the start'
          : 'is not a cursor of this list (use a cursor returned by it)')
      },
    },
  }
}

/** A page of a snapshot list in its stored order, keeping the items that pass `keep` when it is given. */
export function storedListConnection<T extends { id: number; slug: string }>(all: readonly T[], scope: string, args: PageArgs, keep?: (item: T) => boolean): ListConnection<T> {
  return listConnection(keep ? all.filter(keep) : all, storedOrder(all, scope), args)
}
