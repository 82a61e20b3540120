import type SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from '../store/database.js'
import type { Store } from '../store/open-database.js'

/** Distinct SQL texts kept prepared; IN lists of varying length make more texts, so the map is bounded. */
const maxStatements = 1000

/**
 * Gives a read-only store a Kysely that reuses prepared statements. Kysely's
 * SQLite driver prepares every statement anew; the bench's profile of the
 * uncached nested query showed preparing at about a tenth of the server's CPU
 * time. A statement still iterating (a stream) is never handed out twice: a
 * fresh one is prepared instead.
 */
export function cacheStatements(store: Store): Store {
  const sqlite = store.sqlite
  const statements = new Map<string, SQLite.Statement>()
  const database = {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const cached = statements.get(sql)
      if (cached && !cached.busy) return cached
      const statement = sqlite.prepare(sql)
      if (!cached && statements.size < maxStatements) statements.set(sql, statement)
      return statement
    },
  }
  return { sqlite, db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }) }
}
