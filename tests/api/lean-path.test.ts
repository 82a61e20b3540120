import { Agent } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileRequests, type HostileRequest } from '../hostile/hostile-requests.js'
import { sendRaw, type RawAnswer } from '../hostile/send-request.js'
import { collectQueries } from './query-corpus.js'
import { startTestServer } from './support.js'

/** The ways a client sends one query: POST with each common Accept, and GET. */
function asRequests(query: string): HostileRequest[] {
  const post = (accept: string): HostileRequest => ({
    category: 'corpus', method: 'POST', path: '/graphql', expect: 'answered',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body: Buffer.from(JSON.stringify({ query })),
  })
  return [
    post('application/graphql-response+json'), post('application/json'), post(''),
    { category: 'corpus', method: 'GET', path: `/graphql?${new URLSearchParams({ query })}`, headers: { accept: '*/*' }, expect: 'answered' },
  ]
}

/** What a client sees of an answer: status, body and the headers that matter (the request id differs by design). */
function seen(answer: RawAnswer) {
  const { 'x-request-id': _id, date: _date, connection: _c, 'keep-alive': _k, ...headers } = answer.headers
  return { status: answer.status, headers, body: answer.body.toString('utf8') }
}

describe('the lean request path', () => {
  let lean: Awaited<ReturnType<typeof startTestServer>>
  let general: Awaited<ReturnType<typeof startTestServer>>
  const agent = new Agent({ keepAlive: true, maxSockets: 4 })

  beforeAll(async () => {
    // Both paths are compared on what they answer; the points budget (tests/api/rate-limit.test.ts) would differ by what each spent.
    lean = await startTestServer({ RATE_LIMIT_POINTS: '0' })
    general = await startTestServer({ COMPILED_CACHE_BYTES: '0', RATE_LIMIT_POINTS: '0' })
  }, 60_000)
  afterAll(async () => {
    agent.destroy()
    await Promise.all([lean?.close(), general?.close()])
  })

  it('answers the test, docs and hostile corpus byte for byte as yoga does, twice (a miss, then a hit)', async () => {
    const queries = collectQueries()
    expect(queries.length).toBeGreaterThan(50)
    const requests = [...queries.flatMap(asRequests), ...hostileRequests(300, 17)]
    const mismatches: string[] = []
    for (const request of requests) {
      for (const round of ['miss', 'hit']) {
        const fromLean = seen(await sendRaw(new URL(lean.base), agent, request, 30_000))
        const fromYoga = seen(await sendRaw(new URL(general.base), agent, request, 30_000))
        try {
          expect(fromLean).toEqual(fromYoga)
        } catch {
          mismatches.push(`${round} ${request.method} ${request.path.slice(0, 200)} ${request.body?.toString('utf8').slice(0, 200) ?? ''}\n  lean: ${JSON.stringify(fromLean).slice(0, 400)}\n  yoga: ${JSON.stringify(fromYoga).slice(0, 400)}`)
        }
      }
    }
    expect(mismatches.slice(0, 5).join('\n')).toBe('')
    // The corpus must exercise the lean path for real, not only its fallback.
    expect(general.running.lean.stats.answered).toBe(0)
    expect(lean.running.lean.stats.answered).toBeGreaterThan(queries.length)
  }, 300_000)
})
