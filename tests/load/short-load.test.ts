import autocannon from 'autocannon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../api/support.js'

const queries: [string, Record<string, unknown>?][] = [
  ['query ($slug: String!) { theme(slug: $slug) { name topics { title actions { id text kind portfolios { slug } districts { slug } } } } }', { slug: 'wonen' }],
  ['query ($q: String!) { search(query: $q, first: 10) { totalCount edges { node { excerpt path } } } }', { q: 'woningbouw' }],
  ['query ($q: String!) { search(query: $q, first: 10) { totalCount } }', { q: '"sociale OR NEAR( woningbouw*' }],
  ['query ($f: ActionFilter) { actions(first: 20, filter: $f) { totalCount edges { cursor node { id text } } } }', { f: { theme: ['wonen', 'meedoen'] } }],
  ['{ agreement { title themes { slug name } portfolios { slug holder { name } } } }'],
]

/**
 * A few seconds of mixed GraphQL load, GET and POST, cached and uncached: the
 * short version of the bench's 60 s load run. It checks only that nothing
 * fails; how fast is the bench's business, never a test's.
 */
describe('short mixed load', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => { server = await startTestServer() })
  afterAll(async () => { await server.close() })

  it('answers 4 s of mixed queries at 32 connections without an error, a timeout or a non-2xx', async () => {
    const requests = queries.flatMap(([query, variables]): { method: string; path: string; headers: Record<string, string>; body?: string }[] => [
      { method: 'GET', path: `/graphql?${new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) })}`, headers: { accept: 'application/graphql-response+json' } },
      { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({ query, variables }) },
    ])
    const result = await autocannon({ url: server.base, connections: 32, duration: 4, requests, timeout: 10 })
    expect(result.requests.total).toBeGreaterThan(100)
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, '5xx': result['5xx'] }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, '5xx': 0 })
  })
})
