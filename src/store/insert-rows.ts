import type { Insertable, Kysely } from 'kysely'
import type { Database } from './database.js'

/** Inserts many rows in chunks that stay under SQLite's bound-variable limit. */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] as object).length
  const size = Math.max(1, Math.floor(30000 / Math.max(1, columns)))
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot narrow the table union for insertInto; the rows are typed by the caller.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute()
  }
}

/** Inserts one row and returns its generated id. */
export async function insertReturningId<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  row: Insertable<Database[T]>,
): Promise<number> {
  const result = await db.insertInto(table).values(row as never).executeTakeFirstOrThrow()
  return Number(result.insertId)
}
