import { sql, type Kysely } from 'kysely'
import { stemText, words } from '../search/dutch-stems.js'
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
function searchScope(agreementId: number): string {
  return `a${agreementId}`
}

/**
 * A word as the full-text index holds it: prefixed with its agreement's scope
 * and "_" (a token character of the index, never one of a word), so each
 * agreement has terms of its own.
 */
export function scopedToken(agreementId: number, word: string): string {
  return `${searchScope(agreementId)}_${word}`
}

const scopedText = (agreementId: number, text: string) => words(text).map((word) => scopedToken(agreementId, word)).join(' ')

/** Documents indexed per statement: few enough to keep a 1000x build's memory flat. */
const chunk = 2000

/**
 * Fills the contentless FTS5 index from search_document after all agreements
 * are in: each document's title, text and stems as agreement-scoped tokens
 * (folded as a search folds its words), under the document's id.
 */
export async function rebuildSearchIndex(db: Kysely<Database>): Promise<void> {
  for (let after = 0; ;) {
    const documents = await db.selectFrom('search_document').select(['id', 'agreement_id', 'title', 'body', 'stems'])
      .where('id', '>', after).orderBy('id').limit(chunk).execute()
    if (documents.length === 0) return
    const rows = documents.map((d) => sql`(${d.id}, ${scopedText(d.agreement_id, d.title)}, ${scopedText(d.agreement_id, d.body)}, ${scopedText(d.agreement_id, d.stems)})`)
    await sql`INSERT INTO search_fts (rowid, title, body, stems) VALUES ${sql.join(rows)}`.execute(db)
    after = documents.at(-1)!.id
  }
}
