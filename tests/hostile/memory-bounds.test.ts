import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareAnswer } from '../../src/server/prepared-answer.js'
import { ResponseCache } from '../../src/server/response-cache.js'
import { createTestApp, startTestServer } from '../api/support.js'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** The heap in use after full collections: what stays held, not what is waiting to be collected. */
function heldHeap(): number {
  for (let i = 0; i < 3; i++) gc()
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

const MB = 1_000_000

describe('memory under hostile traffic stays within the documented bounds', () => {
  it('keeps parsed documents within PARSE_CACHE_BYTES however many distinct large documents arrive', async () => {
    const budget = 2 * MB
    // A low MAX_COST refuses each document after it is parsed and validated (both cached), before it runs: a fast flood.
    const app = createTestApp({ parseCacheBytes: budget, limits: { maxCost: 100 } })
    afterAll(() => app.close())
    // About 400 tokens and 3 kB each (yoga kept 1,024 of them, about 70 MB); the comment makes every document distinct.
    const document = (n: number) => `{ actions(first: 1, filter: { theme: [${'"wonen" '.repeat(400)}] }) { totalCount } } # ${n}`
    await app.gql(document(-1))
    const before = heldHeap()
    for (let n = 0; n < 1_500; n++) {
      const answer = await app.gql(document(n))
      if (n === 0) expect(answer.body.errors[0].extensions.limit).toBe('MAX_COST')
    }
    const grown = heldHeap() - before
    // The bound leaves room for the app's other caches (prepared statements, loaders' code).
    expect(grown).toBeLessThan(budget * 1.5 + 4 * MB)
    console.info(`parse cache: ${Math.round(grown / 1000)} kB held after 1,500 distinct 3 kB documents (budget ${budget / 1000} kB)`)
  }, 300_000)

  it('keeps the response cache within RESPONSE_CACHE_BYTES of real heap, small entries and their hit-path aliases included', async () => {
    const budget = 5 * MB
    const cache = new ResponseCache(budget)
    const before = heldHeap()
    for (let n = 0; n < 30_000; n++) {
      const body = Buffer.from(JSON.stringify({ data: { theme: { slug: `thema-${n}`, name: 'Wonen' } }, extensions: { cost: { estimated: 3, maximum: 5000 } } }))
      const headers: Record<string, string> = {
        'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag, X-Cache, Content-Length', vary: 'Accept',
        'content-type': 'application/graphql-response+json; charset=utf-8', 'cache-control': 'public, max-age=300, stale-while-revalidate=300',
        etag: `"${n.toString(36).padStart(32, 'x')}"`,
      }
      const entry = await prepareAnswer({ status: 200, headers, body, generation: 1 }, 'identity')
      cache.set(`GET ["{ theme(slug: \\"thema-${n}\\") { slug name } }",null,null,null]\napplication/graphql-response+json`, entry,
        `/graphql?query=${encodeURIComponent(`{ theme(slug: "thema-${n}") { slug name } }`)}\napplication/graphql-response+json`)
    }
    const grown = heldHeap() - before
    expect(cache.bytes).toBeLessThanOrEqual(budget)
    // Counting only key and body, the same budget held about 40 MB of heap.
    expect(grown).toBeLessThan(budget * 1.25)
    expect(cache.size).toBeGreaterThan(1000)
    console.info(`response cache: ${Math.round(grown / 1000)} kB held by ${cache.size} entries (budget ${budget / 1000} kB, estimate ${Math.round(cache.bytes / 1000)} kB)`)
  })

  it('answers GraphQL GETs with junk query parameters from one cache entry', async () => {
    const server = await startTestServer()
    try {
      const query = encodeURIComponent('{ themes { slug } }')
      const caches: string[] = []
      for (let n = 0; n < 20; n++) {
        const answer = await fetch(`${server.base}/graphql?query=${query}&junk=${n}&utm_source=x${n}`)
        expect(answer.status).toBe(200)
        caches.push(answer.headers.get('x-cache') ?? '')
      }
      expect(caches).toEqual(['MISS', ...Array(19).fill('HIT')])
    } finally {
      await server.close()
    }
  })
})
