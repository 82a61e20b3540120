import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { all, attr, type Node } from '../web/html-tree.js'
import { baseUrl, servedPublication } from './publication-fixture.js'

/**
 * Crawls every HTML index of the publication as a browser would (parse5
 * reads the pages; every href is resolved against the page's public URL)
 * and requires 200 for every link on the site, however deep under /data/.
 */
let origin: string
let close: () => Promise<void>

beforeAll(async () => {
  ;({ origin, close } = await servedPublication('crawl'))
})
afterAll(() => close?.())

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }
const local = (publicUrl: string) => publicUrl.replace(baseUrl, origin)

/** The links of an HTML page at a public URL, resolved to public URLs, fragments dropped. */
async function linksOf(publicUrl: string): Promise<string[]> {
  const response = await fetch(local(publicUrl), { headers: html })
  expect(response.status, publicUrl).toBe(200)
  expect(response.headers.get('content-type'), publicUrl).toMatch(/^text\/html/)
  const hrefs = all(parse(await response.text()) as unknown as Node).map((n) => attr(n, 'href')).filter((h): h is string => h !== undefined)
  return hrefs.map((h) => new URL(h, publicUrl)).map((u) => `${u.origin}${u.pathname}${u.search}`)
}

describe('the HTML indexes under /data/ and /def', () => {
  it('link only to pages and files that answer 200', async () => {
    const queue = [`${baseUrl}/data/`, `${baseUrl}/data/releases/`, `${baseUrl}/def`]
    const indexes = new Set<string>()
    const checked = new Map<string, number>()
    while (queue.length) {
      const page = queue.shift()!
      if (indexes.has(page)) continue
      indexes.add(page)
      for (const link of await linksOf(page)) {
        if (!link.startsWith(`${baseUrl}/`) || checked.has(link)) continue
        const response = await fetch(local(link), { headers: html })
        checked.set(link, response.status)
        const type = response.headers.get('content-type') ?? ''
        await response.arrayBuffer()
        // Follow every index of the publication and the vocabulary: the crawl reaches each release's folder.
        const path = new URL(link).pathname
        if (type.startsWith('text/html') && (path.startsWith('/data/') || path === '/def')) queue.push(link)
      }
    }
    expect([...checked].filter(([, status]) => status !== 200)).toEqual([])
    expect([...indexes].some((p) => /\/data\/releases\/[^/]+\/$/.test(p))).toBe(true)
    expect(checked.size).toBeGreaterThan(60)
  })
})
