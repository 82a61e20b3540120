import { createHash } from 'node:crypto'
import { brandWithType } from '@pothos/core'
import type { SearchKind } from '../../store/database.js'
import { SearchInputError, searchTerms, type SearchNarrowing, type SearchRow, type SearchTerms } from '../../read-model/search-records.js'
import { themeRecords } from '../../read-model/theme-records.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { encodeCursor } from '../cursor.js'
import { badUserInput } from '../errors.js'
import { filterIds } from '../filter-slugs.js'
import type { IdEntity } from '../loaders.js'
import { pageCost, pageWindow } from '../pagination.js'
import { hitSnippet, type Snippet } from '../../search/search-snippet.js'
import type { RecordLocation } from '../../read-model/record-locations.js'
import { locationOf } from '../../read-model/snapshot-locations.js'
import { locationPath } from '../../web/web-paths.js'
import { ActionRef, BudgetLineRef, DistrictRef, PortfolioRef, RuleRef, SectionRef, TargetRef, ThemeRef, TopicRef } from './refs.js'

/** Which record type each kind of search document is, and its GraphQL type. */
const kinds: Record<SearchKind, { entity: IdEntity; typename: string }> = {
  theme: { entity: 'theme', typename: 'Theme' },
  topic: { entity: 'topic', typename: 'Topic' },
  action: { entity: 'action', typename: 'Action' },
  target: { entity: 'target', typename: 'Target' },
  budget_line: { entity: 'budgetLine', typename: 'BudgetLine' },
  rule: { entity: 'rule', typename: 'Rule' },
  section: { entity: 'section', typename: 'Section' },
  portfolio: { entity: 'portfolio', typename: 'Portfolio' },
  district: { entity: 'district', typename: 'District' },
}

interface SearchHitShape {
  agreementId: number
  row: SearchRow
  terms: SearchTerms
  snippet: Snippet
  location: RecordLocation
}

const SearchItem = builder.unionType('SearchItem', {
  description: 'Anything the search finds.',
  types: [ThemeRef, TopicRef, ActionRef, TargetRef, BudgetLineRef, RuleRef, SectionRef, PortfolioRef, DistrictRef],
})

const TextRange = builder.objectRef<{ start: number; length: number }>('TextRange').implement({
  description: 'A stretch of a text, by character offsets (UTF-16 code units, as JavaScript counts them).',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'The offset of the first character (0-based).' }),
    length: t.exposeInt('length', { description: 'The number of characters.' }),
  }),
})

const SearchHit = builder.objectRef<SearchHitShape>('SearchHit').implement({
  description: 'One search result: what was found, how well it matches, and a highlighted snippet.',
  fields: (t) => ({
    rank: t.float({
      description: 'The relevance (bm25, with a match in the title counting four times a match in the text): higher is better; results come best first.',
      resolve: (hit) => -hit.row.bm25,
    }),
    title: t.string({ description: 'The title of what was found (a theme name, a topic heading, the topic of an action, ...).', resolve: (hit) => hit.row.title }),
    snippet: t.string({
      description: 'A window of the matched text as HTML: the text escaped, each matching word in <mark>…</mark>, and "…" where the text was cut.',
      resolve: (hit) => hit.snippet.html,
    }),
    path: t.string({
      description: 'The path, on this server, of the web page that shows what was found, with an anchor where it stands on it (for example /thema/wonen#kloosterveen).',
      resolve: (hit) => locationPath(hit.location),
    }),
    excerpt: t.string({ description: 'The same window as plain text; `highlights` marks the matching words in it.', resolve: (hit) => hit.snippet.text }),
    highlights: t.field({
      type: [TextRange], description: 'Where the matching words stand in `excerpt`.', complexity: { field: 1, multiplier: 32 },
      resolve: (hit) => hit.snippet.highlights,
    }),
    item: t.field({
      type: SearchItem, description: 'What was found.',
      resolve: (hit, _args, ctx) => {
        const { entity, typename } = kinds[hit.row.kind]
        const record = ctx.loaders.of(hit.agreementId).byId(entity, hit.row.recordId)
        if (!record) throw new Error(`search document ${hit.row.documentId} points at a missing ${entity}`)
        // A branded copy: the snapshot's records are shared by every request and stay as read.
        const item = { ...record }
        brandWithType(item, typename as never)
        return item as never
      },
    }),
  }),
})

