import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportSource } from '../../src/reports/build-report.js'
import { renderHtml } from '../../src/reports/html/render-html.js'
import { listReports } from '../../src/reports/report-catalogue.js'
import type { ReportTheme } from '../../src/reports/report-theme.js'
import { build, fold, loadFixture } from './support.js'

interface El { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: El[]; value?: string; content?: El }

let source: ReportSource
let theme: ReportTheme
let close: () => Promise<void>
beforeAll(async () => ({ source, theme, close } = await loadFixture()))
afterAll(() => close())

/** Every element under a node, in document order. */
const all = (node: El): El[] => (node.childNodes ?? []).flatMap((child) => [child, ...all(child)])
const elements = (node: El, tag: string) => all(node).filter((n) => n.tagName === tag)
const attr = (el: El, name: string) => el.attrs?.find((a) => a.name === name)?.value
/** Text content with white space folded (the no-break space in amounts included). */
const textOf = (el: El): string => fold(all(el).filter((n) => n.nodeName === '#text').map((n) => n.value).join(' '))
const page = (type: Parameters<typeof build>[1], slug: string | null = null) => parse(renderHtml(build(source, type, slug), theme)) as unknown as El

describe('the HTML reports', () => {
  it('are Dutch pages with one h1 and headings in order, every report', () => {
    for (const listing of listReports(source.view)) {
      const doc = page(listing.type, listing.slug)
      const html = elements(doc, 'html')[0]!
      expect(attr(html, 'lang'), listing.html).toBe('nl')
      const headings = all(doc).filter((n) => /^h[1-6]$/.test(n.tagName ?? '')).map((n) => Number(n.tagName!.slice(1)))
      expect(headings.filter((level) => level === 1), listing.html).toHaveLength(1)
      expect(headings[0], listing.html).toBe(1)
      headings.reduce((previous, level) => {
        expect(level, listing.html).toBeLessThanOrEqual(previous + 1)
        return level
      })
      expect(textOf(elements(doc, 'title')[0]!)).toBe(build(source, listing.type, listing.slug).meta.title)
    }
  })

  it('load nothing: no scripts, no stylesheets, images or fonts from elsewhere', () => {
    const html = renderHtml(build(source, 'full'), theme)
    const doc = parse(html) as unknown as El
    for (const tag of ['script', 'link', 'img', 'iframe', 'object']) expect(elements(doc, tag), tag).toEqual([])
    expect(all(doc).filter((n) => attr(n, 'src') !== undefined)).toEqual([])
    expect(html).not.toMatch(/url\(|@import|@font-face/)
    expect(html).toContain('@media print')
  })

  it('have real tables: a caption, column headers with scope, row headers, and no empty data cells', () => {
    const doc = page('budget')
    const tables = elements(doc, 'table')
    expect(tables.length).toBeGreaterThanOrEqual(3)
    for (const table of tables) {
      expect(elements(table, 'caption'), 'caption').toHaveLength(1)
      const head = elements(elements(table, 'thead')[0]!, 'th')
      expect(head.length).toBeGreaterThan(1)
      for (const th of head) expect(attr(th, 'scope')).toBe('col')
      for (const row of elements(table, 'tbody').flatMap((body) => elements(body, 'tr'))) {
        const first = (row.childNodes ?? []).find((n) => n.tagName)!
        expect(first.tagName).toBe('th')
        expect(['row', 'rowgroup']).toContain(attr(first, 'scope'))
      }
      for (const td of elements(table, 'td')) expect(textOf(td)).not.toBe('')
    }
  })

  it('state the published totals in the budget table\'s footer', () => {
    const table = elements(page('budget'), 'table').find((t) => textOf(elements(t, 'caption')[0]!).startsWith('Extra middeleninzet per post'))!
    const cells = elements(elements(table, 'tfoot')[0]!, 'td').map(textOf)
    expect(cells).toEqual(['€ 568.000', '€ 11.515.000', '€ 6.740.000', '€ 5.390.000', '€ 5.390.000'])
    expect(textOf(elements(elements(table, 'tfoot')[0]!, 'th')[0]!)).toBe('Totaal extra middeleninzet bestuursakkoord 2022-2026')
  })

  it('draw the chart as inline SVG with a title, a description and real text labels, and give its data as a table', () => {
    const doc = page('budget')
    const svg = elements(doc, 'svg')[0]!
    expect(attr(svg, 'role')).toBe('img')
    const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ')
    const title = all(svg).find((n) => attr(n, 'id') === titleId)!
    const desc = all(svg).find((n) => attr(n, 'id') === descId)!
    expect(title.tagName).toBe('title')
    expect(textOf(title)).toBe('Extra uitgaven per jaar')
    expect(desc.tagName).toBe('desc')
    expect(textOf(desc)).toContain('2023: € 11.515.000')
    const labels = elements(svg, 'text').map(textOf)
    expect(labels).toEqual(expect.arrayContaining(['2022', '2026 e.v.', '€ 11.515.000', '€ 568.000']))
    const data = elements(doc, 'table').find((t) => textOf(elements(t, 'caption')[0]!).includes('gegevens bij de grafiek'))!
    expect(elements(data, 'td').map(textOf)).toContain('€ 11.515.000')
  })

  it('explain an inferred year in plain Dutch, point to the Verantwoording, and spell out the asterisk for screen readers', () => {
    const doc = page('budget')
    expect(all(doc).filter((n) => attr(n, 'lang') === 'en')).toEqual([])
    expect(textOf(doc)).toMatch(/Afgeleid jaar: .*verantwoording achter in het volledige akkoord/)
    // The curators' working notes (line numbers, sums) stay in the data.
    expect(textOf(doc)).not.toMatch(/regels? \d{3,4}/)
    expect(all(doc).filter((n) => attr(n, 'class') === 'sr-only').map(textOf)).toContain('(afgeleid jaar)')
  })

  it('link every table of contents entry and every aria reference to an element that exists', () => {
    for (const type of ['full', 'district'] as const) {
      const doc = page(type, type === 'district' ? 'pittelo' : null)
      const ids = all(doc).map((n) => attr(n, 'id')).filter(Boolean)
      expect(new Set(ids).size, `${type}: duplicate ids`).toBe(ids.length)
      for (const a of elements(doc, 'a')) {
        const href = attr(a, 'href')!
        if (href.startsWith('#')) expect(ids, href).toContain(href.slice(1))
      }
      for (const n of all(doc)) for (const ref of (attr(n, 'aria-labelledby') ?? '').split(' ').filter(Boolean)) expect(ids, ref).toContain(ref)
    }
  })

  it('tell Pittelo what the agreement promises, and who its wijkwethouder is', () => {
    const doc = page('district', 'pittelo')
    expect(textOf(elements(doc, 'h1')[0]!)).toBe('Wat het akkoord belooft voor : Pittelo')
    const facts = elements(doc, 'dl').find((dl) => textOf(dl).includes('Wethouder'))!
    expect(textOf(facts)).toContain('Jan Broekema')
    expect(textOf(elements(doc, 'main')[0]!)).toContain('We maken daarvoor gebruik van wijkgebouwen, maar bijvoorbeeld ook van kantines van sportverenigingen in de wijk.')
  })
})
