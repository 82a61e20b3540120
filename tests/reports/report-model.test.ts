import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import type { ReportSource } from '../../src/reports/build-report.js'
import { formatEuro, formatNumber } from '../../src/reports/format-euro.js'
import { listReports } from '../../src/reports/report-catalogue.js'
import { BudgetTotalsMismatchError, ReportThemeError, UnknownReportSlugError, UnknownReportTypeError } from '../../src/reports/report-errors.js'
import type { Block, RichText, TableBlock } from '../../src/reports/report-model.js'
import { loadReportTheme } from '../../src/reports/report-theme.js'
import { selectDistrictActions } from '../../src/reports/select-district-actions.js'
import { parseReportType } from '../../src/reports/report-catalogue.js'
import { build, loadFixture } from './support.js'

let source: ReportSource
let close: () => Promise<void>
beforeAll(async () => ({ source, close } = await loadFixture()))
afterAll(() => close())

const plain = (content: RichText) => content.map((run) => run.text).join('')
const tables = (blocks: Block[]) => blocks.flatMap((b): TableBlock[] => (b.kind === 'table' ? [b] : b.kind === 'chart' ? [b.data] : []))

describe('Dutch amounts', () => {
  it('groups every thousand with a point and keeps the euro sign to its amount', () => {
    expect(formatEuro(11_515_000)).toBe('€\u00a011.515.000')
    expect(formatEuro(4000)).toBe('€\u00a04.000')
    expect(formatEuro(568)).toBe('€\u00a0568')
    expect(formatNumber(0)).toBe('0')
    expect(formatNumber(-1_234_567)).toBe('-1.234.567')
    expect(() => formatEuro(1.5)).toThrow(RangeError)
  })
})

describe('the budget overview', () => {
  it('ends its table with the published totals, which the lines add up to', () => {
    const table = tables(build(source, 'budget').body).find((t) => t.caption.startsWith('Extra middeleninzet per post'))!
    const total = table.rows.at(-1)!
    expect(total.kind).toBe('total')
    expect(plain(total.cells[0]!.content)).toBe('Totaal extra middeleninzet bestuursakkoord 2022-2026')
    expect(total.cells.slice(1).map((c) => plain(c.content))).toEqual(
      [568_000, 11_515_000, 6_740_000, 5_390_000, 5_390_000].map(formatEuro))
    expect(table.columns.map((c) => c.header)).toEqual(['Post', '2022', '2023', '2024', '2025', '2026 e.v.'])
  })

  it('has one row per line, a subtotal per category, and marks every inferred amount', () => {
    const table = tables(build(source, 'budget').body).find((t) => t.caption.startsWith('Extra middeleninzet per post'))!
    const { budget } = source.view
    expect(table.rows.filter((r) => r.kind === 'body')).toHaveLength(budget.lines.length)
    expect(table.rows.filter((r) => r.kind === 'subtotal')).toHaveLength(budget.categories.length)
    const inferred = budget.lines.flatMap((l) => l.amounts).filter((a) => a.inferred).length
    const marked = table.rows.flatMap((r) => r.cells).filter((c) => c.content.at(-1)?.text === '*').length
    expect(marked).toBe(inferred)
    expect(table.notes!.length).toBe(1)
  })

  it('refuses to print totals the lines do not add up to', () => {
    const view = structuredClone(source.view)
    view.budget.lines[0]!.amounts[0]!.amount += 1000
    expect(() => build({ ...source, view }, 'budget')).toThrow(BudgetTotalsMismatchError)
  })

  it('charts the extra spending per year with its data as a table', () => {
    const chart = build(source, 'budget').body.find((b) => b.kind === 'chart')!
    if (chart.kind !== 'chart') throw new Error('no chart')
    expect(chart.bars.map((b) => b.label)).toEqual(['2022', '2023', '2024', '2025', '2026 e.v.'])
    expect(chart.description).toContain(`2023: ${formatEuro(11_515_000)}`)
    expect(chart.data.rows.map((r) => plain(r.cells[1]!.content))).toEqual(chart.bars.map((b) => b.valueLabel))
  })
})

