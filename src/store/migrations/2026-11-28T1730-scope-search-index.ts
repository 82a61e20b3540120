import { sql, type Kysely } from 'kysely'

/**
 * Scopes the full-text index by agreement inside FTS5 itself. Filtering on
 * search_document.agreement_id after MATCH made a search walk the matches of
 * every agreement, so it slowed down with the number of agreements; a `scope`
 * column holding one token per agreement ("a17") lets MATCH intersect with
 * that agreement's documents alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_fts`.execute(db)
  await sql`ALTER TABLE search_document ADD COLUMN scope TEXT NOT NULL DEFAULT ''`.execute(db)
  await sql`UPDATE search_document SET scope = 'a' || agreement_id`.execute(db)
  await sql.raw(`CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, stems, scope,
    content = 'search_document', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`).execute(db)
  await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_fts`.execute(db)
  await sql`ALTER TABLE search_document DROP COLUMN scope`.execute(db)
  await sql.raw(`CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, stems,
    content = 'search_document', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`).execute(db)
  await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db)
}
