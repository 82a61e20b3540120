import { sql, type Kysely } from 'kysely'

/**
 * Sign-in sessions of the editorial screens, and drafts a reviewer sent back.
 * A session is kept by the hash of its id only (a copy of the store lets
 * nobody sign in); it ends at its expiry or when its owner signs out. Returns
 * are append-only like the rest of the editorial history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE editor_session (
    id INTEGER PRIMARY KEY,
    id_hash TEXT NOT NULL UNIQUE CHECK (length(id_hash) = 64),
    account_id INTEGER NOT NULL REFERENCES account (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
  ) STRICT`).execute(db)
  await sql.raw(`CREATE TRIGGER editor_session_only_ended BEFORE UPDATE ON editor_session
    WHEN NEW.id IS NOT OLD.id OR NEW.id_hash IS NOT OLD.id_hash OR NEW.account_id IS NOT OLD.account_id
      OR NEW.created_at IS NOT OLD.created_at OR NEW.expires_at IS NOT OLD.expires_at OR OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL
    BEGIN SELECT RAISE(ABORT, 'a session can only be ended, once'); END`).execute(db)

  await sql.raw(`CREATE TABLE draft_return (
    id INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL UNIQUE REFERENCES revision (id),
    reviewer_id INTEGER NOT NULL REFERENCES account (id),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
    returned_at TEXT NOT NULL
  ) STRICT`).execute(db)
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql.raw(`CREATE TRIGGER draft_return_no_${operation.toLowerCase()} BEFORE ${operation} ON draft_return
      BEGIN SELECT RAISE(ABORT, 'draft_return rows are append-only: ${operation} is refused'); END`).execute(db)
  }
}
