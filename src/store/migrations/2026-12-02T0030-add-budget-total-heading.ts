import { sql, type Kysely } from 'kysely'

/**
 * Keeps the column heading of each year of the financial table ("begroting
 * 2022", "2026 ev") beside the totals row: `label` is the row's label, the
 * same for every year, and the headings were read from the data but not kept.
 * Existing rows get the year itself until the database is rebuilt.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE budget_total ADD COLUMN heading TEXT NOT NULL DEFAULT ''`.execute(db)
  await sql`UPDATE budget_total SET heading = CAST(year AS TEXT)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE budget_total DROP COLUMN heading`.execute(db)
}
