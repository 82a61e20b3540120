import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportSource } from '../../src/reports/build-report.js'
import { formatEuro } from '../../src/reports/format-euro.js'
import { renderPdf } from '../../src/reports/pdf/render-pdf.js'
import { renderTaggedPdf } from '../../src/reports/pdf/tagged-printer.js'
import { listReports, type ReportListing } from '../../src/reports/report-catalogue.js'
import type { Report } from '../../src/reports/report-model.js'
import type { ReportTheme } from '../../src/reports/report-theme.js'
import { build, fold, loadFixture, readPdf, type ReadPdf } from './support.js'
import { allElements, parseXmp, pdfinfo, structTree } from './pdf-tags.js'

let source: ReportSource
let theme: ReportTheme
let close: () => Promise<void>
let full: { report: Report; bytes: Buffer; pdf: ReadPdf }

beforeAll(async () => {
  ;({ source, theme, close } = await loadFixture())
  const report = build(source, 'full')
  const bytes = await renderPdf(report, theme)
  full = { report, bytes, pdf: await readPdf(bytes) }
})
afterAll(() => close())

const text = (pdf: ReadPdf) => pdf.pages.join(' ')

/**
 * Every page between the cover and the end has body text, and its lowest body
 * text is not a heading: headings are set at 13.5 pt and more, body text, lists
 * and tables at 11 pt and less. Returns the problems found.
 */
function layoutProblems(pdf: ReadPdf): string[] {
  return pdf.items.slice(1).flatMap((items, i) => {
    const body = items.filter((item) => item.y > 70 && item.y < 760).sort((a, b) => a.y - b.y)
    if (body.length === 0) return [`page ${i + 2} is empty`]
    const isLast = i + 2 === pdf.numPages
    return !isLast && body[0]!.size >= 13 ? [`page ${i + 2} ends with the heading "${body[0]!.text}"`] : []
  })
}

