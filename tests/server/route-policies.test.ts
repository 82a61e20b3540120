import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, temporaryDir } from '../api/support.js'
import { dumpInto } from '../publication/publication-fixture.js'

let base: string
let close: () => Promise<void>

beforeAll(async () => {
  const publication = temporaryDir('policies-publication')
  await dumpInto(publication.dir)
  const server = await startTestServer({ PUBLICATION_DIR: publication.dir })
  base = server.base
  close = async () => { await server.close(); publication.remove() }
})
afterAll(() => close?.())

const graphqlGet = `/graphql?query=${encodeURIComponent('{ themes { slug name heading vision } }')}`
const json = { accept: 'application/graphql-response+json' }

/** The headers a route's policy promises, as the answer carries them. */
function policyOf(answer: Response) {
  const h = answer.headers
  return {
    csp: h.get('content-security-policy'), vary: h.get('vary'), cors: h.get('access-control-allow-origin'),
    nosniff: h.get('x-content-type-options'), frame: h.get('x-frame-options'), cacheControl: h.get('cache-control'),
  }
}

describe('policies follow the route on every status', () => {
  it.each([
    ['a public page', '/thema/wonen', {}],
    ['the site stylesheet', '/static/site.css', {}],
    ['an HTML report', '/reports/full.html', {}],
    ['a GraphQL answer', graphqlGet, json],
    ['the schema', '/schema.graphql', {}],
    ['a data file', '/data/datapackage.json', {}],
  ])('%s: its 304 and HEAD carry the 200\'s CSP, Vary, CORS and caching', async (_name, path, headers) => {
    const full = await fetch(`${base}${path}`, { headers })
    expect(full.status).toBe(200)
    await full.arrayBuffer()
    const etag = full.headers.get('etag')!
    expect(etag).toBeTruthy()
    const revalidated = await fetch(`${base}${path}`, { headers: { ...headers, 'if-none-match': etag } })
    expect(revalidated.status).toBe(304)
    expect(policyOf(revalidated)).toEqual(policyOf(full))
    expect(revalidated.headers.get('etag')).toBe(etag)
    // The same file asked for without compression is another representation with another ETag.
    const plain = await fetch(`${base}${path}`, { headers: { ...headers, 'accept-encoding': 'identity' } })
    await plain.arrayBuffer()
    if (full.headers.get('content-encoding') !== null) expect(plain.headers.get('etag')).not.toBe(etag)
    const head = await fetch(`${base}${path}`, { method: 'HEAD', headers })
    expect(head.status).toBe(200)
    expect(policyOf(head)).toEqual(policyOf(full))
    expect(head.headers.get('etag')).toBe(etag)
    // A streamed file is compressed as it goes (no length known ahead); a prepared answer's HEAD gives its length.
    if (full.headers.get('content-length') !== null) expect(head.headers.get('content-length')).toBe(full.headers.get('content-length'))
  })

  it('gives a page\'s 404 and 405 the page policy, and a data 404 the data policy', async () => {
    const page = await fetch(`${base}/thema/bestaat-niet`, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(404)
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'")
    const put = await fetch(`${base}/thema/wonen`, { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, HEAD')
    expect(put.headers.get('content-type')).toMatch(/^text\/html/)
    expect(put.headers.get('content-security-policy')).toContain("style-src 'self' 'unsafe-inline'")
    const data = await fetch(`${base}/data/bestaat-niet.csv`)
    expect(data.status).toBe(404)
    expect(data.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    expect(data.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('gives a range answer (206) of a data file the route\'s policy', async () => {
    const part = await fetch(`${base}/data/datapackage.json`, { headers: { range: 'bytes=0-9' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
    expect(part.headers.get('access-control-allow-origin')).toBe('*')
    expect(part.headers.get('vary')).toContain('Accept-Encoding')
  })

  it('gives each encoding of a cached answer its own ETag, and a 304 only for the ETag of the encoding asked for', async () => {
    const plain = await fetch(`${base}/thema/wonen`, { headers: { 'accept-encoding': 'identity' } })
    const gzip = await fetch(`${base}/thema/wonen`, { headers: { 'accept-encoding': 'gzip' } })
    const br = await fetch(`${base}/thema/wonen`, { headers: { 'accept-encoding': 'br' } })
    const tags = [plain, gzip, br].map((a) => a.headers.get('etag'))
    expect(new Set(tags).size).toBe(3)
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(br.headers.get('content-encoding')).toBe('br')
    // fetch decodes: the bodies are the same page.
    expect(await gzip.text()).toBe(await plain.text())
    const gzipAgain = await fetch(`${base}/thema/wonen`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': tags[1]! } })
    expect(gzipAgain.status).toBe(304)
    expect(gzipAgain.headers.get('etag')).toBe(tags[1])
    expect(gzipAgain.headers.get('vary')).toBe(gzip.headers.get('vary'))
    const plainWithGzipTag = await fetch(`${base}/thema/wonen`, { headers: { 'accept-encoding': 'identity', 'if-none-match': tags[1]! } })
    expect(plainWithGzipTag.status).toBe(200)
    await br.arrayBuffer()
    await plainWithGzipTag.arrayBuffer()
  })

  it('answers HEAD /graphql with the headers GET sends, before and after the answer is cached', async () => {
    const query = `/graphql?query=${encodeURIComponent('{ parties { slug name } }')}`
    const headFirst = await fetch(`${base}${query}`, { method: 'HEAD', headers: json })
    const get = await fetch(`${base}${query}`, { headers: json })
    const headAfter = await fetch(`${base}${query}`, { method: 'HEAD', headers: json })
    await get.arrayBuffer()
    for (const head of [headFirst, headAfter]) {
      expect(head.status).toBe(200)
      for (const name of ['content-type', 'etag', 'cache-control', 'vary', 'content-security-policy', 'access-control-allow-origin', 'content-length']) {
        expect([name, head.headers.get(name)]).toEqual([name, get.headers.get(name)])
      }
    }
  })

  it('sends a distinct request id on every answer, cache hits included', async () => {
    const ids = new Set<string>()
    for (let n = 0; n < 3; n++) {
      const answer = await fetch(`${base}${graphqlGet}`, { headers: json })
      await answer.arrayBuffer()
      ids.add(answer.headers.get('x-request-id') ?? '')
    }
    const missing = await fetch(`${base}/nergens`)
    ids.add(missing.headers.get('x-request-id') ?? '')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'not_found' })
    expect([...ids].filter((id) => id !== '').length).toBe(4)
  })

  it('compresses a large miss in the encoding asked for, and the hit after it from the prepared bytes', async () => {
    const query = `/graphql?query=${encodeURIComponent('{ actions(first: 100) { edges { node { slug text } } } }')}`
    const headers = { ...json, 'accept-encoding': 'gzip' }
    const { request } = await import('node:http')
    const raw = () => new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${base}${query}`, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
      }).on('error', reject).end()
    })
    const miss = await raw()
    const hit = await raw()
    expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT'])
    for (const answer of [miss, hit]) {
      expect(answer.headers['content-encoding']).toBe('gzip')
      expect(JSON.parse(gunzipSync(answer.body).toString('utf8')).data.actions.edges.length).toBeGreaterThan(10)
    }
    expect(hit.body.equals(miss.body)).toBe(true)
  })
})
