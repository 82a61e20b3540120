import { sql, type Kysely } from 'kysely'

/**
 * Scopes every token of the full-text index by its agreement ("a17_woning"
 * rather than "woning" plus a scope column), in a contentless FTS5 table the
 * build fills (src/store/fill-search-index.ts). A search then reads only its
 * agreement's part of the index: with a shared vocabulary, the scope column
 * still made FTS5 merge the doclists of every agreement for a prefix term and
 * count every agreement's documents for bm25, so a search at 100x the data
 * took 5-40x as long as at 1x. Per-agreement document frequencies also make
 * the ranking of an agreement independent of the others in the file.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_fts`.execute(db)
  await sql.raw(`CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, stems,
    content = '',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '_'"
  )`).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE search_fts`.execute(db)
  await sql.raw(`CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, stems, scope,
    content = 'search_document', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`).execute(db)
  await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db)
}
