import { sql, type Kysely } from 'kysely'
import { stemText } from '../search/dutch-stems.js'
import type { Database, SearchKind } from './database.js'
import { insertRows } from './insert-rows.js'

interface Document {
  kind: SearchKind
  record_id: number
  title: string
  body: string
}

/**
 * Fills the full-text index with every searchable record of an agreement: the
 * original text (diacritics folded by the tokenizer) and its Dutch stems.
 */
export async function fillSearchIndex(db: Kysely<Database>, agreementId: number): Promise<void> {
  const of = (kind: SearchKind, rows: { id: number; title: string | null; body: string | null }[]): Document[] =>
    rows.map((r) => ({ kind, record_id: r.id, title: r.title ?? '', body: r.body ?? '' }))
  const documents: Document[] = [
    ...of('theme', await db.selectFrom('theme').where('agreement_id', '=', agreementId)
      .select(['id', 'name as title', sql<string>`coalesce(vision_text, '') || ' ' || coalesce(vision_short_text, '')`.as('body')]).execute()),
    ...of('topic', await db.selectFrom('topic').where('agreement_id', '=', agreementId).select(['id', 'title', 'text as body']).execute()),
    ...of('section', await db.selectFrom('section').where('agreement_id', '=', agreementId).select(['id', 'title', 'text as body']).execute()),
    ...of('action', await db.selectFrom('action')
      .leftJoin('topic', 'topic.id', 'action.topic_id')
      .leftJoin('section', 'section.id', 'action.section_id')
      .where('action.agreement_id', '=', agreementId)
      .select(['action.id', sql<string>`coalesce(topic.title, section.title)`.as('title'), 'action.text as body']).execute()),
    ...of('target', await db.selectFrom('target').where('agreement_id', '=', agreementId)
      .select(['id', 'description as title', 'text as body']).execute()),
    ...of('budget_line', await db.selectFrom('budget_line').where('agreement_id', '=', agreementId)
      .select(['id', 'display_name as title', 'name as body']).execute()),
    ...of('rule', await db.selectFrom('rule').where('agreement_id', '=', agreementId)
      .select(['id', sql<string>`'Spelregel ' || position`.as('title'), 'text as body']).execute()),
    ...of('district', await db.selectFrom('district').where('agreement_id', '=', agreementId)
      .select(['id', 'name as title', 'text as body']).execute()),
    ...of('portfolio', await db.selectFrom('portfolio')
      .innerJoin('person', 'person.id', 'portfolio.person_id')
      .innerJoin('responsibility', 'responsibility.portfolio_id', 'portfolio.id')
      .where('portfolio.agreement_id', '=', agreementId)
      .groupBy(['portfolio.id', 'person.name'])
      .select(['portfolio.id', 'person.name as title', sql<string>`group_concat(responsibility.name, ', ')`.as('body')]).execute()),
  ]
  await insertRows(db, 'search_document', documents.map((d) => ({
    agreement_id: agreementId, kind: d.kind, record_id: d.record_id, title: d.title, body: d.body,
    stems: stemText(`${d.title} ${d.body}`), scope: searchScope(agreementId),
  })))
}

/** The token that scopes an agreement's documents in the full-text index. */
export function searchScope(agreementId: number): string {
  return `a${agreementId}`
}

/** Rebuilds the FTS5 index from search_document after all agreements are in. */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO search_fts(search_fts) VALUES ('rebuild')`.execute(db)
}
