import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type Compilable } from 'kysely'
import { statementCache, type StatementCache } from '../store/statement-cache.js'
import type { EditorialDatabase } from './editorial-database.js'
import { EditorialStoreDiskError, WriteInReadOnlyTransactionError } from './editorial-errors.js'
import { migrateEditorialStore } from './migrate-editorial-store.js'
import type { EditorialStore, EditorialStoreOptions } from './open-editorial-store.js'
import { currentTransaction, inTransaction, isWrite, joinTransaction, writesRows, type TransactionOptions } from './transaction-scope.js'

/** How often another process's commit is looked for: a publication shows everywhere within a quarter of a second. */
const pollMs = 100

const handles = new WeakMap<EditorialStore, SQLite.Database>()

/** The better-sqlite3 handle of a SQLite store (for its online backup); undefined for PostgreSQL. */
export function sqliteHandle(store: EditorialStore): SQLite.Database | undefined {
  return handles.get(store)
}

/**
 * What SQLite's refusal by the disk is to a client: SQLITE_FULL (the disk, or
 * max_page_count), SQLITE_READONLY_* (a read-only file or file system, or the
 * file moved away under the open handle), SQLITE_IOERR_* (the disk failing).
 * Anything else stays as it is.
 */
function mapped(error: unknown): unknown {
  const code = String((error as { code?: unknown } | null)?.code ?? '')
  if (code === 'SQLITE_FULL') return new EditorialStoreDiskError('STORE_FULL', error)
  if (code.startsWith('SQLITE_READONLY')) return new EditorialStoreDiskError('STORE_READ_ONLY', error)
  if (code.startsWith('SQLITE_IOERR')) return new EditorialStoreDiskError('STORE_IO_ERROR', error)
  return error
}

/** Runs one synchronous step of the engine, its disk errors named. */
function step<T>(op: () => T): T {
  try {
    return op()
  } catch (error) {
    throw mapped(error)
  }
}

/**
 * The embedded engine: better-sqlite3 runs each query synchronously; a
 * transaction is IMMEDIATE (a read-only one deferred) and transactions are
 * queued in-process, so no other request's query runs inside one while its
 * function awaits.
 */
