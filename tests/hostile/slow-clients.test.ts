import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, temporaryDir } from '../api/support.js'
import { openRaw, type RawConnection } from './raw-http.js'

const body = JSON.stringify({ query: '{ themes { slug } }' })
/** The head of a POST whose body will trickle in, from the client a trusted proxy names. */
const slowHead = (client: string) =>
  `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nX-Forwarded-For: ${client}\r\nContent-Length: ${body.length}\r\n\r\n`

/** Opens `count` POSTs that send one byte a second, as the attack did; each from `client(i)`. */
async function slowSenders(port: number, count: number, client: (i: number) => string): Promise<{ connections: RawConnection[]; stop(): void }> {
  const connections = await Promise.all(Array.from({ length: count }, () => openRaw(port)))
  connections.forEach((raw, i) => raw.socket.write(slowHead(client(i)) + body[0]))
  let sent = 1
  const drip = setInterval(() => {
    for (const raw of connections) if (!raw.socket.destroyed) raw.socket.write(body[sent % (body.length - 1)]!)
    sent += 1
  }, 1000)
  return { connections, stop: () => { clearInterval(drip); for (const raw of connections) raw.socket.destroy() } }
}

/** The slowest ordinary answer seen, for the figures in docs/performance.md. */
let slowestMs = 0

/** Ordinary requests from another client: each must be answered 200 within `boundMs`. */
async function ordinaryRequests(base: string, boundMs: number): Promise<string[]> {
  const problems: string[] = []
  const headers = { 'x-forwarded-for': '10.9.9.9' }
  const requests: [string, RequestInit][] = [
    ['/graphql?query=%7B%20themes%20%7B%20slug%20%7D%20%7D', { headers }],
    ['/graphql', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agreements { slug } }' }) }],
    ['/', { headers }], ['/schema.graphql', { headers }], ['/beheer/aanmelden', { headers }],
  ]
  for (const [path, init] of requests) {
    const started = performance.now()
    const answer = await fetch(base + path, { ...init, signal: AbortSignal.timeout(30_000) })
    await answer.arrayBuffer()
    const ms = performance.now() - started
    if (boundMs < 60_000) slowestMs = Math.max(slowestMs, ms)
    if (answer.status !== 200 || ms > boundMs) problems.push(`${init.method ?? 'GET'} ${path}: ${answer.status} in ${Math.round(ms)} ms`)
  }
  return problems
}

describe('slow uploads never starve ordinary requests', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let port: number
  const publication = temporaryDir('slow-publication')
  beforeAll(async () => {
    server = await startTestServer({
      PUBLICATION_DIR: publication.dir, MAX_IN_FLIGHT: '16', MAX_UPLOADS: '64', UPLOADS_PER_CLIENT: '4', BODY_TIMEOUT_MS: '4000', TRUST_PROXY: 'loopback',
    })
    port = Number(new URL(server.base).port)
    // The first answers build the publication and warm the pages; the bound below is for answers, not for that.
    expect(await ordinaryRequests(server.base, 60_000)).toEqual([])
  }, 120_000)
  afterAll(async () => {
    await server.close()
    publication.remove()
  })

  it('makes a fifth slow body of one client wait its turn unread, refuses beyond, cuts all off in time, and others still get 200', async () => {
    const slow = await slowSenders(port, 135, () => '10.0.0.1')
    try {
      // 4 places (UPLOADS_PER_CLIENT) and 64 waiting (MAX_UPLOADS): the other 67 are refused at once.
      const refused = await Promise.all(slow.connections.slice(68).map((raw) => raw.closed))
      expect(refused.every((text) => text.startsWith('HTTP/1.1 429'))).toBe(true)
      expect(refused[0]).toMatch(/retry-after: \d+/i)
      expect(await ordinaryRequests(server.base, 2_000)).toEqual([])
      expect((await fetch(server.base + '/readyz')).status).toBe(200)
      const cut = await Promise.all(slow.connections.slice(0, 68).map((raw) => raw.closed))
      expect(cut.every((text) => text.startsWith('HTTP/1.1 408'))).toBe(true)
    } finally {
      slow.stop()
    }
  })

  it('lets one client send 48 quick bodies at once: they wait microseconds for its places, never refused', async () => {
    const answers = await Promise.all(Array.from({ length: 48 }, (_, i) => fetch(`${server.base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.2' }, body: JSON.stringify({ query: `{ q${i}: __typename }` }),
    }).then((answer) => answer.status)))
    expect(answers).toEqual(Array(48).fill(200))
  })

  it('holds no in-flight slot for 135 slow bodies from 135 clients: 503 beyond MAX_UPLOADS, GETs answered, /readyz 503, all cut off by BODY_TIMEOUT_MS', async () => {
    const started = performance.now()
    const slow = await slowSenders(port, 135, (i) => `10.1.${i >> 8}.${i & 255}`)
    try {
      // Everything beyond the 64 upload places is refused at once (before, the first 16 took every in-flight slot).
      const overflow = await Promise.all(slow.connections.slice(64).map((raw) => raw.closed))
      expect(overflow.every((text) => text.startsWith('HTTP/1.1 503'))).toBe(true)
      const ready = await fetch(server.base + '/readyz')
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({ status: 'saturated', full: 'uploads' })
      // A POST needs an upload place too, so only the GETs are promised while every place is held.
      const problems = await ordinaryRequests(server.base, 2_000)
      expect(problems.filter((problem) => !problem.startsWith('POST'))).toEqual([])
      const held = await Promise.all(slow.connections.slice(0, 64).map((raw) => raw.closed))
      expect(held.every((text) => text.startsWith('HTTP/1.1 408'))).toBe(true)
      const cutOffMs = performance.now() - started
      console.info(`slow uploads: 64 held and 71 refused at once; all cut off after ${Math.round(cutOffMs)} ms (BODY_TIMEOUT_MS 4000); slowest ordinary answer ${Math.round(slowestMs)} ms`)
      expect(cutOffMs).toBeLessThan(30_000)
      expect((await fetch(server.base + '/readyz')).status).toBe(200)
      expect(await ordinaryRequests(server.base, 2_000)).toEqual([])
    } finally {
      slow.stop()
    }
  })
})
