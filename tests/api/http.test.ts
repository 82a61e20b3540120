import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { serverAudits } from 'graphql-http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { buildAgreementCopies, startTestServer, temporaryDir } from './support.js'

let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => { server = await startTestServer({ MAX_BODY_BYTES: '5000' }) })
afterAll(() => server.close())

const query = '{ themes { slug name } }'
const get = (q: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}/graphql?query=${encodeURIComponent(q)}`, { headers: { accept: 'application/graphql-response+json', ...headers } })
const post = (q: string, headers: Record<string, string> = {}) => fetch(`${server.base}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body: JSON.stringify({ query: q }),
})

describe('GraphQL over HTTP', () => {
  it('passes every graphql-http server audit', async () => {
    const audits = serverAudits({ url: `${server.base}/graphql`, fetchFn: fetch })
    const failed: string[] = []
    for (const audit of audits) {
      const result = await audit.fn()
      if (result.status !== 'ok') failed.push(`${audit.name}: ${result.status} ${'reason' in result ? result.reason : ''}`)
    }
    expect(audits.length).toBeGreaterThan(50)
    expect(failed).toEqual([])
  })

  it('answers GET and POST alike, open to every origin without credentials', async () => {
    const a = await get(query, { origin: 'https://example.org' })
    const b = await post(query, { origin: 'https://example.org' })
    expect(a.status).toBe(200)
    expect(await a.json()).toEqual(await b.json())
    for (const response of [a, b]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    }
    const preflight = await fetch(`${server.base}/graphql`, {
      method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-client' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type, x-client')
  })

  it('refuses other methods and unknown paths clearly', async () => {
    const put = await fetch(`${server.base}/graphql`, { method: 'PUT', body: '{}' })
    expect(put.status).toBe(405)
    const missing = await fetch(`${server.base}/nothing-here`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'not_found' })
  })
})

