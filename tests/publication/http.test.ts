import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Parser } from 'n3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, projectRoot } from '../../src/config.js'
import { startTestServer } from '../api/support.js'
import { baseUrl, dumpInto } from './publication-fixture.js'

let base: string
let close: () => Promise<void>

/** A raw GET (fetch would decompress and hide Content-Encoding): status, headers and the body as sent. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  const publicationDir = join(await mkdtemp(join(tmpdir(), 'open-akkoord-http-')), 'publication')
  await dumpInto(publicationDir)
  // The server's address is the one the publication was written for, as it is when the server writes it.
  const server = await startTestServer({ PUBLICATION_DIR: publicationDir, PUBLIC_BASE_URL: baseUrl })
  base = server.base
  close = server.close
})

afterAll(() => close())

describe('compression', () => {
  it('answers gzip and brotli on the API, the site and the data files, with the same bytes inside', async () => {
    // An answer above the 1 kB below which compression saves less than its framing costs.
    const query = `/graphql?query=${encodeURIComponent('{ themes { name slug vision } }')}`
    for (const path of [query, '/', '/data/csv/actions.csv', '/data/rdf/open-akkoord.ttl', '/data/ndjson/actions.ndjson', '/data/']) {
      const plain = await get(path, { accept: 'application/json, text/html' })
      expect(plain.headers['content-encoding'], path).toBeUndefined()
      const gzip = await get(path, { accept: 'application/json, text/html', 'accept-encoding': 'gzip' })
      expect(gzip.headers['content-encoding'], path).toBe('gzip')
      expect(gzip.headers.vary, path).toMatch(/Accept-Encoding/i)
      const brotli = await get(path, { accept: 'application/json, text/html', 'accept-encoding': 'br, gzip;q=0.5' })
      expect(brotli.headers['content-encoding'], path).toBe('br')
      if (path.startsWith('/data/csv') || path.startsWith('/data/rdf')) {
        expect(gunzipSync(gzip.body).equals(plain.body), path).toBe(true)
        expect(brotliDecompressSync(brotli.body).equals(plain.body), path).toBe(true)
        expect(brotli.body.length).toBeLessThan(plain.body.length / 2)
      } else {
        expect(gunzipSync(gzip.body).length, path).toBeGreaterThan(0)
      }
    }
  })

  it('sends cached API answers compressed once, the same bytes inside whichever encoding a hit asks for', async () => {
    const path = `/graphql?query=${encodeURIComponent('{ actions(first: 40) { edges { node { slug text } } } }')}`
    const accept = { accept: 'application/graphql-response+json' }
    const first = await get(path, { ...accept, 'accept-encoding': 'br' })
    const plain = await get(path, accept)
    const gzip = await get(path, { ...accept, 'accept-encoding': 'gzip, deflate' })
    const brotli = await get(path, { ...accept, 'accept-encoding': 'gzip, br' })
    expect(plain.body.length).toBeGreaterThan(1024)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect([plain, gzip, brotli].map((a) => a.headers['x-cache'])).toEqual(['HIT', 'HIT', 'HIT'])
    expect([first, gzip, brotli].map((a) => a.headers['content-encoding'])).toEqual(['br', 'gzip', 'br'])
    expect(brotliDecompressSync(first.body).equals(plain.body)).toBe(true)
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true)
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true)
    for (const answer of [plain, gzip, brotli]) {
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i)
      expect(answer.headers['content-length']).toBe(String(answer.body.length))
    }
    // Each encoding is a representation of its own, with its own validator (RFC 9110 8.8.3).
    expect([plain, gzip, brotli].map((a) => a.headers.etag)).toEqual(['', '.gz', '.br'].map((suffix) => String(plain.headers.etag).replace(/"$/, `${suffix}"`)))
    // Site pages are kept the same way.
    const page = await get('/thema/wonen', { accept: 'text/html' })
    const pageGzip = await get('/thema/wonen', { accept: 'text/html', 'accept-encoding': 'gzip' })
    expect(pageGzip.headers['content-length']).toBe(String(pageGzip.body.length))
    expect(gunzipSync(pageGzip.body).equals(page.body)).toBe(true)
  })

  it('leaves Range requests uncompressed: the range counts the file\'s own bytes', async () => {
    const whole = await get('/data/csv/actions.csv')
    const part = await get('/data/csv/actions.csv', { range: 'bytes=100-199', 'accept-encoding': 'gzip, br' })
    expect(part.status).toBe(206)
    expect(part.headers['content-encoding']).toBeUndefined()
    expect(part.body.equals(whole.body.subarray(100, 200))).toBe(true)
    // Files that are compressed already are sent as they are.
    expect((await get('/data/open-akkoord.zip', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined()
    const workbook = await get('/data/open-akkoord.xlsx', { 'accept-encoding': 'gzip' })
    expect(workbook.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(workbook.headers['content-encoding']).toBeUndefined()
  })
})

describe('CORS and validators for browsers and portals', () => {
  it('answers preflights on /data/ and /graphql and exposes the validators and range headers', async () => {
    for (const path of ['/data/csv/actions.csv', '/graphql']) {
      const preflight = await get(path, { origin: 'https://example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'range, if-none-match' }, 'OPTIONS')
      expect(preflight.status, path).toBe(204)
      expect(preflight.headers['access-control-allow-origin'], path).toBe('*')
      expect(String(preflight.headers['access-control-allow-methods']), path).toContain('GET')
      expect(String(preflight.headers['access-control-allow-headers']).toLowerCase(), path).toContain('range')
    }
    const file = await get('/data/csv/actions.csv', { origin: 'https://example.org' })
    expect(file.headers['access-control-allow-origin']).toBe('*')
    const exposed = String(file.headers['access-control-expose-headers']).split(/,\s*/)
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'Content-Range', 'Last-Modified', 'Content-Length', 'Accept-Ranges']))
  })

  it('gives the /data/ index an ETag and Last-Modified from the data, not the dump time', async () => {
    const index = await get('/data/')
    const etag = String(index.headers.etag)
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/)
    expect((await get('/data/', { 'if-none-match': etag })).status).toBe(304)
    expect(index.headers['last-modified']).toBe('Sat, 28 Nov 2026 00:00:00 GMT')
    expect((await get('/data/csv/actions.csv')).headers['last-modified']).toBe('Sat, 28 Nov 2026 00:00:00 GMT')
  })
})

