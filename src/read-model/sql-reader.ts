import type SQLite from 'better-sqlite3'
import type { CompiledQuery } from 'kysely'

/** Something that counts SQL statements: the API's per-request counter. */
export interface StatementTally {
  count: number
}

/** Distinct SQL texts kept prepared; the snapshot and search use a few dozen, so the bound is never reached in practice. */
const maxStatements = 500

/**
 * Runs compiled Kysely queries synchronously on the better-sqlite3 handle,
 * reusing prepared statements. Kysely builds and compiles the SQL (the same
 * definitions as everywhere else); the snapshot and the search run it without
 * promises, so resolvers can answer synchronously.
 */
export class SqlReader {
  private readonly statements = new Map<string, SQLite.Statement>()

  constructor(private readonly sqlite: SQLite.Database) {}

  /** The rows of a query; the statement is counted on `tally` when one is given. */
  rows<R = Record<string, any>>(query: CompiledQuery, tally?: StatementTally): R[] {
    let statement = this.statements.get(query.sql)
    if (!statement) {
      statement = this.sqlite.prepare(query.sql)
      if (this.statements.size < maxStatements) this.statements.set(query.sql, statement)
    }
    if (tally) tally.count += 1
    return statement.all(...(query.parameters as unknown[])) as R[]
  }
}
