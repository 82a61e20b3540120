import { sql } from 'kysely'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEditorialServer, sqlRow } from '../editorial/support.js'
import { BeheerClient } from '../web/beheer-client.js'
import { inParallel } from './send-request.js'

const wrongToken = `oa_${'B'.repeat(43)}`
const query = JSON.stringify({ query: '{ agreements { slug } }' })

/** A POST /graphql with a Bearer token, from the client a trusted proxy names. */
async function withToken(base: string, token: string, client: string): Promise<{ status: number; retryAfter: string | null; ms: number; code?: string }> {
  const started = performance.now()
  const answer = await fetch(`${base}/graphql`, {
    method: 'POST', body: query,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': client },
  })
  const body = await answer.json() as { errors?: { extensions: { code: string } }[] }
  return { status: answer.status, retryAfter: answer.headers.get('retry-after'), ms: performance.now() - started, code: body.errors?.[0]?.extensions.code }
}

const refusedRows = async (server: Awaited<ReturnType<typeof startEditorialServer>>) =>
  (await sqlRow<{ n: number }>(server.store, sql`SELECT count(*) AS n FROM audit_entry WHERE outcome = 'refused' AND operation IN ('authenticate', 'signIn')`)).n

describe('wrong tokens are answered at once and throttled per client', () => {
  let server: Awaited<ReturnType<typeof startEditorialServer>>
  let good: string
  beforeAll(async () => {
    server = await startEditorialServer({ TRUST_PROXY: 'loopback', MAX_IN_FLIGHT: '16' })
    good = await server.account('ans', 'editor')
  })
  afterAll(() => server.close())

  it('answers 140 concurrent wrong tokens with 401 then 429 and Retry-After at once, audits a handful, and ordinary clients get 200 meanwhile', async () => {
    const before = (await refusedRows(server))
    const ordinary: number[] = []
    const flood = inParallel(Array.from({ length: 140 }, (_, i) => i), 140, () => withToken(server.base, wrongToken, '10.2.0.1'))
    const others = (async () => {
      for (let i = 0; i < 10; i++) {
        const started = performance.now()
        const answer = await fetch(`${server.base}/graphql?query=${encodeURIComponent(`{ t${i}: __typename }`)}`, { headers: { 'x-forwarded-for': '10.2.0.2' } })
        await answer.arrayBuffer()
        ordinary.push(answer.status === 200 ? performance.now() - started : -answer.status)
      }
    })()
    const [answers] = await Promise.all([flood, others])
    const statuses = answers.map((answer) => answer.status)
    expect(statuses.filter((status) => status === 401).length).toBe(5)
    expect(statuses.filter((status) => status === 429).length).toBe(135)
    const throttled = answers.find((answer) => answer.status === 429)!
    expect(answers.filter((answer) => answer.status === 429).every((answer) => answer.code === 'RATE_LIMITED')).toBe(true)
    expect(Number(throttled.retryAfter)).toBeGreaterThanOrEqual(1)
    // The old throttle slept up to 5 s per request while it held an in-flight slot; other clients got 503.
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(5_000)
    expect(ordinary.every((ms) => ms >= 0 && ms < 2_000), JSON.stringify(ordinary)).toBe(true)
    // Four refusals and one row saying the client is now blocked, not a row per request.
    expect((await refusedRows(server)) - before).toBe(5)
    console.info(`auth flood: 140 wrong tokens answered within ${Math.round(Math.max(...answers.map((a) => a.ms)))} ms; ordinary answers within ${Math.round(Math.max(...ordinary))} ms`)
  })

  it('keys the throttle by the client TRUST_PROXY names: another client behind the same proxy still signs in', async () => {
    for (let i = 0; i < 5; i++) await withToken(server.base, wrongToken, '10.2.0.7')
    expect((await withToken(server.base, wrongToken, '10.2.0.7')).status).toBe(429)
    const other = await withToken(server.base, good, '10.2.0.3')
    expect(other.status).toBe(200)
  })

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const direct = await startEditorialServer()
    try {
      for (let i = 0; i < 5; i++) expect((await withToken(direct.base, wrongToken, `10.3.0.${i}`)).status).toBe(401)
      // Forged addresses do not buy new attempts: the socket's address is the key.
      expect((await withToken(direct.base, wrongToken, '10.3.0.99')).status).toBe(429)
    } finally {
      await direct.close()
    }
  })

  it('counts Bearer and /beheer failures together and refuses sign-in with 429 and Retry-After once blocked, at once', async () => {
    for (let i = 0; i < 5; i++) expect((await withToken(server.base, wrongToken, '10.2.0.5')).status).toBe(401)
    const client = new BeheerClient(server.base)
    const csrf = await client.formToken('/beheer/aanmelden')
    const started = performance.now()
    const answer = await client.post('/beheer/aanmelden', { csrf, token: good }, { 'x-forwarded-for': '10.2.0.5' })
    expect(answer.status).toBe(429)
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await answer.text()).toContain('Te veel mislukte pogingen')
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('answers a record form that lost a race with 409, as the docs say, and a wrong form with 422', async () => {
    const editor = new BeheerClient(server.base)
    await editor.signIn(good)
    const path = '/beheer/afspraak/woonvisie-3000-woningen-als-minimum'
    const form = {
      status: 'IN_PROGRESS', asOf: '2025-12-31', explanation: 'De bouw is gestart.', expectedRevision: '0',
      'evidence-0-title': 'Raadsinformatiebrief', 'evidence-0-url': 'https://assen.bestuurlijkeinformatie.nl/Document/1', 'evidence-0-documentDate': '', 'evidence-0-kind': 'raadsinformatiebrief',
    }
    // Two tabs opened on the same history: the first records, the second is told someone was first.
    const csrf = await editor.formToken(path)
    expect((await editor.post(path, { ...form, csrf })).status).toBe(303)
    expect((await editor.post(path, { ...form, csrf })).status).toBe(409)
    expect((await editor.post(path, { ...form, csrf, expectedRevision: '1', explanation: ' ' })).status).toBe(422)
  })

  it('signs in from the first of two tabs opened one after the other', async () => {
    const browser = new BeheerClient(server.base)
    const firstTab = await browser.formToken('/beheer/aanmelden')
    await browser.formToken('/beheer/aanmelden')
    const answer = await browser.post('/beheer/aanmelden', { csrf: firstTab, token: good })
    expect([answer.status, answer.headers.get('location')]).toEqual([303, '/beheer'])
  })
})

