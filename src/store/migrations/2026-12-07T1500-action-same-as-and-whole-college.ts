import { sql, type Kysely } from 'kysely'

/**
 * Two facts about an action that the review of December 2026 added (db/README.md): a sentence that restates a
 * commitment points to its first statement (same_as_id, with the reason), and an action of the college as a
 * whole says so (whole_college) instead of naming one alderman. Until the database is rebuilt every action is
 * canonical and no action is the whole college's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE action ADD COLUMN same_as_id INTEGER REFERENCES action(id)`.execute(db)
  await sql`ALTER TABLE action ADD COLUMN same_as_reason TEXT`.execute(db)
  await sql`ALTER TABLE action ADD COLUMN whole_college INTEGER NOT NULL DEFAULT 0 CHECK (whole_college IN (0, 1))`.execute(db)
  await sql`CREATE INDEX action_same_as ON action(same_as_id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX action_same_as`.execute(db)
  await sql`ALTER TABLE action DROP COLUMN whole_college`.execute(db)
  await sql`ALTER TABLE action DROP COLUMN same_as_reason`.execute(db)
  await sql`ALTER TABLE action DROP COLUMN same_as_id`.execute(db)
}