describe('settings that cannot go wrong', () => {
  it('refuses NODE_ENV=production without PUBLIC_BASE_URL, naming the setting', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_BASE_URL is required when NODE_ENV=production/)
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://www.assen.nl/open-akkoord/' }).publicBaseUrl).toBe('https://www.assen.nl/open-akkoord')
    expect(loadConfig({}).publicBaseUrlSet).toBe(false)
  })

  it('npm run dump works on a fresh clone: it builds the missing database, and warns when the address is the local default', () => {
    const dir = spawnSync('mktemp', ['-d'], { encoding: 'utf8' }).stdout.trim()
    const run = (env: Record<string, string>) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/dump.ts', '--out', join(dir, 'publication')], {
      cwd: projectRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'fresh.sqlite'), ...env },
    })
    const refused = run({ NODE_ENV: 'production' })
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/PUBLIC_BASE_URL is required when NODE_ENV=production/)
    expect(existsSync(join(dir, 'fresh.sqlite'))).toBe(false)
    const ok = run({})
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stderr.match(/warning: PUBLIC_BASE_URL is not set/g)).toHaveLength(1)
    expect(ok.stdout).toMatch(/building the database/)
    expect(existsSync(join(dir, 'publication/current/LEESMIJ.txt'))).toBe(true)
  })
})

describe('linked data that resolves', () => {
  it('answers a record\'s IRI as Turtle and JSON-LD, and sends a browser to the page that shows it', async () => {
    const theme = '/id/theme/assen-2022-2026/wonen'
    const turtle = await get(theme, { accept: 'text/turtle' })
    expect(turtle.status).toBe(200)
    expect(turtle.headers['content-type']).toBe('text/turtle; charset=utf-8')
    expect(turtle.headers.vary).toMatch(/Accept/)
    const triples = new Parser().parse(turtle.body.toString('utf8'))
    expect(triples.every((t) => t.subject.value === `${baseUrl}${theme}`)).toBe(true)
    expect(triples.some((t) => t.object.value === 'https://w3id.org/open-akkoord/def#Theme')).toBe(true)
    const jsonld = await get(theme, { accept: 'application/ld+json' })
    expect((JSON.parse(jsonld.body.toString('utf8')) as { '@graph': { '@id': string }[] })['@graph'][0]!['@id']).toBe(`${baseUrl}${theme}`)
    const browser = await get(theme, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
    expect(browser.status).toBe(303)
    expect(browser.headers.location).toBe(`${baseUrl}/thema/wonen`)
    expect((await get('/id/action/assen-2022-2026/no-such-action', { accept: 'text/turtle' })).status).toBe(404)
  })

  it('sends a browser from an action to its own page', async () => {
    const rdf = new Parser().parse((await get('/data/rdf/open-akkoord.ttl')).body.toString('utf8'))
    const action = rdf.find((q) => q.object.value === 'https://w3id.org/open-akkoord/def#Action')!.subject.value
    const browser = await get(action.slice(baseUrl.length), { accept: 'text/html' })
    expect(browser.status).toBe(303)
    expect(browser.headers.location).toBe(`${baseUrl}/afspraak/${action.split('/').at(-1)}`)
  })

  it('publishes the vocabulary at /def as Turtle, JSON-LD and a readable page, with the SKOS kinds', async () => {
    const turtle = new Parser().parse((await get('/def', { accept: 'text/turtle' })).body.toString('utf8'))
    const subjects = new Set(turtle.map((q) => q.subject.value))
    for (const term of ['Action', 'kind', 'actionKind-new', 'ActionKinds', 'municipality']) expect(subjects, term).toContain(`https://w3id.org/open-akkoord/def#${term}`)
    expect(turtle.some((q) => q.subject.value.endsWith('#Action') && q.predicate.value.endsWith('subClassOf') && q.object.value === 'https://schema.org/Action')).toBe(true)
    expect((await get('/def', { accept: 'application/ld+json' })).headers['content-type']).toBe('application/ld+json; charset=utf-8')
    const page = await get('/def', { accept: 'text/html' })
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body.toString('utf8')).toContain('<dt id="actionKind-new">')
  })
})
