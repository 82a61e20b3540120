import type { LoadRequest } from './load.js'

/** A GraphQL request the bench measures, sent as a GET (what a browser or CDN would cache). */
export interface Scenario {
  name: string
  /** Sent to the server with the response cache on (a repeated query: every answer after the first is a hit). */
  cached: boolean
  query: string
  variables?: Record<string, unknown>
  /** The server's LOG_LEVEL for this scenario: the bench runs servers at warn, and once at the default to price the access log. */
  logLevel?: 'info'
}

/** The agreement the bench queries: the real one, which is in every synthetic database too. */
export const realAgreement = 'assen-2022-2026'

const overview = `query Overview($a: String) { agreement(slug: $a) { id title subtitle municipality periodStart periodEnd presentedOn
  parties { slug name } themes { slug name heading visionShort } portfolios { slug holder { name } party { name } } } }`

const themePage = `query ThemePage($a: String, $slug: String!) { theme(agreement: $a, slug: $slug) { id name heading vision visionShort
  topics { slug title text actions { id slug text kind portfolios { slug holder { name } party { name } } districts { slug name } } }
  portfolios { slug holder { name } } budgetLines { slug } } }`

const search = `query Search($a: String, $q: String!) { search(agreement: $a, query: $q, first: 10) { totalCount
  edges { cursor node { excerpt path rank highlights { start length } } } } }`

const actionsPage = `query Actions($a: String, $f: ActionFilter, $after: String) { actions(agreement: $a, filter: $f, first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id slug text kind position } } } }`

// The progress monitor's public reads: a status per action, the agreement's summary (an empty editorial store by default).
const progressPage = `query Progress($a: String) { agreement(slug: $a) { progressSummary { total assessed counts { status count } } }
  actions(agreement: $a, first: 50) { edges { node { slug progressStatus progress { status asOf } } } } }`

const nodeLookup = `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Action { slug text kind } } }`

const node = `query Node($id: ID!) { node(id: $id) { id ... on Action { slug text kind theme { slug } } } }`

/** The throughput scenarios: a repeated query (hit and uncached), then the heavier pages uncached. */
export const throughputScenarios: readonly Scenario[] = [
  { name: 'repeated GET query (cache hit)', cached: true, query: overview, variables: { a: realAgreement } },
  { name: 'repeated GET query (cache hit), LOG_LEVEL=info (default)', cached: true, query: overview, variables: { a: realAgreement }, logLevel: 'info' },
  { name: 'same query uncached', cached: false, query: overview, variables: { a: realAgreement } },
  { name: 'nested theme page (cache hit)', cached: true, query: themePage, variables: { a: realAgreement, slug: 'wonen' } },
  { name: 'nested theme page uncached', cached: false, query: themePage, variables: { a: realAgreement, slug: 'wonen' } },
  { name: '{ __typename } uncached', cached: false, query: '{ __typename }' },
  { name: 'search uncached', cached: false, query: search, variables: { a: realAgreement, q: 'woningbouw' } },
  { name: 'progress statuses and summary (cache hit)', cached: true, query: progressPage, variables: { a: realAgreement } },
  { name: 'progress statuses and summary uncached', cached: false, query: progressPage, variables: { a: realAgreement } },
  { name: 'paginated filtered actions uncached', cached: false, query: actionsPage, variables: { a: realAgreement, f: { theme: ['wonen', 'meedoen'], kind: ['CONSULT', 'ADVOCATE'] } } },
]

/** The queries the scale run times; node lookups get their IDs from a first actions page. */
export const scaleQueries = {
  actionsPage: (): Scenario => ({ name: 'paginated filtered actions', cached: false, query: actionsPage, variables: { a: realAgreement, f: { theme: ['wonen'], hasBudget: false } } }),
  nodes: (ids: readonly string[]): Scenario => ({ name: 'nodes lookup (20 IDs)', cached: false, query: nodeLookup, variables: { ids } }),
  node: (id: string): Scenario => ({ name: 'node lookup', cached: false, query: node, variables: { id } }),
  themePage: (): Scenario => ({ name: 'nested theme page', cached: false, query: themePage, variables: { a: realAgreement, slug: 'wonen' } }),
  search: (): Scenario => ({ name: 'search', cached: false, query: search, variables: { a: realAgreement, q: 'woningbouw' } }),
}

/** The query string of a scenario's GET request. */
export function pathOf(scenario: Pick<Scenario, 'query' | 'variables'>): string {
  const params = new URLSearchParams({ query: scenario.query.replace(/\s+/g, ' ') })
  if (scenario.variables) params.set('variables', JSON.stringify(scenario.variables))
  return `/graphql?${params.toString()}`
}

/** The request headers every scenario sends (what graphql-http clients send). */
export const graphqlHeaders = { accept: 'application/graphql-response+json' }

/** A scenario as one load request. */
export function loadRequestOf(scenario: Scenario): LoadRequest {
  return { method: 'GET', path: pathOf(scenario), headers: graphqlHeaders }
}

/**
 * The mixed load of the long run: the scenarios with a bounded set of
 * variable values (40 search words, every theme, 4 filters), so the response
 * cache fills during warm-up and memory growth after it would mean a leak.
 */
export function mixedLoad(themes: readonly string[], words: readonly string[]): LoadRequest[] {
  const mix: Scenario[] = []
  for (const [i, word] of words.entries()) {
    const theme = themes[i % themes.length]!
    mix.push({ name: 'search', cached: false, query: search, variables: { a: realAgreement, q: word } })
    mix.push({ name: 'theme', cached: false, query: themePage, variables: { a: realAgreement, slug: theme } })
    mix.push({ name: 'actions', cached: false, query: actionsPage, variables: { a: realAgreement, f: i % 2 ? { theme: [theme] } : { hasTarget: i % 4 === 0 } } })
    mix.push({ name: 'overview', cached: false, query: overview, variables: { a: realAgreement } })
  }
  return mix.map(loadRequestOf)
}