describe('the full report as PDF', () => {
  it('is PDF 1.7 with the metadata a reader shows', () => {
    expect(full.bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7')
    const { info } = full.pdf
    expect(info.PDFFormatVersion).toBe('1.7')
    expect(info.Title).toBe('Dichtbij & Daadkrachtig: Bestuursakkoord 2022-2026 gemeente Assen')
    expect(info.Author).toBe('Gemeente Assen')
    expect(info.Language).toBe('nl-NL')
    expect(String(info.Subject)).toContain('bestuursakkoord')
    expect(String(info.Keywords)).toContain('Organisatie & financiën')
    // Dated by the data version (2026-11-28), not by the clock.
    expect(info.CreationDate).toBe(`D:${source.view.agreement.dataVersion.replace(/-/g, '')}000000Z`)
    expect(info.ModDate).toBe(info.CreationDate)
    expect(full.bytes.includes('/DisplayDocTitle true')).toBe(true)
  })

  it('is tagged: poppler reads a structure tree with headings, paragraphs, lists, tables with header cells, the contents and links', () => {
    expect(pdfinfo(full.bytes)).toMatch(/^Tagged:\s+yes$/m)
    const elements = allElements(structTree(full.bytes, false))
    const types = new Set(elements.map((e) => e.type))
    for (const type of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Caption', 'TOC', 'TOCI', 'Link', 'Figure']) {
      expect(types, type).toContain(type)
    }
    // The cover's title, the contents, then the chapters: as many H1 as chapters in the report, plus the cover's and the contents page's.
    expect(elements.filter((e) => e.type === 'H1')).toHaveLength(full.report.body.filter((b) => b.kind === 'heading' && b.level === 1).length + 2)
    // Column headers carry their scope; the chart is a Figure with a text alternative.
    expect(elements.filter((e) => e.type === 'TH').some((e) => e.attributes.includes('/Scope /Column'))).toBe(true)
    expect(full.bytes.includes('/S /Figure')).toBe(true)
    expect(full.bytes.toString('latin1')).toMatch(/\/S \/Figure[^>]*\/Alt \(|\/Alt \([^)]*\)[^>]*\/S \/Figure/)
    // The document language and the title shown in the viewer's title bar.
    expect(full.bytes.includes('/Lang (nl-NL)')).toBe(true)
    expect(full.bytes.includes('/DisplayDocTitle true')).toBe(true)
  })

  it('tags the whole text, headings in reading order, and only the page furniture is an artifact', { timeout: 180_000 }, async () => {
    const reportTheme = theme
    const ontmoeten = source.view.themes.find((t) => t.theme.slug === 'ontmoeten')!
    const bytes = await renderPdf(build(source, 'theme', 'ontmoeten'), reportTheme)
    const tree = structTree(bytes)
    const tagged = fold(tree.text)
    // Every sentence of every topic is in the structure, the commitments among them.
    for (const topic of ontmoeten.topics) {
      for (const action of topic.actions) expect(tagged, action.action.slug).toContain(fold(action.action.text))
      expect(tagged, topic.topic.slug).toContain(fold(topic.topic.text.split('. ')[0]!))
    }
    const headings = allElements(tree).filter((e) => /^H[1-3]$/.test(e.type)).map((e) => `${e.type} ${fold(e.text)}`)
    expect(headings.slice(0, 3)).toEqual(['H1 Dichtbij & Daadkrachtig', 'H1 Inhoud', 'H1 Ontmoeten'])
    expect(headings).toContain(`H2 ${ontmoeten.topics[0]!.topic.title}`)
    // The page numbers are on the page but not in the structure: they are artifacts.
    expect((await readPdf(bytes)).pages[1]).toContain('Pagina 2 van')
    expect(tagged).not.toContain('Pagina 2 van')
  })

  it('writes well-formed XMP metadata that names the agreement with its ampersand', () => {
    const xmp = parseXmp(full.bytes)
    expect(xmp.get('dc:title')).toEqual(['Dichtbij & Daadkrachtig: Bestuursakkoord 2022-2026 gemeente Assen'])
    expect(xmp.get('dc:creator')).toEqual(['Gemeente Assen'])
    expect(xmp.get('pdf:Keywords')?.join('')).toContain('Organisatie & financiën')
  })

  it('embeds its fonts: every font is a Roboto subset with its font file, none of the unembedded standard 14', () => {
    const raw = full.bytes.toString('latin1')
    const baseFonts = [...raw.matchAll(/\/BaseFont \/([^\s/>]+)/g)].map((m) => m[1]!)
    expect(baseFonts.length).toBeGreaterThan(0)
    for (const name of baseFonts) expect(name).toMatch(/^[A-Z]{6}\+Roboto-/)
    expect((raw.match(/\/FontFile2 /g) ?? []).length).toBe((raw.match(/\/Type \/FontDescriptor/g) ?? []).length)
  })

  it('holds every theme, every alderman, Dutch diacritics and the totals in Dutch notation', () => {
    const all = text(full.pdf)
    for (const theme of source.view.themes) expect(all).toContain(theme.theme.name)
    for (const portfolio of source.view.portfolios) expect(all).toContain(portfolio.holder.name)
    const diacritic = source.view.actions.map((a) => a.action.text).filter((t) => /[ëïéö]/.test(t)).sort((a, b) => a.length - b.length)[0]!
    expect(all).toContain(fold(diacritic))
    expect(all).toContain('Organisatie & financiën')
    expect(all).toContain('Financiële spelregels')
    for (const amount of [568_000, 11_515_000, 6_740_000, 5_390_000]) expect(all).toContain(fold(formatEuro(amount)))
    expect(all).toContain('€ 11.515.000')
  })

  it('numbers its pages "Pagina X van Y" on every page but the cover', () => {
    const n = full.pdf.numPages
    expect(n).toBeGreaterThan(20)
    expect(full.pdf.pages[0]).not.toContain('Pagina')
    full.pdf.pages.slice(1).forEach((page, i) => expect(page).toContain(`Pagina ${i + 2} van ${n}`))
  })

  it('has a table of contents whose page numbers point at the chapters, and bookmarks', () => {
    const toc = full.pdf.pages[1]!
    expect(toc).toMatch(/^.*Inhoud/)
    for (const { theme: t } of source.view.themes) {
      const match = new RegExp(`${t.name.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&')} (\\d+)`).exec(toc)
      expect(match, t.name).not.toBeNull()
      const page = full.pdf.items[Number(match![1]) - 1]!
      // The chapter's heading is the first body text on the page its entry names (below the running header).
      const body = page.filter((item) => item.y < 760).sort((a, b) => b.y - a.y)
      expect(body[0]!.text).toBe(t.name)
    }
    expect(full.pdf.outline).toEqual(expect.arrayContaining([...source.view.themes.map((t) => t.theme.name), 'Financiële doorrekening', 'Colofon']))
  })

  it('never leaves a heading alone at the foot of a page, nor a page empty', () => {
    expect(layoutProblems(full.pdf)).toEqual([])
  })

  it('gives the same bytes for the same data', async () => {
    const again = await renderPdf(build(source, 'full'), theme)
    expect(again.equals(full.bytes)).toBe(true)
  })
})

describe('the other reports as PDF', () => {
  it('district Pittelo names the district and its wijkwethouder, with page numbers', async () => {
    const pdf = await readPdf(await renderPdf(build(source, 'district', 'pittelo'), theme))
    const all = text(pdf)
    expect(all).toContain('Pittelo')
    expect(all).toContain('Wijkwethouder')
    expect(all).toContain('Jan Broekema')
    expect(all).toContain('Afspraken voor alle wijken')
    expect(pdf.pages[1]).toContain(`Pagina 2 van ${pdf.numPages}`)
    expect(pdf.info.Title).toBe('Pittelo: wat het bestuursakkoord 2022-2026 van de gemeente Assen belooft')
  })

  it('budget shows every line, the published totals, the inferred marks and their notes', async () => {
    const pdf = await readPdf(await renderPdf(build(source, 'budget'), theme))
    const all = text(pdf)
    for (const line of source.view.budget.lines) expect(all).toContain(fold(line.line.displayName).split(' ')[0])
    expect(all).toContain('Totaal extra middeleninzet bestuursakkoord 2022-2026 € 568.000 € 11.515.000 € 6.740.000 € 5.390.000 € 5.390.000')
    expect(all).toContain('€ 4.000.000*')
    expect(all).toContain('Afgeleid jaar')
    expect(all).toContain('2026 e.v.')
    // The table spans two pages; its caption and column headings open both.
    const opened = pdf.pages.filter((p) => p.includes('Extra middeleninzet per post en jaar, in euro Post 2022 2023 2024 2025 2026 e.v.'))
    expect(opened.length).toBeGreaterThanOrEqual(2)
    // The amount columns are as wide as their amounts, so the Post column has the rest: a name of up to
    // 40 characters stands on one line, one of up to 80 on two (with 62 pt per year, 47 characters took three).
    const runs = pdf.items.flat().map((item) => item.text.trim())
    const lines = new Set([...runs, ...runs.slice(1).map((run, i) => `${runs[i]} ${run}`)])
    for (const { line } of source.view.budget.lines) {
      if (line.displayName.length <= 40) expect(runs, line.displayName).toContain(line.displayName)
      else if (line.displayName.length <= 80) expect(lines.has(line.displayName), line.displayName).toBe(true)
    }
  })

  // Two dozen renders: a minute on an idle machine, more on a shared one.
  it('renders every report on offer: titled, named on the cover, every heading present, no lone heading', { timeout: 600_000 }, async () => {
    // The progress reports share one builder: the whole one and one per kind of subject keep the suite inside its time.
    const sampled = (l: ReportListing) => l.type !== 'progress' || [null, 'thema-wonen', 'wethouder-smit', 'wijk-pittelo'].includes(l.slug)
    for (const listing of listReports(source.view).filter(sampled)) {
      const report = build(source, listing.type, listing.slug)
      const pdf = await readPdf(await renderPdf(report, theme))
      expect(pdf.info.Title, listing.pdf).toBe(report.meta.title)
      expect(pdf.pages[0], listing.pdf).toContain(report.cover.name)
      const all = text(pdf).toUpperCase()
      for (const block of report.body) {
        const heading = block.kind === 'heading' ? block.text : block.kind === 'callout' ? block.heading.text : null
        if (heading) expect(all, `${listing.pdf}: ${heading}`).toContain(fold(heading).toUpperCase())
      }
      expect(layoutProblems(pdf), listing.pdf).toEqual([])
    }
    // Two dozen renders and PDF reads: well under a minute on a quiet machine, but it failed the 60 s default on a
    // busy one. The bound is for a hang; the render speed is measured by the bench.
  })
})

describe('the tagged printer', () => {
  it('reads no local file outside the theme folder and fetches no URL', async () => {
    const { family, normal, bold, italics, bolditalics } = theme.fonts
    const fonts = { [family]: { normal, bold, italics, bolditalics } }
    const policy = (path: string) => path.startsWith(`${theme.assetDir}/`) && !path.includes('..')
    const render = (image: string) => renderTaggedPdf({ content: [{ image }], defaultStyle: { font: family } }, fonts, policy)
    await expect(render('/etc/hostname')).rejects.toThrow(/Access to local file denied by resource access policy: \/etc\/hostname/)
    await expect(render('https://example.org/logo.png')).rejects.toThrow(/denied/)
    await expect(render(`${theme.assetDir}/../package.json`)).rejects.toThrow(/Access to local file denied/)
  })
})
