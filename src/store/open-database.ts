import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './database.js'
import { statementCache } from './statement-cache.js'

/** A Kysely store with the underlying better-sqlite3 handle, for pragmas and closing. */
export interface Store {
  db: Kysely<Database>
  sqlite: SQLite.Database
}

/**
 * Opens the SQLite store. Servers open it read-only; the build opens a fresh
 * file for writing. Foreign keys are enforced on every connection, and
 * prepared statements are reused (statementCache). `pageCacheKiB` bounds
 * SQLite's page cache (better-sqlite3's default is 16 MB).
 */
export function openDatabase(path: string, options: { readonly?: boolean; pageCacheKiB?: number } = {}): Store {
  const sqlite = new SQLite(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  sqlite.pragma('foreign_keys = ON')
  if (options.pageCacheKiB !== undefined) sqlite.pragma(`cache_size = -${Math.max(1, Math.floor(options.pageCacheKiB))}`)
  if (!options.readonly) sqlite.pragma('journal_mode = DELETE')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statementCache(sqlite) }) })
  return { db, sqlite }
}