describe('a process holding the editorial store\'s write lock', () => {
  it('stops no route for longer than EDITORIAL_BUSY_TIMEOUT_MS: bad tokens and /healthz are answered while the lock is held', async () => {
    const server = await startEditorialServer({ EDITORIAL_BUSY_TIMEOUT_MS: '250' })
    const holder = new SQLite(server.path)
    try {
      holder.exec('BEGIN IMMEDIATE')
      const health = (async () => {
        const times: number[] = []
        for (let i = 0; i < 10; i++) {
          const started = performance.now()
          expect((await fetch(`${server.base}/healthz`)).status).toBe(200)
          times.push(performance.now() - started)
        }
        return times
      })()
      const refusals = await Promise.all(Array.from({ length: 8 }, () => withToken(server.base, wrongToken, '127.0.0.1')))
      const times = await health
      // Before, one bad token waited 5 s for the lock with the event loop stopped (/healthz took 4.6 s).
      expect(Math.max(...times)).toBeLessThan(2_000)
      // The refusal stands (the log keeps what the audit trail could not): 401 five times, then the block.
      expect(refusals.map((answer) => answer.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429])
      console.info(`lock holder: /healthz within ${Math.round(Math.max(...times))} ms; bad tokens answered ${refusals.map((a) => a.status).join(' ')}`)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
      await server.close()
    }
  })
})
