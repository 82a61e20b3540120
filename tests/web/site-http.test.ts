import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'parse5'
import { startSiteServer } from './site-server.js'
import { all, attr, text, type Node } from './html-tree.js'

let base: string
let close: () => Promise<void>
beforeAll(async () => ({ base, close } = await startSiteServer()))
afterAll(() => close?.())

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' })

describe('the web site over HTTP', () => {
  it('serves the home page in Dutch with the agreement at a glance', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const doc = parse(await response.text()) as unknown as Node
    expect(attr(all(doc).find((n) => n.nodeName === 'html')!, 'lang')).toBe('nl')
    const headings = all(doc).filter((n) => /^h[1-6]$/.test(n.nodeName))
    expect(text(headings[0]!)).toBe('Dichtbij & Daadkrachtig')
    const levels = headings.map((h) => Number(h.nodeName[1]))
    levels.forEach((level, i) => { if (i > 0) expect(level - levels[i - 1]!).toBeLessThanOrEqual(1) })
    const body = text(doc)
    expect(body).toContain('Stadspartij PLOP, ChristenUnie, ASSEN CENTRAAL, VVD en SP')
    // Counts follow the data, which the curators revise: the shape is checked, not the number.
    expect(body).toMatch(/\d+ afspraken in \d+ onderwerpen/)
    for (const amount of ['€ 568.000', '€ 11.515.000', '€ 6.740.000', '€ 5.390.000']) expect(body).toContain(amount)
    const hrefs = all(doc).map((n) => attr(n, 'href')).filter(Boolean)
    for (const link of ['/graphql', '/schema.graphql', '/data/catalog.ttl', '/data/catalog.jsonld', '/data/open-akkoord.zip', '/data/datapackage.json', '/rapporten', '/thema/wonen', '/wethouder/broekema', '/wijk/pittelo']) {
      expect(hrefs).toContain(link)
    }
    const svg = all(doc).find((n) => n.nodeName === 'svg')!
    expect(attr(svg, 'role')).toBe('img')
  })

  it('links only to pages and files that exist', async () => {
    const doc = parse(await (await get('/')).text()) as unknown as Node
    const links = [...new Set(all(doc).map((n) => attr(n, 'href')).filter((h): h is string => !!h && h.startsWith('/')))]
    for (const link of links) {
      const response = await get(link.split('#')[0]!)
      expect(response.status, link).toBeLessThan(400)
    }
  })

  it.each([['/thema/opgroeien-onderwijs-en-bewegen', 'Zwembad'], ['/wethouder/smit', 'Financiën'], ['/wijk/pittelo', 'Jan Broekema']])('serves %s with its report links', async (path, expected) => {
    const response = await get(path)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(expected)
    const [, type, slug] = /^\/(\w+)\/(.+)$/.exec(path)!
    const reportType = { thema: 'theme', wethouder: 'portfolio', wijk: 'district' }[type!]
    expect(html).toContain(`/reports/${reportType}/${slug}.pdf`)
    expect(html).toContain(`/reports/${reportType}/${slug}.html`)
  })

  it('answers unknown subjects and paths with a 404 page', async () => {
    for (const path of ['/thema/bestaat-niet', '/wijk/..%2f..%2fetc', '/nergens']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(await response.text()).toContain('Niet gevonden')
    }
  })

  it('builds a report without JavaScript: the form redirects to the file', async () => {
    const response = await get('/rapporten/maken?rapport=district%2Fpittelo&formaat=pdf')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/reports/district/pittelo.pdf')
    expect((await get('/rapporten/maken?rapport=district%2Fnergens&formaat=pdf')).status).toBe(404)
  })

  it('searches without JavaScript too', async () => {
    const html = await (await get('/zoeken?q=woningen')).text()
    expect(html).toMatch(/\d+ resultaten voor “woningen”/)
    expect(html).toContain('<mark>')
    expect(await (await get('/zoeken?q=%22%29%28*')).text()).toContain('<p role="alert">De zoekterm bevat geen woord om naar te zoeken (letters of cijfers).</p>')
    expect(await (await get(`/zoeken?q=${'a '.repeat(20)}b c d e f g h i j k l m n o p q`)).text()).toContain('De zoekterm bevat 17 verschillende woorden; er mogen er hoogstens 16 zijn.')
  })

  const hitsOf = async (q: string) => {
    const doc = parse(await (await get(`/zoeken?q=${encodeURIComponent(q)}`)).text()) as unknown as Node
    const items = all(doc).filter((n) => n.nodeName === 'li' && all(n).some((c) => c.nodeName === 'span' && attr(c, 'class') === 'hit-kind'))
    return items.map((li) => {
      const link = all(li).find((n) => n.nodeName === 'a')!
      const snippet = all(li).find((n) => n.nodeName === 'p')
      return { kind: text(all(li).find((n) => n.nodeName === 'span')!), title: text(link), href: attr(link, 'href'), snippet: snippet ? text(snippet) : '' }
    })
  }

  it('gives one hit per record, each titled so a reader tells them apart', async () => {
    // The four actions under "Zwembad" match only through their topic's heading: they are the topic's hit.
    const zwembad = await hitsOf('zwembad')
    expect(zwembad).toEqual([expect.objectContaining({ kind: 'Onderwerp', title: 'Opgroeien, onderwijs & bewegen › Zwembad' })])
    expect(zwembad[0]!.snippet).toMatch(/^Een buitenzwembad is een mooie aanwinst voor Assen\./)
    const woningen = await hitsOf('woningen')
    expect(woningen.length).toBeGreaterThan(5)
    const titles = woningen.map((h) => `${h.kind} ${h.title}`)
    expect(new Set(titles).size).toBe(titles.length)
    const action = woningen.find((h) => h.kind.startsWith('Afspraak'))!
    expect(action.kind).toMatch(/^Afspraak · Wonen › /)
    expect(action.title).not.toBe(action.kind.split(' › ').at(-1))
    // An action's hit leads to its own page, which shows the commitment it was titled by.
    expect(action.href).toMatch(/^\/afspraak\/[\w-]+$/)
    const page = await get(action.href!)
    expect(page.status).toBe(200)
    expect(text(parse(await page.text()) as unknown as Node)).toContain(action.title.replace(/…$/, ''))
  })

  it('shows a table match as its row, and helps when nothing was asked', async () => {
    const [table] = (await hitsOf('sportakkoord')).filter((h) => h.kind === 'Hoofdstuk')
    expect(table!.snippet).toBe('Uit de tabel: …uitvoering Sportakkoord 250 250…')
    const empty = await (await get('/zoeken?q=')).text()
    expect(empty).toContain('Waar zoekt u naar?')
    expect(empty).not.toContain('Niets gevonden')
  })

  it('publishes a toegankelijkheidsverklaring after the Dutch model, linked from every page\'s footer', async () => {
    const response = await get('/toegankelijkheid')
    expect(response.status).toBe(200)
    const doc = parse(await response.text()) as unknown as Node
    const headings = all(doc).filter((n) => /^h[12]$/.test(n.nodeName)).map((h) => text(h).replaceAll('\u00ad', ''))
    expect(headings).toEqual(['Toegankelijkheidsverklaring', 'Nalevingsstatus', 'Wat is getest en hoe', 'Bekende beperkingen', 'Contact'])
    const body = text(doc)
    expect(body).toContain('Voldoet gedeeltelijk.')
    expect(body).toMatch(/axe-core/)
    expect(body).toMatch(/320, 390 en 1280 pixels/)
    expect(body).toMatch(/pdfinfo/)
    expect(all(doc).some((n) => n.nodeName === 'a' && attr(n, 'href') === 'mailto:info@assen.nl')).toBe(true)
    for (const path of ['/', '/zoeken', '/thema/wonen']) {
      const footer = all(parse(await (await get(path)).text()) as unknown as Node).find((n) => n.nodeName === 'footer')!
      expect(all(footer).some((n) => n.nodeName === 'a' && attr(n, 'href') === '/toegankelijkheid')).toBe(true)
    }
    expect(await (await get('/sitemap.xml')).text()).toContain('/toegankelijkheid</loc>')
  })

  it('caches pages like the API: ETag, 304 and a Cache-Control', async () => {
    const first = await get('/thema/wonen')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^".+"$/)
    expect(first.headers.get('cache-control')).toMatch(/public/)
    const again = await get('/thema/wonen', { 'if-none-match': etag })
    expect(again.status).toBe(304)
  })
})

