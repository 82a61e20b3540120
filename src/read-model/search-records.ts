import { sql, type Kysely } from 'kysely'
import { stemWord, words } from '../search/dutch-stems.js'
import type { Database, SearchKind } from '../store/database.js'
import { scopedToken } from '../store/fill-search-index.js'
import type { SqlReader, StatementTally } from './sql-reader.js'

/** Bounds on a search query, so a hostile query costs no more than an ordinary one. */
export const searchLimits = { maxLength: 500, maxWords: 16 } as const

/** A search query that cannot be run, with a reason fit to show the user. */
export class SearchInputError extends Error {
  override readonly name = 'SearchInputError'
  /** What is wrong, and the length or number of words found, so a page can say it in its own language. */
  constructor(message: string, readonly problem: 'too-long' | 'no-words' | 'too-many-words', readonly count = 0) {
    super(message)
  }
}

/** A prepared search: the folded words the user typed, their stems, and what each word may match (itself or its stem, as prefixes). */
export interface SearchTerms {
  words: string[]
  stems: string[]
  alternatives: string[][]
}

/** An FTS5 string literal: the token in double quotes, any quote inside doubled. */
const quoted = (token: string) => `"${token.replaceAll('"', '""')}"`

/**
 * Turns user input into an FTS5 MATCH expression. The input never reaches
 * MATCH as written: it is split into words (letters and digits, diacritics
 * folded), so quotes, `*`, `^`, `:`, parentheses and operators such as NEAR or
 * OR are either dropped as punctuation or searched as plain words. Every word
 * becomes a quoted prefix term on itself and on its Dutch stem, so "woningen"
 * finds "woning", "financien" finds "Financiën" and "zwemb" finds "Zwembad".
 */
export function searchTerms(query: string): SearchTerms {
  const known = preparedTerms.get(query)
  if (known) return known
  const terms = prepareTerms(query)
  if (preparedTerms.size >= maxPreparedTerms) preparedTerms.delete(preparedTerms.keys().next().value!)
  preparedTerms.set(query, terms)
  return terms
}

/** Queries already folded and stemmed: the same words are searched again and again (and paged through). */
const preparedTerms = new Map<string, SearchTerms>()
const maxPreparedTerms = 1000

function prepareTerms(query: string): SearchTerms {
  if (query.length > searchLimits.maxLength) {
    throw new SearchInputError(`is ${query.length} characters long; at most ${searchLimits.maxLength} are allowed`, 'too-long', query.length)
  }
  const found = [...new Set(words(query))]
  if (found.length === 0) throw new SearchInputError('holds no word to search for (letters or digits)', 'no-words')
  if (found.length > searchLimits.maxWords) {
    throw new SearchInputError(`holds ${found.length} different words; at most ${searchLimits.maxWords} are allowed`, 'too-many-words', found.length)
  }
  const stems = found.map(stemWord)
  const alternatives = found.map((word, i) => [...new Set([word, stems[i]!])].filter((t) => t.length > 0))
  return { words: found, stems, alternatives }
}

/** One matching search document, best first. */
export interface SearchRow {
  documentId: number
  kind: SearchKind
  recordId: number
  title: string
  body: string
  /** bm25 with the title weighted four times the text: lower is more relevant. */
  bm25: number
}

/** Ranking: bm25 over (title, body, stems), the title counting most; ties in document order. */
const bm25 = sql<number>`bm25(search_fts, 4.0, 1.0, 1.0)`

/**
 * Narrows a search to some kinds of record, or to some records of each kind
 * (those of a theme); undefined fields do not narrow.
 */
export interface SearchNarrowing {
  kinds?: readonly SearchKind[]
  records?: ReadonlyMap<SearchKind, readonly number[]>
}

