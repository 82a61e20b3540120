import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolvePublicationFile } from '../../src/publication/publication-path.js'
import { createPublicationHandler } from '../../src/server/publication-route.js'
import { baseUrl, freshPublication } from './publication-fixture.js'

let dir: string
let server: Server
let origin: string

beforeAll(async () => {
  let root: string
  // Its own publication: the files planted below must not reach the other test files, which share one.
  ;({ dir, root } = await freshPublication())
  // Things a request must never reach: a secret beside the publication and a symlink inside it pointing at it.
  writeFileSync(join(dir, '..', 'secret.txt'), 'secret')
  symlinkSync(join(dir, '..', 'secret.txt'), join(dir, 'csv', 'link.csv'))
  const handler = createPublicationHandler({ publicationDir: root, publicBaseUrl: baseUrl })
  server = createServer((req, res) => {
    handler(req, res, new URL(req.url!, 'http://localhost')).then((handled) => {
      if (!handled) res.writeHead(418).end()
    }, () => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(`${origin}${path}`, { headers, method })

/** Sends a request line as is, for paths fetch would normalise (../, backslashes); resolves to status and body. */
function raw(path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`))
    let text = ''
    socket.on('data', (d) => { text += d.toString('latin1') })
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }))
    socket.on('error', reject)
  })
}

describe('the /data/ route', () => {
  it('leaves other paths to the next route', async () => {
    expect((await get('/graphql')).status).toBe(418)
    expect((await get('/database')).status).toBe(418)
  })

  it('serves a file with Content-Type, Content-Length, a SHA-256 ETag and Last-Modified', async () => {
    const response = await get('/data/csv/actions.csv')
    const body = Buffer.from(await response.arrayBuffer())
    expect(response.status).toBe(200)
    expect(body.equals(readFileSync(join(dir, 'csv/actions.csv')))).toBe(true)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-length')).toBe(String(body.length))
    expect(response.headers.get('etag')).toBe(`"${createHash('sha256').update(body).digest('hex')}"`)
    expect(Date.parse(response.headers.get('last-modified')!)).not.toBeNaN()
    expect(response.headers.get('accept-ranges')).toBe('bytes')
    expect((await get('/data/rdf/open-akkoord.ttl')).headers.get('content-type')).toBe('text/turtle; charset=utf-8')
    expect((await get('/data/open-akkoord.zip')).headers.get('content-type')).toBe('application/zip')
  })

  it('answers 304 to a matching If-None-Match and If-Modified-Since, 200 to a stale one', async () => {
    const first = await get('/data/datapackage.json')
    const etag = first.headers.get('etag')!
    const notModified = await get('/data/datapackage.json', { 'If-None-Match': etag })
    expect(notModified.status).toBe(304)
    expect(notModified.headers.get('etag')).toBe(etag)
    expect((await notModified.arrayBuffer()).byteLength).toBe(0)
    expect((await get('/data/datapackage.json', { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304)
    expect((await get('/data/datapackage.json', { 'If-None-Match': '"other"' })).status).toBe(200)
    expect((await get('/data/datapackage.json', { 'If-Modified-Since': first.headers.get('last-modified')! })).status).toBe(304)
    expect((await get('/data/datapackage.json', { 'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200)
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const head = await get('/data/open-akkoord.sqlite', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(readFileSync(join(dir, 'open-akkoord.sqlite')).length))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect((await get('/data/csv/actions.csv', {}, 'POST')).status).toBe(405)
  })

  it('serves single byte ranges with 206 and refuses unsatisfiable ones with 416', async () => {
    const whole = readFileSync(join(dir, 'csv/topics.csv'))
    const part = await get('/data/csv/topics.csv', { Range: 'bytes=10-19' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 20))).toBe(true)
    const tail = await get('/data/csv/topics.csv', { Range: 'bytes=-5' })
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(whole.length - 5))).toBe(true)
    const open = await get('/data/csv/topics.csv', { Range: `bytes=${whole.length - 3}-` })
    expect(open.headers.get('content-length')).toBe('3')
    const unsatisfiable = await get('/data/csv/topics.csv', { Range: `bytes=${whole.length}-` })
    expect(unsatisfiable.status).toBe(416)
    expect(unsatisfiable.headers.get('content-range')).toBe(`bytes */${whole.length}`)
    expect((await get('/data/csv/topics.csv', { Range: 'bytes=0-1', 'If-Range': '"stale"' })).status).toBe(200)
  })

  it('serves the catalogue at stable URLs, by content negotiation on /data/catalog too', async () => {
    expect((await get('/data/catalog.ttl')).headers.get('content-type')).toBe('text/turtle; charset=utf-8')
    expect((await get('/data/catalog.jsonld')).headers.get('content-type')).toBe('application/ld+json; charset=utf-8')
    const jsonld = await get('/data/catalog', { Accept: 'application/ld+json' })
    expect(jsonld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8')
    expect(jsonld.headers.get('vary')).toBe('Accept')
    const turtle = await get('/data/catalog', { Accept: 'text/turtle;q=0.9, application/ld+json;q=0.5' })
    // At the plain paths the current catalogue (stable URLs); under releases/ the release's own.
    expect(await turtle.text()).toBe(readFileSync(join(dir, '.current-catalog.ttl'), 'utf8'))
    const own = await get(`/data/releases/${JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')).version}/catalog.ttl`)
    expect(await own.text()).toBe(readFileSync(join(dir, 'catalog.ttl'), 'utf8'))
  })

  it('lists the files at /data/ as JSON, and as HTML for a browser', async () => {
    const index = await (await get('/data/')).json() as { files: { path: string; sha256: string | null; url: string }[] }
    const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n')
    expect(index.files).toHaveLength(sums.length + 1)
    expect(index.files.find((f) => f.path === 'csv/actions.csv')?.url).toBe(`${baseUrl}/data/csv/actions.csv`)
    const html = await get('/data/', { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Absolute links: the same page answers at /data/releases/<version>/ and its links must not resolve under it.
    expect(await html.text()).toContain(`<a href="${baseUrl}/data/csv/actions.csv">`)
    expect((await fetch(`${origin}/data`, { redirect: 'manual' })).status).toBe(301)
  })

  it('never serves anything outside the publication', async () => {
    // 418 is the test server's "no route": URL parsing folded the path out of /data/ before the handler saw it.
    const attempts: [string, number[]][] = [
      ['/data/../secret.txt', [418]], ['/data/%2e%2e/secret.txt', [418]], ['/data/csv/%2e%2e/%2e%2e/secret.txt', [418]],
      ['/data/csv\\..\\..\\secret.txt', [418]], ['/data/%2e%2e%2fsecret.txt', [400]], ['/data/..%5csecret.txt', [400]],
      ['/data/csv%5c..%5c..%5csecret.txt', [400]], ['/data/csv/actions.csv%00.txt', [400]], ['/data/csv/link.csv', [404]],
      ['/data/csv', [404]], ['/data/csv/', [404]], ['/data//etc/passwd', [404]], ['/data/%zz', [400]], ['/data/.hidden', [404]],
      ['/data/csv/missing.csv', [404]],
    ]
    for (const [path, allowed] of attempts) {
      const { status, text } = await raw(path)
      expect(allowed, path).toContain(status)
      expect(text, path).not.toContain('secret')
    }
    expect((await raw('/data/csv/actions.csv')).status).toBe(200)
  })

  it('rejects dot segments itself, whatever URL parsing did before', async () => {
    for (const path of ['../secret.txt', '%2e%2e/secret.txt', 'csv/../../secret.txt', '.%2e/secret.txt']) {
      await expect(resolvePublicationFile(dir, path), path).rejects.toMatchObject({ name: 'PublicationPathError', status: 404 })
    }
    await expect(resolvePublicationFile(dir, 'csv/actions.csv')).resolves.toMatchObject({ relative: 'csv/actions.csv' })
  })
})