export async function openSqliteStore(path: string, options: EditorialStoreOptions): Promise<EditorialStore> {
  mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    // better-sqlite3 waits for a lock synchronously, stopping the event loop: the server waits briefly
    // (EDITORIAL_BUSY_TIMEOUT_MS) and fails the one write; the command-line tools may wait the default.
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`)
    sqlite.pragma('synchronous = FULL')
    const statements = statementCache(sqlite)
    const db = new Kysely<EditorialDatabase>({ dialect: new SqliteDialect({ database: statements }) })
    await migrateEditorialStore(db, 'sqlite')
    return sqliteStore(path, sqlite, statements, db)
  } catch (error) {
    sqlite.close()
    throw error
  }
}

function sqliteStore(path: string, sqlite: SQLite.Database, statements: StatementCache, db: Kysely<EditorialDatabase>): EditorialStore {
  let writes = 0
  // True while a read-only transaction holds the connection (the queue keeps every other query out meanwhile).
  let readOnly = false
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile()
    const statement = statements.prepare(compiled.sql)
    if (readOnly && writesRows(compiled)) throw new WriteInReadOnlyTransactionError()
    if (isWrite(compiled)) writes += 1
    return { statement, parameters: compiled.parameters as unknown[] }
  }
  const all = <T>(query: Compilable<T>) => step(() => {
    const { statement, parameters } = prepare(query)
    if (!statement.reader) {
      statement.run(...parameters)
      return []
    }
    return statement.all(...parameters) as T[]
  })
  const run = (query: Compilable<unknown>) => step(() => {
    const { statement, parameters } = prepare(query)
    if (statement.reader) {
      const rows = statement.all(...parameters) as { id?: unknown }[]
      return { changes: rows.length, insertId: Number(rows[0]?.id ?? 0) }
    }
    const result = statement.run(...parameters)
    return { changes: result.changes, insertId: Number(result.lastInsertRowid) }
  })

  // Transactions run one at a time; a query from outside a running transaction waits for it.
  let queue: Promise<unknown> = Promise.resolve()
  let queued = 0
  const exclusive = <T>(fn: () => T | Promise<T>): Promise<T> => {
    queued += 1
    const result = queue.then(fn)
    queue = result.then(() => { queued -= 1 }, () => { queued -= 1 })
    return result
  }
  const outside = <T>(op: () => T): Promise<T> => {
    if (queued > 0) return exclusive(op)
    try {
      return Promise.resolve(op())
    } catch (error) {
      return Promise.reject(error)
    }
  }

  const tx: EditorialStore = {
    engine: 'sqlite', path, location: path, db,
    get writes() { return writes },
    get generation() { return root.generation },
    get roundState() { return root.roundState },
    refreshGeneration: () => root.refreshGeneration(),
    all: async (query) => all(query),
    first: async (query) => all(query)[0],
    run: async (query) => run(query),
    transaction: (fn, options) => joinTransaction(root, fn, options) ?? fn(tx),
    close: () => root.close(),
  }

  const read = sqlite.prepare('SELECT max(id) FROM publication').pluck()
  const readRounds = sqlite.prepare('SELECT 2 * count(*) + count(closed_at) FROM reporting_round').pluck()
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck()
  const watch = { value: Number(read.get() ?? 0), rounds: Number(readRounds.get() ?? 0), writes, stale: false, version: dataVersion.get() }
  /** Reads both values again after a write through this handle or another connection's commit. */
  const current = () => {
    if ((watch.stale || watch.writes !== writes) && sqlite.open) {
      watch.stale = false
      watch.writes = writes
      watch.value = Number(read.get() ?? 0)
      watch.rounds = Number(readRounds.get() ?? 0)
    }
    return watch
  }
  // PRAGMA data_version changes when another connection commits.
  const timer = setInterval(() => {
    if (!sqlite.open) return clearInterval(timer)
    const now = dataVersion.get()
    if (now !== watch.version) {
      watch.version = now
      watch.stale = true
    }
  }, pollMs)
  timer.unref()

  const root: EditorialStore = {
    engine: 'sqlite', path, location: path, db,
    get writes() { return writes },
    get generation() { return current().value },
    get roundState() { return current().rounds },
    refreshGeneration: async () => {
      watch.stale = true
      return root.generation
    },
    all: (query) => currentTransaction(root)?.all(query) ?? outside(() => all(query)),
    first: (query) => currentTransaction(root)?.first(query) ?? outside(() => all(query)[0]),
    run: (query) => currentTransaction(root)?.run(query) ?? outside(() => run(query)),
    transaction: <T>(fn: (tx: EditorialStore) => Promise<T>, options: TransactionOptions = {}) => {
      const joined = joinTransaction(root, fn, options)
      if (joined) return joined
      return exclusive(async () => {
        // A deferred BEGIN takes no lock until it reads, and in WAL mode a reader never waits for another connection's writer.
        step(() => statements.prepare(options.readOnly ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE').run())
        readOnly = options.readOnly === true
        try {
          const result = await inTransaction(root, tx, fn, readOnly)
          step(() => statements.prepare('COMMIT').run())
          return result
        } catch (error) {
          // SQLite may have rolled back by itself (SQLITE_FULL can): the first error is the one reported.
          try {
            if (sqlite.inTransaction) statements.prepare('ROLLBACK').run()
          } catch {
            // The rollback's own failure says less than the error that caused it; the journal undoes the rest at the next open.
          }
          throw mapped(error)
        } finally {
          readOnly = false
        }
      })
    },
    close: async () => {
      clearInterval(timer)
      await queue.catch(() => undefined)
      sqlite.close()
    },
  }
  handles.set(root, sqlite)
  handles.set(tx, sqlite)
  return root
}