/** The SQL condition of a narrowing on the joined search_document `d`; TRUE when it does not narrow. */
function narrowingCondition(narrowing: SearchNarrowing | undefined) {
  const parts = []
  if (narrowing?.kinds) parts.push(sql`d.kind IN (${sql.join(narrowing.kinds.length ? narrowing.kinds : [''])})`)
  if (narrowing?.records) {
    const byKind = [...narrowing.records].filter(([, ids]) => ids.length > 0)
      .map(([kind, ids]) => sql`(d.kind = ${kind} AND d.record_id IN (${sql.join(ids)}))`)
    parts.push(byKind.length ? sql`(${sql.join(byKind, sql` OR `)})` : sql`0`)
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`1`
}

/** The MATCH expression of a search in one agreement: every word, as itself or its stem, a prefix of one of the agreement's own terms. */
function scopedMatch(agreementId: number, terms: SearchTerms): string {
  return terms.alternatives.map((forms) => `(${forms.map((t) => `${quoted(scopedToken(agreementId, t))}*`).join(' OR ')})`).join(' AND ')
}

type SearchPageRow = { id: number; kind: SearchKind; record_id: number; title: string; body: string; score: number }

/**
 * The SQL of one page of an agreement's search results, best first. The
 * matches are ranked by id and score alone, and only the page's rows read
 * their title and text: sorting every match with its text made a search for
 * a common word a quarter slower.
 */
function searchPageQuery(agreementId: number, terms: SearchTerms, page: { offset: number; limit: number }, narrowing?: SearchNarrowing) {
  return sql<SearchPageRow>`
    SELECT d.id, d.kind, d.record_id, d.title, d.body, ranked.score
    FROM (
      SELECT d.id, ${bm25} AS score
      FROM search_fts JOIN search_document AS d ON d.id = search_fts.rowid
      WHERE search_fts MATCH ${scopedMatch(agreementId, terms)} AND ${narrowingCondition(narrowing)}
      ORDER BY score, d.id
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) AS ranked JOIN search_document AS d ON d.id = ranked.id
    ORDER BY ranked.score, ranked.id`
}

/** The SQL counting an agreement's matching search documents. */
function searchCountQuery(agreementId: number, terms: SearchTerms, narrowing?: SearchNarrowing) {
  return sql<{ count: number }>`
    SELECT count(*) AS count
    FROM search_fts JOIN search_document AS d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ${scopedMatch(agreementId, terms)} AND ${narrowingCondition(narrowing)}`
}

const toSearchRow = (r: SearchPageRow): SearchRow => ({ documentId: r.id, kind: r.kind, recordId: r.record_id, title: r.title, body: r.body, bm25: r.score })

/** Reads one page of an agreement's search results, best first. */
export async function searchRecords(
  db: Kysely<Database>, agreementId: number, terms: SearchTerms, page: { offset: number; limit: number },
): Promise<SearchRow[]> {
  return (await searchPageQuery(agreementId, terms, page).execute(db)).rows.map(toSearchRow)
}

/** How many of an agreement's search documents match. */
export async function countSearchMatches(db: Kysely<Database>, agreementId: number, terms: SearchTerms): Promise<number> {
  return Number((await searchCountQuery(agreementId, terms).execute(db)).rows[0]?.count ?? 0)
}

/**
 * The same search run synchronously on a snapshot's reader (reused prepared
 * statements), for resolvers that answer without promises.
 */
export const searchNow = {
  page: (
    db: Kysely<Database>, reader: SqlReader, agreementId: number, terms: SearchTerms, page: { offset: number; limit: number }, tally?: StatementTally,
    narrowing?: SearchNarrowing,
  ): SearchRow[] => reader.rows<SearchPageRow>(searchPageQuery(agreementId, terms, page, narrowing).compile(db), tally).map(toSearchRow),
  count: (db: Kysely<Database>, reader: SqlReader, agreementId: number, terms: SearchTerms, tally?: StatementTally, narrowing?: SearchNarrowing): number =>
    Number(reader.rows<{ count: number }>(searchCountQuery(agreementId, terms, narrowing).compile(db), tally)[0]?.count ?? 0),
}