describe('every report', () => {
  it('is on offer: the full report, each theme, portfolio and district, the budget, and progress for all of them', () => {
    const listings = listReports(source.view)
    const subjects = source.view.themes.length + source.view.portfolios.length + source.view.districts.length
    expect(listings).toHaveLength(2 + subjects + 1 + subjects)
    expect(listings).toContainEqual({ type: 'progress', slug: null, title: 'Voortgangsrapportage', pdf: '/reports/progress.pdf', html: '/reports/progress.html' })
    expect(listings).toContainEqual({ type: 'progress', slug: 'thema-wonen', title: 'Voortgangsrapportage thema Wonen', pdf: '/reports/progress/thema-wonen.pdf', html: '/reports/progress/thema-wonen.html' })
    expect(new Set(listings.map((l) => l.pdf)).size).toBe(listings.length)
    expect(listings).toContainEqual({ type: 'district', slug: 'pittelo', title: 'Wijk Pittelo', pdf: '/reports/district/pittelo.pdf', html: '/reports/district/pittelo.html' })
  })

  it('has headings that start at level 1 and never skip a level, with unique ids', () => {
    for (const listing of listReports(source.view)) {
      const report = build(source, listing.type, listing.slug)
      const headings = report.body.flatMap((b) => (b.kind === 'heading' ? [b] : b.kind === 'callout' ? [b.heading] : []))
      expect(headings[0]!.level, listing.pdf).toBe(1)
      headings.reduce((previous, h) => {
        expect(h.level, `${listing.pdf}: ${h.text}`).toBeLessThanOrEqual(previous + 1)
        return h.level
      }, 1)
      expect(new Set(headings.map((h) => h.id)).size, listing.pdf).toBe(headings.length)
    }
  })

  it('is dated by the data version and ends with a colophon naming the source hash, licence, API and dumps', () => {
    const report = build(source, 'theme', 'wonen')
    expect(report.meta.date.toISOString()).toBe(`${source.view.agreement.dataVersion}T00:00:00.000Z`)
    const colophon = report.body.at(-2)!
    if (colophon.kind !== 'facts') throw new Error('the colophon facts are not where expected')
    const facts = Object.fromEntries(colophon.items.map((f) => [f.term, plain(f.value)]))
    expect(facts['SHA-256 van de bron']).toBe(source.view.agreement.sourceSha256)
    expect(facts['Licentie']).toContain('CC0 1.0')
    expect(facts['API (GraphQL)']).toBe('http://open-akkoord.test/graphql')
    expect(facts['Open data (downloads)']).toBe('http://open-akkoord.test/data/')
    expect(facts['Dit rapport als HTML']).toBe('http://open-akkoord.test/reports/theme/wonen.html')
  })

  it('names the argument and value it does not know', () => {
    expect(() => parseReportType('foo')).toThrow(UnknownReportTypeError)
    expect(() => parseReportType('foo')).toThrow(/"foo".*full, theme, portfolio, district, budget/)
    expect(() => build(source, 'theme', 'nope')).toThrow(UnknownReportSlugError)
    expect(() => build(source, 'theme', 'nope')).toThrow(/unknown theme slug "nope": expected one of ontmoeten/)
    expect(() => build(source, 'theme', null)).toThrow(/needs a slug/)
    expect(() => build(source, 'budget', 'x')).toThrow(/takes no slug/)
  })
})

