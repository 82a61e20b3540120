import { AsyncLocalStorage } from 'node:async_hooks'
import type { CompiledQuery } from 'kysely'
import type { EditorialStore } from './open-editorial-store.js'

/** Whether a compiled query writes (counted in `writes`, which derived caches watch). */
export const isWrite = (compiled: CompiledQuery) => compiled.query.kind !== 'SelectQueryNode'

/** The transaction an async call chain runs in, by the root store it belongs to. */
const scope = new AsyncLocalStorage<{ root: object; tx: EditorialStore; done: boolean }>()

/**
 * The open transaction of this root store that the caller runs inside, if
 * any: a query or nested transaction made through the root store from within
 * a transaction joins it, so a domain function may pass the store on as it is
 * (on SQLite that also spares a deadlock on the in-process queue).
 */
export function currentTransaction(root: object): EditorialStore | undefined {
  const found = scope.getStore()
  return found && found.root === root && !found.done ? found.tx : undefined
}

/** Runs fn as the transaction `tx` of the root store; the scope ends when fn settles, also for work it left behind. */
export async function inTransaction<T>(root: object, tx: EditorialStore, fn: (tx: EditorialStore) => Promise<T>): Promise<T> {
  const entry = { root, tx, done: false }
  try {
    return await scope.run(entry, () => fn(tx))
  } finally {
    entry.done = true
  }
}
