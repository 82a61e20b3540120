import { resolve } from 'node:path'
import type { Kysely, Compilable } from 'kysely'
import type { EditorialDatabase } from './editorial-database.js'
import { openPostgresStore } from './postgres-editorial-store.js'
import { openSqliteStore } from './sqlite-editorial-store.js'
import type { TransactionOptions } from './transaction-scope.js'

/** The engine an editorial store runs on: the embedded SQLite file, or a PostgreSQL server. */
export type EditorialEngine = 'sqlite' | 'postgres'

/**
 * The editorial store: Kysely builds the queries, the engine runs them. The
 * domain functions are the same on both engines; a mutation's reads, checks
 * and writes run in one transaction that no other request's write
 * interleaves with (SQLite: IMMEDIATE and queued in-process; PostgreSQL:
 * SERIALIZABLE, retried on a serialization failure or deadlock). A read-only
 * transaction reads one consistent picture beside writers. A full, read-only
 * or failing disk is an EditorialStoreDiskError on both engines.
 */
export interface EditorialStore {
  readonly engine: EditorialEngine
  /** The SQLite file; null on PostgreSQL. */
  readonly path: string | null
  /** Where the store is, fit for a log line or a message: the file, or the server URL without its password. */
  readonly location: string
  readonly db: Kysely<EditorialDatabase>
  /** Every row a query returns. */
  all<T>(query: Compilable<T>): Promise<T[]>
  /** The first row a query returns, if any. */
  first<T>(query: Compilable<T>): Promise<T | undefined>
  /** Runs a write; `insertId` is the `id` an insert returns (build it with `.returning('id')`), else 0. */
  run(query: Compilable<unknown>): Promise<{ changes: number; insertId: number }>
  /**
   * Runs fn in one transaction: all of it is written, or nothing (also on a
   * crash or kill). Inside fn the store and `tx` are the same transaction (a
   * nested call joins it). On PostgreSQL fn may run again after a
   * serialization failure, so it must not act outside the store before it returns.
   * `{ readOnly: true }` opens one that only reads (for public reads that must
   * agree with themselves): it does not wait for another process's writer.
   */
  transaction<T>(fn: (tx: EditorialStore) => Promise<T>, options?: TransactionOptions): Promise<T>
  /** Writes made through this handle so far: what is derived from the store notices its own process's changes by it, without a query. */
  readonly writes: number
  /**
   * The publication generation (the id of the latest publication, 0 before
   * the first), held in memory: after this handle's own writes it is current
   * at once, another process's publication shows within a poll (SQLite's
   * data_version, or a query on PostgreSQL).
   */
  readonly generation: number
  /**
   * The reporting rounds' state, 2 × the rounds opened + those closed (rounds
   * are never deleted, so it only grows), held in memory like the generation:
   * opening or closing a round changes what the public sees without a publication.
   */
  readonly roundState: number
  /** Reads the generation from the store now (for a notification that another process published). */
  refreshGeneration(): Promise<number>
  /**
   * PostgreSQL only: calls `listener` whenever the generation or the round
   * state grows (another replica's publication or round, told by the
   * publication listener, or this process's own write); returns the function
   * that stops the calls. SQLite has none: its values are read when asked.
   */
  onPublicStateChange?(listener: () => void): () => void
  /** PostgreSQL only, for /readyz: whether the server answers, the pool, the publication listener and the migrations. */
  readonly health?: () => Promise<StoreHealth>
  close(): Promise<void>
}

/** The state of a PostgreSQL store's connections and schema, as /readyz reports it. */
export interface StoreHealth {
  /** Whether a query answered just now. */
  answers: boolean
  /** The pool's connections: open, idle, and requests waiting for one; `max` is the pool's size. */
  pool: { total: number; idle: number; waiting: number; max: number }
  /** Whether the connection that listens for other replicas' publications is up, and when the generation was last confirmed. */
  listener: { listening: boolean; confirmedAt: string | null }
  /** Migrations applied to the database and known to this code: fewer applied means another replica's code is older. */
  migrations: { applied: number; expected: number; latest: string | null } | null
}

/** What a store is opened with: how long the SQLite engine waits for another process's write lock; the PostgreSQL pool's size. */
export interface EditorialStoreOptions {
  busyTimeoutMs?: number
  poolSize?: number
}

/** Whether a store target names a PostgreSQL server rather than a SQLite file. */
const isPostgresTarget = (target: string) => /^postgres(ql)?:\/\//i.test(target)

/**
 * Opens and migrates the editorial store: a `postgres://` URL opens a
 * PostgreSQL database, anything else is the SQLite file (created on first use).
 */
export async function openEditorialStore(target: string, options: EditorialStoreOptions = {}): Promise<EditorialStore> {
  return isPostgresTarget(target) ? openPostgresStore(target, options) : openSqliteStore(target, options)
}

/** What names a store in a release's manifest: the absolute file, or the server URL without its password. */
export function storeIdentity(store: EditorialStore): string {
  return store.path !== null ? resolve(store.path) : store.location
}