describe('the district report', () => {
  const district = (slug: string) => source.view.districts.find((d) => d.slug === slug)!
  const body = (slug: string) => JSON.stringify(build(source, 'district', slug).body)

  it('for Pittelo, which the text never names: says so plainly, and keeps the commitments for every district apart', () => {
    const selection = selectDistrictActions(source.view, district('pittelo'))
    expect(selection.wijkwethouder.holder.name).toBe('Jan Broekema')
    expect(selection.named).toEqual([])
    expect(selection.mentions).toEqual([])
    expect(selection.everyDistrict.map((a) => a.action.text)).toContain('We maken daarvoor gebruik van wijkgebouwen, maar bijvoorbeeld ook van kantines van sportverenigingen in de wijk.')
    const report = build(source, 'district', 'pittelo')
    const lead = report.body.find((b) => b.kind === 'paragraph' && b.variant === 'lead')!
    expect(JSON.stringify(lead)).toContain('Het akkoord noemt Pittelo nergens bij naam, en ook geen buurt of ander deel van Pittelo.')
    expect(JSON.stringify(lead)).toContain('Jan Broekema is wijkwethouder van Pittelo en Noorderpark.')
    // The alderman's city-wide portfolio is not presented as being about Pittelo.
    expect(body('pittelo')).not.toMatch(/gaan over Pittelo|Uit de portefeuille van/)
    expect(report.body.filter((b) => b.kind === 'heading').map((h) => h.kind === 'heading' && h.text)).not.toContain('Afspraken die Pittelo noemen')
  })

  it('for Kloosterveen: its commitments and the vision that name it, and the alderman of its expansion besides its wijkwethouder', () => {
    const selection = selectDistrictActions(source.view, district('kloosterveen'))
    expect(selection.wijkwethouder.holder.name).toBe('Bert Jan ten Oever')
    expect(selection.named.map((a) => a.action.text)).toContain('Ook in Kloosterveen versnellen we de woningbouw. Met als doel binnen vier jaar minimaal de eerste 500 woningen opgeleverd te hebben en gestart te zijn met het tweede deel.')
    expect(selection.mentions).toContainEqual({ where: 'Wonen › Assen in 2030…', text: 'Aan de rand van de stad is de uitbreiding van Kloosterveen versneld uitgevoerd.' })
    expect(selection.responsibilities.map((r) => [r.responsibility.name, r.portfolio.holder.name])).toEqual([['Uitbreiding Kloosterveen', 'Albert Smit']])
    expect(body('kloosterveen')).toContain(`Het akkoord noemt Kloosterveen in ${selection.named.length} afspraken en in 1 andere zin.`)
  })

  it('for Centrum: named by its parts (binnenstad, Stadskwartier, Havenkwartier), each with the curators\' reason', () => {
    const selection = selectDistrictActions(source.view, district('centrum'))
    expect(selection.parts.map((p) => p.name)).toEqual(['binnenstad', 'Stadskwartier', 'Havenkwartier'])
    for (const part of selection.parts) expect(part.reason.length).toBeGreaterThan(40)
    const named = selection.named.map((a) => a.action.text)
    expect(named).toContain('Vanaf 2025 bevoorraden we onze binnenstad CO2-neutraal.')
    expect(named).toContain('We zetten stevig in op de ontwikkeling van het Stadskwartier.')
    expect(named.some((t) => t.startsWith('Van het Havenkwartier maken we een bruisende plek'))).toBe(true)
    expect(selection.mentions.map((m) => m.text)).toContain('In het centrum krijgt het Stadskwartier steeds meer vorm met stadse woningen in een unieke omgeving.')
    expect(selection.responsibilities.map((r) => r.responsibility.name)).toEqual(['Binnenstad', 'Stadskwartier'])
  })

  it('gives two districts of one wijkwethouder different pages: Centrum and Peelo, Kloosterveen and de Lariks', () => {
    expect(body('centrum')).not.toBe(body('peelo').replaceAll('Peelo', 'Centrum'))
    expect(body('kloosterveen')).not.toBe(body('lariks').replaceAll('de Lariks', 'Kloosterveen'))
    expect(body('peelo')).toContain('Het akkoord noemt Peelo nergens bij naam')
    expect(body('centrum')).toContain('Afspraken die Centrum noemen')
  })

  it('counts the commitments for every district apart, never as about the district, and never twice', () => {
    for (const d of source.view.districts) {
      const selection = selectDistrictActions(source.view, d)
      for (const action of selection.everyDistrict) expect(selection.named, d.slug).not.toContain(action)
      for (const action of selection.named) expect(action.districts, d.slug).toContain(d)
      expect(body(d.slug), d.slug).toContain(`De ${selection.everyDistrict.length} afspraken voor alle wijken gelden ook hier, maar gaan niet over ${d.name} in het bijzonder`)
    }
  })
})

describe('the theme file', () => {
  it('is refused when a colour pair fails WCAG AA contrast', () => {
    const theme = JSON.parse(readFileSync(loadConfig({}).reports.themePath, 'utf8'))
    theme.colors.muted = '#AAAAAA'
    const dir = mkdtempSync(join(tmpdir(), 'report-theme-'))
    writeFileSync(join(dir, 'theme.json'), JSON.stringify(theme))
    expect(() => loadReportTheme(join(dir, 'theme.json'))).toThrow(ReportThemeError)
    expect(() => loadReportTheme(join(dir, 'theme.json'))).toThrow(/colors\.muted on colors\.background has contrast 2\.\d+, WCAG AA needs 4\.5/)
  })

  it('resolves its fonts inside its own folder', () => {
    const theme = loadReportTheme(loadConfig({}).reports.themePath)
    for (const path of [theme.fonts.normal, theme.fonts.bold, theme.fonts.italics, theme.fonts.bolditalics]) expect(path.startsWith(`${theme.assetDir}/`)).toBe(true)
  })
})