describe('what a public site needs', () => {
  it('serves robots.txt pointing at a sitemap that lists every page and HTML report', async () => {
    const robots = await get('/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    const sitemapUrl = /^Sitemap: (\S+)$/m.exec(await robots.text())![1]!
    expect(sitemapUrl).toMatch(/\/sitemap\.xml$/)
    const sitemap = await get('/sitemap.xml')
    expect(sitemap.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    for (const path of ['/', '/rapporten', '/voortgang', '/thema/wonen', '/wethouder/broekema', '/wijk/pittelo', '/reports/full.html']) expect(locs).toContain(path)
    for (const path of locs.filter((p) => !p.startsWith('/data/'))) expect((await get(path)).status, path).toBe(200)
  })

  it('has a favicon, and a footer with the sender, contact and a privacy note', async () => {
    const doc = parse(await (await get('/thema/wonen')).text()) as unknown as Node
    const icon = all(doc).find((n) => n.nodeName === 'link' && attr(n, 'rel') === 'icon')!
    const favicon = await get(attr(icon, 'href')!)
    expect(favicon.status).toBe(200)
    expect(favicon.headers.get('content-type')).toBe('image/svg+xml')
    const footer = text(all(doc).find((n) => n.nodeName === 'footer')!)
    expect(footer).toContain('gemeente Assen, Noordersingel 33, 9401 JW Assen')
    expect(footer).toContain('info@assen.nl')
    expect(footer).toContain('geen cookies')
  })
})

describe('links back to the site', () => {
  it('from the open data index and from every HTML report', async () => {
    const data = parse(await (await get('/data/')).text()) as unknown as Node
    expect(all(data).map((n) => attr(n, 'href'))).toContain('/')
    const index = await (await fetch(`${base}/reports/`)).json() as { reports: { html: string }[] }
    for (const { html } of index.reports.slice(0, 5)) {
      const doc = parse(await (await get(html)).text()) as unknown as Node
      const site = all(doc).find((n) => n.nodeName === 'nav' && attr(n, 'aria-label') === 'Site')!
      const hrefs = all(site).map((n) => attr(n, 'href')).filter(Boolean).map((h) => new URL(h!).pathname)
      expect(hrefs, html).toEqual(['/', '/rapporten'])
    }
  })
})
