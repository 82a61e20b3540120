import { AsyncLocalStorage } from 'node:async_hooks'
import type { CompiledQuery } from 'kysely'
import { WriteInReadOnlyTransactionError } from './editorial-errors.js'
import type { EditorialStore } from './open-editorial-store.js'

/**
 * How a transaction is opened. `readOnly`: it reads one consistent picture and
 * writes nothing, so it never waits for another process's writer (SQLite: a
 * deferred BEGIN, which in WAL mode reads beside a writer; PostgreSQL: REPEATABLE
 * READ READ ONLY, which no serialization failure ends). A write asked for inside
 * it is refused (WriteInReadOnlyTransactionError).
 */
export interface TransactionOptions {
  readOnly?: boolean
}

/** Whether a compiled query writes (counted in `writes`, which derived caches watch). */
export const isWrite = (compiled: CompiledQuery) => compiled.query.kind !== 'SelectQueryNode'

const rowWrites = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode'])

/** Whether a compiled query is one a read-only transaction refuses: an insert, update, delete or merge (raw SQL is left to the engine). */
export const writesRows = (compiled: CompiledQuery) => rowWrites.has(compiled.query.kind)

/** The transaction an async call chain runs in, by the root store it belongs to. */
const scope = new AsyncLocalStorage<{ root: object; tx: EditorialStore; done: boolean; readOnly: boolean }>()

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

/**
 * Runs fn inside the caller's open transaction of this root store, or returns
 * undefined when there is none. A read-only transaction joins any; a write
 * transaction inside a read-only one is refused rather than quietly widened.
 */
export function joinTransaction<T>(root: object, fn: (tx: EditorialStore) => Promise<T>, options: TransactionOptions = {}): Promise<T> | undefined {
  const found = scope.getStore()
  if (!found || found.root !== root || found.done) return undefined
  if (found.readOnly && !options.readOnly) return Promise.reject(new WriteInReadOnlyTransactionError())
  return fn(found.tx)
}

/** Runs fn as the transaction `tx` of the root store; the scope ends when fn settles, also for work it left behind. */
export async function inTransaction<T>(root: object, tx: EditorialStore, fn: (tx: EditorialStore) => Promise<T>, readOnly = false): Promise<T> {
  const entry = { root, tx, done: false, readOnly }
  try {
    return await scope.run(entry, () => fn(tx))
  } finally {
    entry.done = true
  }
}
