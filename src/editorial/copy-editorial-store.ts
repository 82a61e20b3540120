import { sql } from 'kysely'
import type { EditorialStore } from './open-editorial-store.js'
import { sqliteHandle } from './sqlite-editorial-store.js'

/** A copy refused before anything was written: the target holds editorial data already, or is not the other engine. */
export class CopyRefusedError extends Error {
  override readonly name = 'CopyRefusedError'
  readonly code = 'COPY_REFUSED'
}

/** What a copy wrote: the rows per table, in the order they were written. */
export type CopyReport = Record<string, number>

/** Tables of the migrator, which each engine keeps for itself. */
const ownTables = /^(sqlite_|editorial_migration)/

/**
 * The tables in an order that inserts every referenced row before the rows
 * referring to it (SQLite's foreign-key list, depth first); a table
 * referring to itself (a retraction to the revision it withdraws) is
 * copied in id order, which refers backwards only.
 */
function tableOrder(sqlite: NonNullable<ReturnType<typeof sqliteHandle>>): string[] {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]).filter((n) => !ownTables.test(n))
  const order: string[] = []
  const visit = (name: string, path: Set<string>) => {
    if (order.includes(name) || path.has(name)) return
    const references = sqlite.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(name) as string[]
    for (const referenced of references) if (referenced !== name) visit(referenced, new Set([...path, name]))
    order.push(name)
  }
  for (const name of names) visit(name, new Set())
  return order
}

/** Rows of a table in primary-key order (rowid for the tables whose key is not `id`). */
const readRows = (sqlite: NonNullable<ReturnType<typeof sqliteHandle>>, table: string) =>
  sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[]

/**
 * Copies a SQLite editorial store into an empty PostgreSQL one, row for row
 * with the same ids, so every revision, evidence, publication, audit entry
 * and chain link (its hashes included) is what it was and the chain verifies
 * on the copy. The source is read in one read transaction (a consistent
 * picture even while a server writes to it); the target is written in one
 * transaction, with every constraint and trigger in force: all of it, or
 * nothing. A closed reporting round is written open and closed once its
 * revisions are in, as the store itself does. Identity sequences continue
 * after the copied ids. Refuses a target holding any editorial row.
 */
export async function copyEditorialStore(source: EditorialStore, target: EditorialStore): Promise<CopyReport> {
  const sqlite = sqliteHandle(source)
  if (!sqlite) throw new CopyRefusedError('the source is not a SQLite editorial store')
  if (target.engine !== 'postgres') throw new CopyRefusedError('the target is not a PostgreSQL editorial store')
  const { order, rows } = sqlite.transaction(() => {
    const order = tableOrder(sqlite)
    return { order, rows: new Map(order.map((table) => [table, readRows(sqlite, table)])) }
  })()
  const report: CopyReport = {}
  await target.db.transaction().execute(async (trx) => {
    for (const table of order) {
      const present = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM ${sql.table(table)}`.execute(trx).catch(() => {
        throw new CopyRefusedError(`the target has no table ${table}: it was made by other code than the source`)
      })
      if (present.rows[0]!.n > 0) throw new CopyRefusedError(`the target holds editorial data already (${table}); copy into an empty database`)
    }
    const closing: Record<string, unknown>[] = []
    for (const table of order) {
      for (const row of rows.get(table)!) {
        let values = row
        if (table === 'reporting_round' && row.closed_at !== null) {
          closing.push(row)
          values = { ...row, closed_at: null, closed_by: null, closed_generation: null }
        }
        const columns = Object.keys(values)
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))}) VALUES (${sql.join(columns.map((c) => values[c]))})`.execute(trx)
      }
      report[table] = rows.get(table)!.length
      // The round's revisions are in once round_revision is: then it closes, as it did in the source.
      if (table === 'round_revision' || (table === order.at(-1) && closing.length > 0)) {
        for (const round of closing.splice(0)) {
          await sql`UPDATE reporting_round SET closed_at = ${round.closed_at}, closed_by = ${round.closed_by}, closed_generation = ${round.closed_generation} WHERE id = ${round.id}`.execute(trx)
        }
      }
    }
    // Identities continue after the copied ids, so the next row written on PostgreSQL gets the id SQLite would have given.
    const identities = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(trx)
    for (const { table_name: table, column_name: column } of identities.rows) {
      if (!order.includes(table)) continue
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce((SELECT max(${sql.id(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx)
    }
  })
  return report
}
