import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createReportsHandler, listAvailableReports, type ReportsHandler } from '../../src/server/reports-route.js'
import { fixedStore } from '../../src/reports/report-sources.js'
import type { Store } from '../../src/store/open-database.js'
import { openTestStore } from '../helpers.js'

interface Running { url: string; handler: ReportsHandler; server: Server }

/** The reports handler alone on a loopback port, as the server will mount it; other paths get a 404 of the test's own. */
async function start(store: Store, env: Record<string, string> = {}): Promise<Running> {
  const handler = createReportsHandler(loadConfig({ PUBLIC_BASE_URL: 'http://open-akkoord.test', ...env }), fixedStore(store))
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    handler(request, response, url).then((handled) => {
      if (!handled) response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not a report route')
    }, (error) => response.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, handler, server }
}

async function stop(running: Running): Promise<void> {
  await new Promise((resolve) => running.server.close(resolve))
  await running.handler.close()
}

let store: Store
let app: Running
beforeAll(async () => {
  store = openTestStore()
  app = await start(store)
})
afterAll(async () => {
  await stop(app)
  await store.db.destroy()
})

describe('GET /reports/…', () => {
  it('serves a PDF with its type, a download name and an ETag', async () => {
    const response = await fetch(`${app.url}/reports/theme/wonen.pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="assen-2022-2026-thema-wonen.pdf"')
    expect(response.headers.get('etag')).toMatch(/^"[\w-]{32}"$/)
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7')
    expect(Number(response.headers.get('content-length'))).toBe(body.length)
  })

  it('serves the HTML page inline, with a policy that lets it load nothing', async () => {
    const response = await fetch(`${app.url}/reports/district/pittelo.html`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('inline; filename="assen-2022-2026-wijk-pittelo.html"')
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
    const html = await response.text()
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('Pittelo')
  })

  it('answers a repeated request with 304 when the client holds the same bytes', async () => {
    const first = await fetch(`${app.url}/reports/budget.pdf`)
    const etag = first.headers.get('etag')!
    await first.arrayBuffer()
    const again = await fetch(`${app.url}/reports/budget.pdf`, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const head = await fetch(`${app.url}/reports/budget.pdf`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(etag)
  })

  it.each([
    ['/reports/nope.pdf', 'unknown report type "nope"'],
    ['/reports/theme/nope.pdf', 'unknown theme slug "nope"'],
    ['/reports/theme.pdf', 'report type theme needs a slug'],
    ['/reports/full/extra.html', 'report type full takes no slug'],
    ['/reports/full.docx', 'no report at /reports/full.docx'],
    ['/reports/budget.pdf?agreement=elders-2030', 'unknown agreement "elders-2030"'],
  ])('answers %s with 404 naming what it does not know', async (path, message) => {
    const response = await fetch(`${app.url}${path}`)
    expect(response.status).toBe(404)
    // The server's one JSON problem shape: a stable code and the message.
    expect(await response.json()).toMatchObject({ error: 'not_found', message: expect.stringContaining(message) })
  })

  it('refuses other methods and leaves other paths to other routes', async () => {
    const post = await fetch(`${app.url}/reports/full.pdf`, { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
    const other = await fetch(`${app.url}/graphql`)
    expect(await other.text()).toBe('not a report route')
  })

  it('lists every report on offer at /reports/, the same as listAvailableReports', async () => {
    const response = await fetch(`${app.url}/reports/`)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const listing = await response.json() as { dataVersion: string; reports: { type: string; slug: string | null; pdf: string }[] }
    expect(listing.reports).toEqual(await listAvailableReports(store))
    // 24 reports of the agreement, and the progress report of the whole and of each of its 22 subjects.
    expect(listing.reports).toHaveLength(24 + 23)
    expect(listing.reports.map((r) => r.pdf)).toContain('/reports/portfolio/broekema.pdf')
  })
})

describe('under load', () => {
  it('renders one at a time with one waiting, and answers the rest 503 with Retry-After; the server stays up', async () => {
    const busy = await start(store, { REPORT_CONCURRENCY: '1', REPORT_QUEUE: '1', REPORT_RETRY_AFTER_SECONDS: '7' })
    try {
      const paths = ['theme/wonen', 'theme/meedoen', 'theme/ondernemen', 'portfolio/staal', 'portfolio/smit', 'district/peelo', 'district/marsdijk', 'full']
      const responses = await Promise.all(paths.map((p) => fetch(`${busy.url}/reports/${p}.pdf`)))
      const statuses = responses.map((r) => r.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(2)
      expect(statuses.filter((s) => s === 503)).toHaveLength(paths.length - 2)
      const refused = responses.find((r) => r.status === 503)!
      expect(refused.headers.get('retry-after')).toBe('7')
      expect(await refused.text()).toContain('report rendering is busy')
      await Promise.all(responses.filter((r) => r !== refused).map((r) => r.arrayBuffer()))
      expect((await fetch(`${busy.url}/reports/theme/meedoen.pdf`)).status).toBe(200)
    } finally {
      await stop(busy)
    }
  })

  it('serves identical requests from one render and from the cache, with no render slot needed', async () => {
    const strict = await start(store, { REPORT_CONCURRENCY: '1', REPORT_QUEUE: '0' })
    try {
      // Five identical requests at once share one render: with no queue, separate renders would get 503.
      const same = await Promise.all(Array.from({ length: 5 }, () => fetch(`${strict.url}/reports/portfolio/rasker.pdf`)))
      expect(same.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
      const tags = new Set(same.map((r) => r.headers.get('etag')))
      expect(tags.size).toBe(1)
      await Promise.all(same.map((r) => r.arrayBuffer()))
      // While the only slot renders the full report, the cached one is still served. Waiting a fixed time for the
      // full report to take the slot failed on a busy machine: instead, other reports are asked for until one finds
      // the slot taken (a report asked for before that is simply rendered, and the next one is tried).
      let slowDone = false
      const slow = fetch(`${strict.url}/reports/full.pdf`).then((r) => { slowDone = true; return r })
      let blocked: Response | undefined
      for (const theme of ['wonen', 'meedoen', 'ontmoeten', 'ondernemen', 'verduurzamen', 'opgroeien-onderwijs-en-bewegen', 'organisatie-en-financien']) {
        if (slowDone) break
        const answer = await fetch(`${strict.url}/reports/theme/${theme}.pdf`)
        await answer.arrayBuffer()
        if (answer.status === 503) {
          blocked = answer
          break
        }
      }
      const cached = await fetch(`${strict.url}/reports/portfolio/rasker.pdf`)
      expect(blocked?.status).toBe(503)
      expect(cached.status).toBe(200)
      expect(cached.headers.get('etag')).toBe([...tags][0])
      expect((await slow).status).toBe(200)
    } finally {
      await stop(strict)
    }
  })
})
