import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type Compilable } from 'kysely'
import type { EditorialDatabase } from './editorial-database.js'
import { migrateEditorialStore } from './migrate-editorial-store.js'
import type { EditorialStore, EditorialStoreOptions } from './open-editorial-store.js'
import { currentTransaction, inTransaction, isWrite } from './transaction-scope.js'

/** How often another process's commit is looked for: a publication shows everywhere within a quarter of a second. */
const pollMs = 100

const handles = new WeakMap<EditorialStore, SQLite.Database>()

/** The better-sqlite3 handle of a SQLite store (for its online backup); undefined for PostgreSQL. */
export function sqliteHandle(store: EditorialStore): SQLite.Database | undefined {
  return handles.get(store)
}

/**
 * The embedded engine: better-sqlite3 runs each query synchronously; a
 * transaction is IMMEDIATE and transactions are queued in-process, so no
 * other request's query runs inside one while its function awaits.
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
    const db = new Kysely<EditorialDatabase>({ dialect: new SqliteDialect({ database: sqlite }) })
    await migrateEditorialStore(db, 'sqlite')
    return sqliteStore(path, sqlite, db)
  } catch (error) {
    sqlite.close()
    throw error
  }
}

function sqliteStore(path: string, sqlite: SQLite.Database, db: Kysely<EditorialDatabase>): EditorialStore {
  const statements = new Map<string, SQLite.Statement>()
  let writes = 0
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile()
    let statement = statements.get(compiled.sql)
    if (!statement) {
      // Lists of varying length make new SQL texts: keep the cache bounded.
      if (statements.size >= 500) statements.clear()
      statement = sqlite.prepare(compiled.sql)
      statements.set(compiled.sql, statement)
    }
    if (isWrite(compiled)) writes += 1
    return { statement, parameters: compiled.parameters as unknown[] }
  }
  const all = <T>(query: Compilable<T>) => {
    const { statement, parameters } = prepare(query)
    if (!statement.reader) {
      statement.run(...parameters)
      return []
    }
    return statement.all(...parameters) as T[]
  }
  const run = (query: Compilable<unknown>) => {
    const { statement, parameters } = prepare(query)
    if (statement.reader) {
      const rows = statement.all(...parameters) as { id?: unknown }[]
      return { changes: rows.length, insertId: Number(rows[0]?.id ?? 0) }
    }
    const result = statement.run(...parameters)
    return { changes: result.changes, insertId: Number(result.lastInsertRowid) }
  }

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
    refreshGeneration: () => root.refreshGeneration(),
    all: async (query) => all(query),
    first: async (query) => all(query)[0],
    run: async (query) => run(query),
    transaction: (fn) => fn(tx),
    close: () => root.close(),
  }

  const read = sqlite.prepare('SELECT max(id) FROM publication').pluck()
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck()
  const watch = { value: Number(read.get() ?? 0), writes, stale: false, version: dataVersion.get() }
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
    get generation() {
      if ((watch.stale || watch.writes !== writes) && sqlite.open) {
        watch.stale = false
        watch.writes = writes
        watch.value = Number(read.get() ?? 0)
      }
      return watch.value
    },
    refreshGeneration: async () => {
      watch.stale = true
      return root.generation
    },
    all: (query) => currentTransaction(root)?.all(query) ?? outside(() => all(query)),
    first: (query) => currentTransaction(root)?.first(query) ?? outside(() => all(query)[0]),
    run: (query) => currentTransaction(root)?.run(query) ?? outside(() => run(query)),
    transaction: <T>(fn: (tx: EditorialStore) => Promise<T>) => {
      const open = currentTransaction(root)
      if (open) return fn(open)
      return exclusive(async () => {
        sqlite.prepare('BEGIN IMMEDIATE').run()
        try {
          const result = await inTransaction(root, tx, fn)
          sqlite.prepare('COMMIT').run()
          return result
        } catch (error) {
          if (sqlite.inTransaction) sqlite.prepare('ROLLBACK').run()
          throw error
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
