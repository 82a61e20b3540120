import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, temporaryDir } from '../api/support.js'
import { halfPost, openRaw } from './raw-http.js'

const query = (text: string) => `/graphql?query=${encodeURIComponent(text)}`
const body = JSON.stringify({ query: '{ themes { slug } }' })

/** Waits for a promise, or fails the test with `what` after a generous bound (a hang, not a slow machine). */
async function within<T>(promise: Promise<T>, what: string, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const bound = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms) })
  try {
    return await Promise.race([promise, bound])
  } finally {
    clearTimeout(timer)
  }
}

describe('security headers and malformed paths', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  const publication = temporaryDir('guards-publication')
  beforeAll(async () => { server = await startTestServer({ PUBLICATION_DIR: publication.dir }) })
  afterAll(async () => {
    await server.close()
    publication.remove()
  })

  it('sends nosniff, a referrer policy, frame protection and a CSP on JSON, data, health and error answers', async () => {
    for (const path of [query('{ __typename }'), '/data/', '/healthz', '/readyz', '/schema.graphql', '/nosuch', '/reports/']) {
      const answer = await fetch(server.base + path)
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(answer.headers.get('referrer-policy'), path).toBe('same-origin')
      expect(answer.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      expect(answer.headers.get('content-security-policy'), path).toMatch(/default-src '(none|self)'/)
      expect(answer.headers.get('strict-transport-security'), path).toBeNull()
    }
  })

  it('gives GraphiQL a CSP that allows exactly its own inline scripts, and nosniff and no framing', async () => {
    const answer = await fetch(server.base + '/graphql', { headers: { accept: 'text/html' } })
    expect(answer.status).toBe(200)
    const html = await answer.text()
    const csp = answer.headers.get('content-security-policy') ?? ''
    const { createHash } = await import('node:crypto')
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
    expect(inline.length).toBeGreaterThan(0)
    for (const hash of inline) expect(csp).toContain(hash)
    expect(csp).not.toContain('unsafe-inline\' \'sha')
    expect(csp).toMatch(/script-src 'self' 'sha256-/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers a malformed percent-encoding with 400 on every route, never a 500', async () => {
    const paths = [
      '/reports/theme/%E0%A4%A.pdf', '/reports/%ZZ/x.html', '/reports/theme/wonen%FF.pdf', '/data/%E0%A4%A', '/data/agreement%C3%28.json',
      '/thema/%E0%A4%A', '/%FF', '/graphql%ZZ', '/static/%C0%AE%C0%AE/site.css', '/healthz%80',
    ]
    for (const path of paths) {
      const raw = await openRaw(Number(new URL(server.base).port))
      raw.socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
      const answer = await within(raw.closed, path)
      expect(answer.slice(0, 12), path).toBe('HTTP/1.1 400')
      expect(answer).toContain('percent-encoding')
    }
  })
})

describe('connection limits', () => {
  it('answers requests beyond MAX_IN_FLIGHT with 503 and Retry-After, keeps health answering, says saturated in /readyz, and serves the held ones', async () => {
    const server = await startTestServer({ MAX_IN_FLIGHT: '2', RETRY_AFTER_SECONDS: '7', REPORT_CONCURRENCY: '2' })
    try {
      // Two requests held in flight while their PDFs render (a half-sent body no longer holds a slot: slow-clients.test.ts).
      const held = ['/reports/full.pdf', '/reports/budget.pdf'].map((path) => fetch(server.base + path).then(async (answer) => [answer.status, (await answer.arrayBuffer()).byteLength]))
      let refused: Response | undefined
      let ready: Response | undefined
      for (let tries = 0; tries < 500 && !refused; tries++) {
        const answer = await fetch(server.base + query(`{ t${tries}: __typename }`))
        if (answer.status === 503) {
          refused = answer
          ready = await fetch(server.base + '/readyz')
        } else await answer.arrayBuffer()
      }
      expect(refused?.status).toBe(503)
      expect(refused!.headers.get('retry-after')).toBe('7')
      // /graphql answers its clients' errors in GraphQL's shape, the 503 included.
      expect((await refused!.json()).errors[0].extensions.code).toBe('OVERLOADED')
      expect(ready!.status).toBe(503)
      expect(await ready!.json()).toMatchObject({ status: 'saturated', full: 'in-flight' })
      expect((await fetch(server.base + '/healthz')).status).toBe(200)
      for (const [status, bytes] of await within(Promise.all(held), 'held request', 120_000)) {
        expect(status).toBe(200)
        expect(bytes).toBeGreaterThan(1000)
      }
      expect((await fetch(server.base + '/readyz')).status).toBe(200)
      expect((await fetch(server.base + query('{ __typename }'))).status).toBe(200)
    } finally {
      await server.close()
    }
  }, 180_000)

  it('cuts off a request whose body trickles in slower than REQUEST_TIMEOUT_MS allows, and a head slower than HEADERS_TIMEOUT_MS', async () => {
    const server = await startTestServer({ REQUEST_TIMEOUT_MS: '1000', HEADERS_TIMEOUT_MS: '500' })
    const port = Number(new URL(server.base).port)
    try {
      const slowBody = await openRaw(port)
      const post = halfPost(body)
      slowBody.socket.write(post.head + post.first.slice(0, 5))
      const drip = setInterval(() => slowBody.socket.write(' '), 100)
      const slowHead = await openRaw(port)
      slowHead.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n')
      const drip2 = setInterval(() => slowHead.socket.write('X-Slow: 1\r\n'), 100)
      try {
        // Node's default is 300 s for the body; a generous bound tells a cut-off from a connection left open.
        expect(await within(slowBody.closed, 'slow body', 20_000)).toMatch(/^(HTTP\/1\.1 408|)/)
        expect(await within(slowHead.closed, 'slow head', 20_000)).toMatch(/^(HTTP\/1\.1 408|)/)
      } finally {
        clearInterval(drip)
        clearInterval(drip2)
      }
      expect((await fetch(server.base + '/healthz')).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('drops connections beyond MAX_CONNECTIONS without serving them', async () => {
    const server = await startTestServer({ MAX_CONNECTIONS: '2' })
    const port = Number(new URL(server.base).port)
    try {
      const open = await Promise.all([openRaw(port), openRaw(port)])
      // Each answered once, so the server surely counts both.
      for (const raw of open) raw.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
      for (const raw of open) await within(raw.answered(), 'kept connection')
      const third = await openRaw(port)
      third.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
      expect(await within(third.closed, 'connection over the cap')).toBe('')
      for (const raw of open) raw.socket.destroy()
      await Promise.all(open.map((raw) => raw.closed))
      // Slots free again: served. (The server notices the closes asynchronously, so ask until it has.)
      let status = 0
      for (let tries = 0; tries < 200 && status !== 200; tries++) status = await fetch(server.base + '/healthz').then((r) => r.status, () => 0)
      expect(status).toBe(200)
    } finally {
      await server.close()
    }
  })
})

describe('graceful stop', () => {
  it('turns /readyz 503 first, keeps serving through SHUTDOWN_GRACE_MS, finishes requests in flight and closes keep-alive connections after their answer', async () => {
    const server = await startTestServer({ SHUTDOWN_GRACE_MS: '5000' })
    const port = Number(new URL(server.base).port)
    const keepAlive = await openRaw(port)
    keepAlive.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
    const first = await within(keepAlive.answered(), 'first answer')
    expect(first).not.toMatch(/connection: close/i)
    const inFlight = await openRaw(port)
    const post = halfPost(body)
    inFlight.socket.write(post.head + post.first)

    const stopped = server.running.shutdown()
    // New connections are still accepted during the grace period: the load balancer learns from /readyz.
    const ready = await fetch(server.base + '/readyz')
    expect(ready.status).toBe(503)
    expect((await ready.json()).status).toBe('shutting-down')
    const served = await fetch(server.base + query('{ themes { slug } }'))
    expect(served.status).toBe(200)
    expect(served.headers.get('connection')).toBe('close')
    // The idle keep-alive connection is not reset: a request on it is answered, and the connection then closed.
    const before = keepAlive.received().length
    keepAlive.socket.write(`GET ${query('{ agreements { slug } }')} HTTP/1.1\r\nHost: localhost\r\n\r\n`)
    const second = (await within(keepAlive.closed, 'keep-alive close')).slice(before)
    expect(second).toMatch(/^HTTP\/1\.1 200/)
    expect(second).toMatch(/connection: close/i)
    expect(second).toContain('assen-2022-2026')
    // The request that was half sent before the signal finishes.
    inFlight.socket.write(post.rest)
    const answer = await within(inFlight.closed, 'in-flight answer')
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(answer).toMatch(/connection: close/i)
    expect(answer).toContain('"slug":"wonen"')
    await within(stopped, 'shutdown')
    await expect(fetch(server.base + '/healthz')).rejects.toThrow()
  })
})
