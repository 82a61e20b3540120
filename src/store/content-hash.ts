import { createHash } from 'node:crypto'
import type { Store } from './open-database.js'

const hashes = new WeakMap<Store, string>()

/**
 * A digest of the database's content as this handle reads it (the bytes of
 * the whole file, read through SQLite): the same for byte-identical builds of
 * the same data, another one after any change. Computed once per opened
 * store; a rebuild is opened as a new store.
 */
export function contentHash(store: Store): string {
  let hash = hashes.get(store)
  if (hash === undefined) {
    hash = createHash('sha256').update(store.sqlite.serialize()).digest('hex').slice(0, 20)
    hashes.set(store, hash)
  }
  return hash
}