describe('response caching', () => {
  it('answers a repeated GET from the cache with an ETag, a CDN-usable Cache-Control, and 304 for If-None-Match', async () => {
    const q = '{ rules { position } }'
    const first = await get(q)
    const second = await get(q)
    expect(first.headers.get('x-cache')).toBe('MISS')
    expect(second.headers.get('x-cache')).toBe('HIT')
    expect(await second.text()).toBe(await first.text())
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{20,}"$/)
    expect(second.headers.get('etag')).toBe(etag)
    expect(first.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300')
    expect(first.headers.get('vary')).toBe('Accept, Authorization, Accept-Encoding')
    const notModified = await get(q, { 'if-none-match': etag })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    expect(notModified.headers.get('etag')).toBe(etag)
    expect(notModified.headers.get('access-control-allow-origin')).toBe('*')
    expect((await get(q, { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304)
    expect((await get(q, { 'if-none-match': '"something-else"' })).status).toBe(200)
  })

  it('caches repeated POSTs too, and gives the 304 on a first answer as well', async () => {
    const q = '{ districts { slug } }'
    const first = await post(q)
    expect(first.headers.get('x-cache')).toBe('MISS')
    const etag = first.headers.get('etag')!
    expect((await post(q)).headers.get('x-cache')).toBe('HIT')
    expect((await post(q, { 'if-none-match': etag })).status).toBe(304)
    // A fresh query answered with 304 straight away when the client already holds the same bytes.
    const other = '{ districts { slug name } }'
    const etagOther = (await get(other)).headers.get('etag')!
    const viaPost = await post(other, { 'if-none-match': etagOther })
    expect(viaPost.status).toBe(304)
  })

  it('keeps the variants apart by Accept', async () => {
    const q = '{ portfolios { slug } }'
    const json = await get(q, { accept: 'application/json' })
    const graphql = await get(q)
    expect(json.headers.get('content-type')).toContain('application/json')
    expect(graphql.headers.get('content-type')).toContain('application/graphql-response+json')
    expect(json.headers.get('etag')).not.toBe(graphql.headers.get('etag'))
  })

  it('never caches an answer with errors', async () => {
    const q = '{ theme(slug: "wonen", agreement: "atlantis") { name } }'
    for (let i = 0; i < 2; i += 1) {
      const response = await get(q)
      expect(response.headers.get('x-cache')).toBeNull()
      expect(response.headers.get('etag')).toBeNull()
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND')
    }
  })
})

describe('request size', () => {
  it('refuses a body over MAX_BODY_BYTES with 413, whether or not its length is announced', async () => {
    const big = JSON.stringify({ query: `{ rules { position } } # ${'x'.repeat(6000)}` })
    const announced = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })
    expect(announced.status).toBe(413)
    expect((await announced.json()).errors[0].message).toContain('MAX_BODY_BYTES')
    const stream = new ReadableStream({ start(controller) { controller.enqueue(new TextEncoder().encode(big)); controller.close() } })
    const chunked = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit)
    expect(chunked.status).toBe(413)
    expect((await post('{ rules { position } }')).status).toBe(200)
  })
})

describe('health, schema and GraphiQL', () => {
  it('reports alive and ready', async () => {
    const healthz = await fetch(`${server.base}/healthz`)
    expect(healthz.status).toBe(200)
    expect(await healthz.json()).toEqual({ status: 'ok' })
    const readyz = await fetch(`${server.base}/readyz`)
    expect(readyz.status).toBe(200)
    expect(await readyz.json()).toMatchObject({ status: 'ready', details: { editorial: { status: 'ok', orphanedSubjects: 0 } } })
  })

  it('serves the committed SDL at /schema.graphql', async () => {
    const response = await fetch(`${server.base}/schema.graphql`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toBe(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8'))
    const again = await fetch(`${server.base}/schema.graphql`, { headers: { 'if-none-match': response.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('serves GraphiQL with example queries and its assets from this server, no CDN', async () => {
    const page = await fetch(`${server.base}/graphql`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    const html = await page.text()
    expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs|esm\.sh|https?:\/\//)
    expect(html).toContain('FundedHousingActions')
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g), ...html.matchAll(/"(\/graphiql\/[^"]+\.js)"/g)].map((m) => m[1]!)
    expect(assets.length).toBeGreaterThanOrEqual(6)
    // Besides its own assets, the page links the schema changelog (tests/api/schema-releases.test.ts).
    for (const asset of new Set(assets.filter((a) => !a.startsWith('/schema/changelog')))) {
      expect(asset.startsWith('/graphiql/')).toBe(true)
      const response = await fetch(`${server.base}${asset}`)
      expect(response.status, asset).toBe(200)
      expect(response.headers.get('cache-control')).toContain('immutable')
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000)
    }
    expect((await fetch(`${server.base}/graphiql/0.0.0/graphiql.js`)).status).toBe(404)
  })
})

describe('error masking', () => {
  const scratch = temporaryDir('masking')
  const databasePath = join(scratch.dir, 'broken.sqlite')
  let broken: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    await buildAgreementCopies(join(scratch.dir, 'data'), databasePath, ['assen-2022-2026'])
    broken = await startTestServer({ DATABASE_PATH: databasePath })
    // A database that no longer fits the code: the search documents are gone underneath the running server
    // (search is what still runs SQL per request; everything else is read from the snapshot made at open).
    const writer = new SQLite(databasePath)
    writer.exec('DROP TABLE search_document')
    writer.close()
  }, 60_000)
  afterAll(async () => { await broken.close(); scratch.remove() })

  it('masks unexpected errors: no stack, SQL, table or file path reaches the client', async () => {
    const response = await fetch(`${broken.base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ themes { name } search(query: "wonen") { totalCount } }' }),
    })
    const text = await response.text()
    const body = JSON.parse(text)
    expect(body.errors).toHaveLength(1)
    expect(body.errors[0].message).toBe('Unexpected error.')
    expect(body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR')
    expect(body.errors[0].path).toEqual(['search'])
    expect(text).not.toMatch(/sqlite|no such table|select |from |search_document|\/work|node_modules|\.ts\b|at [\w.]+ \(|stack/i)
    expect(response.headers.get('etag')).toBeNull()
    // The parts that still work keep answering.
    expect((await fetch(`${broken.base}/readyz`)).status).toBe(200)
  })
})
