import { sql, type Kysely } from 'kysely'

/**
 * A draft edited by its author: the edit is a new revision, and this row says
 * which draft it replaces. Append-only like the rest of the history; the store
 * itself refuses a supersession across authors, of a published draft, and the
 * publication of a superseded draft.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE draft_supersession (
    id INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL UNIQUE REFERENCES revision (id),
    superseded_by_id INTEGER NOT NULL UNIQUE REFERENCES revision (id),
    superseded_at TEXT NOT NULL,
    CHECK (superseded_by_id > revision_id)
  ) STRICT`).execute(db)
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql.raw(`CREATE TRIGGER draft_supersession_no_${operation.toLowerCase()} BEFORE ${operation} ON draft_supersession
      BEGIN SELECT RAISE(ABORT, 'draft_supersession rows are append-only: ${operation} is refused'); END`).execute(db)
  }
  await sql.raw(`CREATE TRIGGER draft_supersession_own_draft BEFORE INSERT ON draft_supersession
    WHEN (SELECT author_id FROM revision WHERE id = NEW.revision_id) IS NOT (SELECT author_id FROM revision WHERE id = NEW.superseded_by_id)
      OR EXISTS (SELECT 1 FROM publication WHERE revision_id = NEW.revision_id)
      OR EXISTS (SELECT 1 FROM draft_return WHERE revision_id = NEW.revision_id)
    BEGIN SELECT RAISE(ABORT, 'only its author edits a draft, and only before it is reviewed'); END`).execute(db)
  await sql.raw(`CREATE TRIGGER publication_not_superseded BEFORE INSERT ON publication
    WHEN EXISTS (SELECT 1 FROM draft_supersession WHERE revision_id = NEW.revision_id)
    BEGIN SELECT RAISE(ABORT, 'a draft its author replaced is not published'); END`).execute(db)
}
