import { sql, type Kysely } from 'kysely'

/**
 * Gives a target's dates their meaning and provenance, and recurring
 * commitments their frequency. A deadline may be a plain date or the end of
 * the council term ("deze raadsperiode"); a date the curators derived rather
 * than read ("binnen vier jaar", "na twee jaar") carries inferred = 1 and the
 * reason, as budget placements do. An action of the whole college keeps the
 * note saying why no alderman is responsible for it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of [
    `deadline_kind TEXT CHECK (deadline_kind IS NULL OR deadline_kind IN ('date', 'term_end'))`,
    `date_inferred INTEGER NOT NULL DEFAULT 0 CHECK (date_inferred IN (0, 1))`,
    `date_reason TEXT`,
    `frequency_count INTEGER CHECK (frequency_count IS NULL OR frequency_count >= 1)`,
    `frequency_period TEXT CHECK (frequency_period IS NULL OR frequency_period IN ('week', 'month', 'year'))`,
  ]) {
    await sql.raw(`ALTER TABLE target ADD COLUMN ${column}`).execute(db)
  }
  await sql`UPDATE target SET deadline_kind = 'date' WHERE deadline IS NOT NULL`.execute(db)
  await sql`ALTER TABLE action ADD COLUMN responsible_note TEXT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['deadline_kind', 'date_inferred', 'date_reason', 'frequency_count', 'frequency_period']) {
    await sql.raw(`ALTER TABLE target DROP COLUMN ${column}`).execute(db)
  }
  await sql`ALTER TABLE action DROP COLUMN responsible_note`.execute(db)
}