describe('the whole text', () => {
  // The text of the paragraphs without the commitments' reference numbers.
  const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [plain(b.content.filter((r) => !r.sup))] : []))

  it('prints every topic\'s text whole, in document order, in the full and theme reports', () => {
    const full = paragraphs(build(source, 'full').body).join(' ')
    const themeText = (slug: string) => paragraphs(build(source, 'theme', slug).body).join(' ')
    for (const theme of source.view.themes) {
      const own = themeText(theme.theme.slug)
      let cursor = -1
      for (const topic of theme.topics) {
        // Each topic's text, sentence for sentence, once the paragraph marks are taken out.
        const text = topic.topic.text.replace(/\s+/g, ' ')
        expect(own, topic.topic.slug).toContain(text)
        const at = full.indexOf(text)
        expect(at, topic.topic.slug).toBeGreaterThan(cursor)
        cursor = at
      }
    }
  })

  it('marks every commitment in place and numbers it, with its kind under the paragraph', () => {
    const body = build(source, 'theme', 'ontmoeten').body
    const theme = source.view.themes.find((t) => t.theme.slug === 'ontmoeten')!
    const marked = body.flatMap((b) => (b.kind === 'paragraph' ? b.content.filter((r) => r.mark).map((r) => r.text) : []))
    expect(marked).toEqual(theme.topics.flatMap((t) => t.actions.map((a) => a.action.text)))
    const numbers = body.flatMap((b) => (b.kind === 'paragraph' ? b.content.filter((r) => r.sup).map((r) => r.text) : []))
    expect(numbers.slice(0, theme.topics[0]!.actions.length)).toEqual(theme.topics[0]!.actions.map((_, i) => String(i + 1)))
    const details = body.find((b) => b.kind === 'list' && b.variant === 'commitments')
    if (details?.kind !== 'list') throw new Error('no commitments list')
    expect(plain(details.items[0]!.content)).toMatch(/^1 (Nieuw|Voortzetten|Intensiveren|Onderzoeken|Belangen behartigen|In gesprek|Ondersteunen)/)
  })

  it('splits a topic into the paragraphs the source prints', () => {
    const theme = source.view.themes.find((t) => t.topics.some((topic) => topic.topic.slug === 'duurzaamheid'))!
    const body = build(source, 'theme', theme.theme.slug).body
    const start = body.findIndex((b) => b.kind === 'heading' && b.text === 'Duurzaamheid')
    const next = body.findIndex((b, i) => i > start && b.kind === 'heading')
    expect(body.slice(start, next).filter((b) => b.kind === 'paragraph' && !b.variant).length).toBeGreaterThan(2)
  })
})

describe('plain Dutch', () => {
  it('dates covers in words, writes "2026 e.v." and gives the total over the term', () => {
    const report = build(source, 'budget')
    expect(report.cover.facts.find((f) => f.term === 'Dataversie')!.value).toMatch(/^\d{1,2} [a-z]+ \d{4}$/)
    const lead = report.body.find((b) => b.kind === 'paragraph')!
    if (lead.kind !== 'paragraph') throw new Error('no lead')
    const total = source.view.budget.years.reduce((s, y) => s + y.amount, 0)
    expect(plain(lead.content)).toContain(`samen ${formatEuro(total)}`)
    expect(plain(lead.content)).toContain('"e.v." betekent')
    expect(JSON.stringify(report.body)).not.toMatch(/\b20\d\d ev\b/)
  })

  it('keeps the curators\' reasoning out of the tables and puts it, without line numbers, in the full report\'s Verantwoording', () => {
    for (const type of ['budget', 'full'] as const) {
      const text = JSON.stringify(build(source, type).body)
      expect(text, type).not.toMatch(/regels? \d{3,4}/)
      expect(text, type).not.toMatch(/\d\.\d{3} min /)
    }
    const full = build(source, 'full').body
    const at = full.findIndex((b) => b.kind === 'heading' && b.text === 'Verantwoording')
    expect(at).toBeGreaterThan(0)
    const appendix = JSON.stringify(full.slice(at))
    expect(appendix).toContain('Soorten afspraken')
    for (const label of ['Nieuw', 'Intensiveren', 'Belangen behartigen']) expect(appendix).toContain(label)
  })

  it('names the downloads in Dutch', () => {
    expect(build(source, 'full').fileName).toBe('assen-2022-2026-volledig-akkoord')
    expect(build(source, 'district', 'pittelo').fileName).toBe('assen-2022-2026-wijk-pittelo')
  })
})

describe('the college as a whole and repeated commitments in the reports', () => {
  it('marks each of the twelve whole-college actions where the full report lists it, and counts sentences and commitments apart', () => {
    const full = JSON.stringify(build(source, 'full').body)
    expect(full.split(' · Het college als geheel').length - 1).toBe(12)
    expect(full).toContain('12 afspraken horen bij het college als geheel')
    expect(full).toContain('de 185 afspraken zijn 173 afzonderlijke toezeggingen')
  })

  it('tells an alderman\'s report that the college as a whole carries twelve actions it does not list', () => {
    const report = JSON.stringify(build(source, 'portfolio', 'rasker').body)
    expect(report).toContain('Daarnaast horen 12 afspraken bij het college als geheel')
    expect(report).not.toContain('Wij organiseren elke maand een wijkbezoek.')
  })
})
