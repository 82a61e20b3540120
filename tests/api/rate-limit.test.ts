import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { startTestServer } from './support.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

/** A POST of a query from a client named by X-Forwarded-For (believed only from a trusted proxy). */
async function post(server: Server, query: string, from?: string) {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ query }),
  })
  return { status: response.status, headers: response.headers, body: await response.json() as any }
}

/** The remaining points of a RateLimit header (`"points";r=120;t=30`). */
const remaining = (headers: Headers) => Number(/;r=(\d+)/.exec(headers.get('ratelimit') ?? '')?.[1])

describe('the points budget per client', () => {
  let server: Server
  beforeAll(async () => { server = await startTestServer({ RATE_LIMIT_POINTS: '400', RATE_LIMIT_WINDOW_SECONDS: '3600', TRUST_PROXY: 'loopback' }) })
  afterAll(() => server.close())

  it('charges an executed answer its actual cost, reports it in the RateLimit headers, and lets cached answers cost nothing', async () => {
    const first = await post(server, '{ themes { slug name } }', '203.0.113.10')
    expect(first.status).toBe(200)
    expect(first.headers.get('ratelimit-policy')).toBe('"points";q=400;w=3600')
    const cost = first.body.extensions.cost.actualQueryCost
    expect(cost).toBeGreaterThan(5)
    expect(remaining(first.headers)).toBe(400 - cost)
    const again = await post(server, '{ themes { slug name } }', '203.0.113.10')
    expect(again.headers.get('x-cache')).toBe('HIT')
    expect(remaining(again.headers)).toBe(400 - cost)
    expect(first.headers.get('access-control-expose-headers')).toContain('RateLimit')
  })

  it('answers 429 with Retry-After once the budget is spent, still serves cached answers, and keeps other clients apart', async () => {
    const cached = await post(server, '{ districts { slug } }', '203.0.113.20')
    let spent: Awaited<ReturnType<typeof post>> | undefined
    for (let i = 1; i <= 40 && !spent; i++) {
      const answer = await post(server, `{ actions(first: ${i}) { edges { node { slug text kind } } } }`, '203.0.113.20')
      if (answer.status === 429) spent = answer
      else expect(answer.status).toBe(200)
    }
    expect(spent).toBeDefined()
    expect(spent!.body.errors[0].extensions.code).toBe('RATE_LIMITED')
    expect(Number(spent!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(spent!.body.errors[0].extensions.retryAfter).toBe(Number(spent!.headers.get('retry-after')))
    expect(remaining(spent!.headers)).toBe(0)
    // The cached answer is still served to the spent client, for nothing.
    const hit = await post(server, '{ districts { slug } }', '203.0.113.20')
    expect(hit.status).toBe(200)
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.body).toEqual(cached.body)
    // Another client, beside the flood, has its whole budget.
    const other = await post(server, '{ actions(first: 3) { totalCount edges { node { slug } } } }', '203.0.113.21')
    expect(other.status).toBe(200)
    expect(remaining(other.headers)).toBe(400 - other.body.extensions.cost.actualQueryCost)
  })

  it('tells a client where it stands with a rateLimit query, never cached, and throttleStatus in an answer kept for it alone', async () => {
    const answer = await post(server, '{ rateLimit { limit remaining used restoreRate resetAt } }', '203.0.113.30')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('private, no-store')
    const { rateLimit } = answer.body.data
    expect(rateLimit).toMatchObject({ limit: 400, remaining: 400, used: 0 })
    expect(rateLimit.restoreRate).toBeCloseTo(400 / 3600, 2)
    expect(Date.parse(rateLimit.resetAt)).toBeGreaterThan(Date.now() - 2000)
    expect(answer.body.extensions.cost.throttleStatus).toEqual({
      maximumAvailable: 400, currentlyAvailable: 400 - answer.body.extensions.cost.actualQueryCost, restoreRate: rateLimit.restoreRate,
    })
    const second = (await post(server, '{ rateLimit { remaining used } }', '203.0.113.30')).body.data.rateLimit
    expect(second.remaining).toBeLessThan(400)
    expect(second.used).toBe(400 - second.remaining)
  })
})

describe('client identity without a trusted proxy', () => {
  let server: Server
  beforeAll(async () => { server = await startTestServer({ RATE_LIMIT_POINTS: '50', RATE_LIMIT_WINDOW_SECONDS: '3600' }) })
  afterAll(() => server.close())

  it('ignores X-Forwarded-For from a peer that is not a named proxy: a forged address buys no new budget', async () => {
    const a = await post(server, '{ rateLimit { remaining } }', '198.51.100.1')
    const b = await post(server, '{ rateLimit { remaining } }', '198.51.100.2')
    expect(b.body.data.rateLimit.remaining).toBeLessThan(a.body.data.rateLimit.remaining)
  })

  it('has generous documented defaults', () => {
    const defaults = loadConfig({}).rateLimit
    expect(defaults).toEqual({ points: 100_000, windowSeconds: 60 })
    expect(defaults.points / defaults.windowSeconds * 3600).toBeGreaterThan(100 * loadConfig({}).limits.maxCost)
  })
})
