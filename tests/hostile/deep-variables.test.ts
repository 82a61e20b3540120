import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../api/support.js'

const query = 'query Theme($slug: String!) { theme(slug: $slug) { slug } }'
const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`

describe('deeply nested variables', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => { server = await startTestServer() })
  afterAll(() => server.close())

  // Asked as application/graphql-response+json: the media type whose request errors are 4xx (with application/json
  // they are 200s carrying the error, as GraphQL over HTTP says).
  it('are refused with a 4xx on the lean path as on yoga, never a 500 (a stack overflow before)', async () => {
    for (const depth of [40, 10_000, 100_000]) {
      const body = `{"query":${JSON.stringify(query)},"variables":{"slug":${nested(depth)}}}`
      const post = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body })
      expect(post.status, `POST depth ${depth}`).toBeGreaterThanOrEqual(400)
      expect(post.status, `POST depth ${depth}`).toBeLessThan(500)
      const get = await fetch(`${server.base}/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"slug":${nested(Math.min(depth, 20_000))}}`)}`, { headers: { accept: 'application/graphql-response+json' } })
      expect(get.status, `GET depth ${depth}`).toBeGreaterThanOrEqual(400)
      expect(get.status, `GET depth ${depth}`).toBeLessThan(500)
    }
    const ordinary = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { slug: 'wonen' } }) })
    expect((await ordinary.json()).data.theme.slug).toBe('wonen')
  })
})
