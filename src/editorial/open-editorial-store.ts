import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type Compilable } from 'kysely'
import type { EditorialDatabase } from './editorial-database.js'
import { migrateEditorialStore } from './migrate-editorial-store.js'

/**
 * The editorial store: Kysely for building queries, run synchronously on the
 * better-sqlite3 handle so that a mutation's reads, checks and writes happen
 * in one IMMEDIATE transaction without yielding to other requests.
 */
export interface EditorialStore {
  readonly path: string
  readonly db: Kysely<EditorialDatabase>
  readonly sqlite: SQLite.Database
  /** Every row a query returns. */
  all<T>(query: Compilable<T>): T[]
  /** The first row a query returns, if any. */
  first<T>(query: Compilable<T>): T | undefined
  /** Runs a write; returns the id of an inserted row. */
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number }
  /** Runs fn in an IMMEDIATE transaction: all of it is written, or nothing (also on a crash or kill). */
  transaction<T>(fn: () => T): T
  /** Writes made through this handle so far: what is derived from the store notices its own process's changes by it, without a query. */
  readonly writes: number
  close(): void
}

/**
 * Opens (creating the folder and file on first use) and migrates the editorial
 * store: WAL, so readers never wait for a writer and a kill loses no committed
 * transaction; foreign keys on; a busy timeout, since several server processes
 * and the editor CLI may write at once (short in the server, whose event loop it stops).
 */
export async function openEditorialStore(path: string, options: { busyTimeoutMs?: number } = {}): Promise<EditorialStore> {
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
    await migrateEditorialStore(db)
    const statements = new Map<string, SQLite.Statement>()
    const prepare = (query: Compilable<unknown>) => {
      const compiled = query.compile()
      let statement = statements.get(compiled.sql)
      if (!statement) {
        // Lists of varying length make new SQL texts: keep the cache bounded.
        if (statements.size >= 500) statements.clear()
        statement = sqlite.prepare(compiled.sql)
        statements.set(compiled.sql, statement)
      }
      return { statement, parameters: compiled.parameters as unknown[] }
    }
    let writes = 0
    return {
      path, db, sqlite,
      get writes() { return writes },
      all: <T>(query: Compilable<T>) => {
        const { statement, parameters } = prepare(query)
        return statement.all(...parameters) as T[]
      },
      first: <T>(query: Compilable<T>) => {
        const { statement, parameters } = prepare(query)
        return statement.get(...parameters) as T | undefined
      },
      run: (query) => {
        const { statement, parameters } = prepare(query)
        const result = statement.run(...parameters)
        writes += 1
        return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
      },
      transaction: <T>(fn: () => T) => sqlite.transaction(fn).immediate(),
      close: () => sqlite.close(),
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}
