import { sql, type Kysely } from 'kysely'

const date = (column: string) => `${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`

/** Triggers that make a table append-only: SQLite refuses every UPDATE and DELETE of its rows. */
async function appendOnly(db: Kysely<any>, table: string): Promise<void> {
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql.raw(`CREATE TRIGGER ${table}_no_${operation.toLowerCase()} BEFORE ${operation} ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} rows are append-only: ${operation} is refused'); END`).execute(db)
  }
}

/**
 * The editorial store: accounts, the append-only revisions of progress
 * assessments and target measurements with their evidence, publications
 * (four-eyes, enforced by a trigger) and the audit trail. Content is referred
 * to by stable keys (agreement slug and action or target slug), never by a
 * content row id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    role TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'admin')),
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    created_at TEXT NOT NULL,
    revoked_at TEXT
  ) STRICT`).execute(db)
  await sql.raw(`CREATE TRIGGER account_no_delete BEFORE DELETE ON account
    BEGIN SELECT RAISE(ABORT, 'accounts are never deleted: revoke them'); END`).execute(db)
  await sql.raw(`CREATE TRIGGER account_only_revoked BEFORE UPDATE ON account
    WHEN NEW.id IS NOT OLD.id OR NEW.name IS NOT OLD.name OR NEW.role IS NOT OLD.role OR NEW.token_hash IS NOT OLD.token_hash
      OR NEW.created_at IS NOT OLD.created_at OR OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL
    BEGIN SELECT RAISE(ABORT, 'an account can only be revoked, once'); END`).execute(db)

  await sql.raw(`CREATE TABLE revision (
    id INTEGER PRIMARY KEY,
    agreement_slug TEXT NOT NULL CHECK (length(agreement_slug) BETWEEN 1 AND 200),
    subject_type TEXT NOT NULL CHECK (subject_type IN ('action', 'target')),
    subject_slug TEXT NOT NULL CHECK (length(subject_slug) BETWEEN 1 AND 200),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    kind TEXT NOT NULL CHECK (kind IN ('assessment', 'measurement', 'retraction')),
    status TEXT CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'PARTLY_ACHIEVED', 'ACHIEVED', 'CHANGED', 'ABANDONED')),
    value REAL,
    as_of TEXT CHECK (as_of IS NULL OR ${date('as_of')}),
    explanation TEXT NOT NULL CHECK (length(explanation) BETWEEN 1 AND 4000),
    retracts_id INTEGER REFERENCES revision (id),
    author_id INTEGER NOT NULL REFERENCES account (id),
    created_at TEXT NOT NULL,
    request_id TEXT,
    UNIQUE (agreement_slug, subject_type, subject_slug, revision),
    CHECK ((kind = 'assessment') = (status IS NOT NULL)),
    CHECK ((kind = 'measurement') = (value IS NOT NULL)),
    CHECK ((kind = 'retraction') = (retracts_id IS NOT NULL)),
    CHECK ((kind = 'retraction') = (as_of IS NULL)),
    CHECK (kind <> 'assessment' OR subject_type = 'action'),
    CHECK (kind <> 'measurement' OR subject_type = 'target')
  ) STRICT`).execute(db)
  await appendOnly(db, 'revision')

  await sql.raw(`CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES revision (id),
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    url TEXT NOT NULL CHECK (url LIKE 'https://%' AND length(url) <= 2000),
    document_date TEXT CHECK (document_date IS NULL OR ${date('document_date')}),
    kind TEXT NOT NULL CHECK (kind IN ('raadsvoorstel', 'raadsinformatiebrief', 'begroting', 'jaarrekening', 'persbericht', 'other')),
    UNIQUE (revision_id, position)
  ) STRICT`).execute(db)
  await appendOnly(db, 'evidence')

  // AUTOINCREMENT: publication ids are the public order of changes (progressChanges) and are never reused.
  await sql.raw(`CREATE TABLE publication (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    revision_id INTEGER NOT NULL UNIQUE REFERENCES revision (id),
    reviewer_id INTEGER NOT NULL REFERENCES account (id),
    published_at TEXT NOT NULL,
    request_id TEXT
  ) STRICT`).execute(db)
  await appendOnly(db, 'publication')
  await sql.raw(`CREATE TRIGGER publication_four_eyes BEFORE INSERT ON publication
    WHEN NEW.reviewer_id = (SELECT author_id FROM revision WHERE id = NEW.revision_id)
    BEGIN SELECT RAISE(ABORT, 'four-eyes: a revision is published by someone other than its author'); END`).execute(db)

  await sql.raw(`CREATE TABLE audit_entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    account_id INTEGER REFERENCES account (id),
    operation TEXT NOT NULL CHECK (length(operation) BETWEEN 1 AND 100),
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused')),
    codes TEXT NOT NULL DEFAULT '',
    subject TEXT,
    record_id INTEGER,
    revision_before INTEGER,
    revision_after INTEGER,
    request_id TEXT,
    client TEXT
  ) STRICT`).execute(db)
  await appendOnly(db, 'audit_entry')

  await sql.raw('CREATE INDEX revision_agreement ON revision (agreement_slug, subject_type, subject_slug)').execute(db)
  await sql.raw('CREATE INDEX evidence_revision ON evidence (revision_id)').execute(db)
}
