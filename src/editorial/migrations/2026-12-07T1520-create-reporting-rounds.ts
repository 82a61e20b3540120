import { sql, type Kysely } from 'kysely'

/**
 * Reporting rounds, the revisions recorded for a round, assignments of actions
 * to editors, and reviewers' comments. A round is opened with its name,
 * peildatum and closing date, and closed once: then it keeps the publication
 * generation it closed at, and nothing is recorded for it any more. Links,
 * assignments and comments are append-only (the latest assignment counts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE reporting_round (
    id INTEGER PRIMARY KEY,
    agreement_slug TEXT NOT NULL,
    slug TEXT NOT NULL CHECK (slug GLOB '[a-z0-9]*' AND length(slug) BETWEEN 1 AND 80),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    peildatum TEXT NOT NULL CHECK (date(peildatum) IS peildatum),
    opens_on TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
    closes_on TEXT NOT NULL CHECK (date(closes_on) IS closes_on AND closes_on >= opens_on),
    opened_by INTEGER NOT NULL REFERENCES account (id),
    opened_at TEXT NOT NULL,
    closed_by INTEGER REFERENCES account (id),
    closed_at TEXT,
    closed_generation INTEGER,
    UNIQUE (agreement_slug, slug)
  ) STRICT`).execute(db)
  // At most one open round per agreement: what is recorded belongs to it.
  await sql.raw(`CREATE UNIQUE INDEX reporting_round_one_open ON reporting_round (agreement_slug) WHERE closed_at IS NULL`).execute(db)
  await sql.raw(`CREATE TRIGGER reporting_round_only_closed BEFORE UPDATE ON reporting_round
    WHEN NEW.id IS NOT OLD.id OR NEW.agreement_slug IS NOT OLD.agreement_slug OR NEW.slug IS NOT OLD.slug OR NEW.name IS NOT OLD.name
      OR NEW.peildatum IS NOT OLD.peildatum OR NEW.opens_on IS NOT OLD.opens_on OR NEW.closes_on IS NOT OLD.closes_on
      OR NEW.opened_by IS NOT OLD.opened_by OR NEW.opened_at IS NOT OLD.opened_at OR OLD.closed_at IS NOT NULL
      OR NEW.closed_at IS NULL OR NEW.closed_by IS NULL OR NEW.closed_generation IS NULL
    BEGIN SELECT RAISE(ABORT, 'a reporting round can only be closed, once'); END`).execute(db)
  await sql.raw(`CREATE TRIGGER reporting_round_no_delete BEFORE DELETE ON reporting_round
    BEGIN SELECT RAISE(ABORT, 'reporting_round rows are never deleted'); END`).execute(db)

  await sql.raw(`CREATE TABLE round_revision (
    revision_id INTEGER PRIMARY KEY REFERENCES revision (id),
    round_id INTEGER NOT NULL REFERENCES reporting_round (id)
  ) STRICT`).execute(db)
  await sql.raw(`CREATE TRIGGER round_revision_open_round BEFORE INSERT ON round_revision
    WHEN (SELECT closed_at FROM reporting_round WHERE id = NEW.round_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a closed reporting round never changes'); END`).execute(db)

  await sql.raw(`CREATE TABLE assignment (
    id INTEGER PRIMARY KEY,
    agreement_slug TEXT NOT NULL,
    action_slug TEXT NOT NULL,
    account_id INTEGER REFERENCES account (id),
    assigned_by INTEGER NOT NULL REFERENCES account (id),
    assigned_at TEXT NOT NULL
  ) STRICT`).execute(db)
  await sql.raw(`CREATE INDEX assignment_action ON assignment (agreement_slug, action_slug, id)`).execute(db)

  await sql.raw(`CREATE TABLE review_comment (
    id INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES revision (id),
    reviewer_id INTEGER NOT NULL REFERENCES account (id),
    comment TEXT NOT NULL CHECK (length(comment) BETWEEN 1 AND 4000),
    created_at TEXT NOT NULL
  ) STRICT`).execute(db)
  for (const table of ['round_revision', 'assignment', 'review_comment']) {
    for (const operation of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table}
        BEGIN SELECT RAISE(ABORT, '${table} rows are append-only: ${operation} is refused'); END`).execute(db)
    }
  }
}