function toHit(agreementId: number, row: SearchRow, terms: SearchTerms, location: RecordLocation): SearchHitShape {
  return { agreementId, row, terms, snippet: hitSnippet(row, terms), location }
}

function parseQuery(query: string): SearchTerms {
  try {
    return searchTerms(query)
  } catch (error) {
    if (error instanceof SearchInputError) throw badUserInput('query', query, error.message)
    throw error
  }
}

const SearchResultType = builder.enumType('SearchResultType', {
  description: 'A type of record the search finds, to narrow it with `types`.',
  values: Object.fromEntries(Object.entries(kinds).map(([kind, { typename }]) => [kind.toUpperCase(), { value: kind as SearchKind, description: `${typename} records.` }])),
})

interface SearchArgs {
  query: string
  agreement?: string | null
  types?: readonly SearchKind[] | null
  theme?: readonly string[] | null
  first?: number | null
  last?: number | null
  after?: string | null
  before?: string | null
}

/**
 * The cursor scope of one search: "SearchHit" and letters derived from the
 * words, narrowing and agreement, so that a cursor of another search is
 * refused instead of paging this one from a place that means nothing here.
 */
function cursorScope(agreementId: number, terms: SearchTerms, args: SearchArgs): string {
  const digest = createHash('sha256').update(JSON.stringify([agreementId, terms.words, [...(args.types ?? [])].sort(), [...(args.theme ?? [])].sort()])).digest()
  return `SearchHit${[...digest.subarray(0, 8)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('')}`
}

function search(ctx: ApiContext, args: SearchArgs) {
  const terms = parseQuery(args.query)
  const snapshot = snapshotFromArg(ctx, args.agreement)
  const agreementId = snapshot.agreement.id
  const window = pageWindow(args, cursorScope(agreementId, terms, args), 'comes from another search (other words, narrowing or agreement): page with the cursors of this search')
  const themeIds = filterIds(snapshot, 'theme', 'theme', 'theme', args.theme)
  const narrowing: SearchNarrowing = { kinds: args.types ?? undefined, records: themeIds ? themeRecords(snapshot, themeIds) : undefined }
  const total = ctx.loaders.searchCount(agreementId, terms, narrowing)
  // Offsets: results are ranked, not keyed, so a cursor is the hit's place in the ranking.
  const lower = window.after !== undefined ? window.after + 1 : 0
  const upper = Math.min(window.before ?? total, total)
  const start = window.direction === 'forward' ? lower : Math.max(lower, upper - window.limit)
  const end = window.direction === 'forward' ? Math.min(upper, lower + window.limit) : upper
  const rows = end > start ? ctx.loaders.searchPage(agreementId, terms, { offset: start, limit: end - start }, narrowing) : []
  const edges = rows.map((row, i) => ({
    cursor: encodeCursor(window.scope, start + i), node: toHit(agreementId, row, terms, locationOf(snapshot, row.kind, row.recordId)),
  }))
  return {
    edges,
    pageInfo: {
      hasNextPage: start + rows.length < total && (window.direction === 'backward' ? window.before !== undefined : true),
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: () => total,
  }
}

builder.queryFields((t) => ({
  search: t.connection({
    type: SearchHit,
    description: 'Full-text search over every text of an agreement: themes, topics, actions, targets, budget lines, rules, sections, portfolios and districts. '
      + 'Words are matched without diacritics ("financien" finds "Financiën"), by Dutch stem ("woningen" finds "woning") and as prefixes ("zwemb" finds "Zwembad"); '
      + 'all words must match. Results come best first (bm25). The query is plain text: quotes, operators and punctuation have no special meaning. '
      + 'A cursor belongs to its search: one from a search with other words, narrowing or agreement is refused (BAD_USER_INPUT).',
    args: {
      query: t.arg.string({ required: true, description: 'What to search for: up to 500 characters and 16 different words.' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
      types: t.arg({ type: [SearchResultType], description: 'Only results of these types; omitted: every type.' }),
      theme: t.arg.stringList({
        description: 'Theme slugs: only results that belong to these themes (the themes, their topics, actions, targets and budget lines); rules, sections, portfolios and districts belong to no theme.',
      }),
    },
    complexity: pageCost,
    resolve: (_root, args, ctx) => search(ctx, args),
  }, {
    name: 'SearchConnection',
    description: 'A page of search results, best first, with the total number of matches.',
  }, {
    name: 'SearchHitEdge',
    description: 'A search result in a page, with its cursor.',
  }),
}))
