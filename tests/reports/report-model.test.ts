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
    expect(table.columns.map((c) => c.header)).toEqual(['Post', '2022', '2023', '2024', '2025', '2026 ev'])
  })

  it('has one row per line, a subtotal per category, and marks every inferred amount', () => {
    const table = tables(build(source, 'budget').body).find((t) => t.caption.startsWith('Extra middeleninzet per post'))!
    const { budget } = source.view
    expect(table.rows.filter((r) => r.kind === 'body')).toHaveLength(budget.lines.length)
    expect(table.rows.filter((r) => r.kind === 'subtotal')).toHaveLength(budget.categories.length)
    const inferred = budget.lines.flatMap((l) => l.amounts).filter((a) => a.inferred).length
    const marked = table.rows.flatMap((r) => r.cells).filter((c) => c.content.at(-1)?.text === '*').length
    expect(marked).toBe(inferred)
    expect(table.notes!.length).toBeGreaterThan(1)
  })

  it('refuses to print totals the lines do not add up to', () => {
    const view = structuredClone(source.view)
    view.budget.lines[0]!.amounts[0]!.amount += 1000
    expect(() => build({ ...source, view }, 'budget')).toThrow(BudgetTotalsMismatchError)
  })

  it('charts the extra spending per year with its data as a table', () => {
    const chart = build(source, 'budget').body.find((b) => b.kind === 'chart')!
    if (chart.kind !== 'chart') throw new Error('no chart')
    expect(chart.bars.map((b) => b.label)).toEqual(['2022', '2023', '2024', '2025', '2026 ev'])
    expect(chart.description).toContain(`2023: ${formatEuro(11_515_000)}`)
    expect(chart.data.rows.map((r) => plain(r.cells[1]!.content))).toEqual(chart.bars.map((b) => b.valueLabel))
  })
})

describe('every report', () => {
  it('is on offer: the full report, each theme, portfolio and district, and the budget', () => {
    const listings = listReports(source.view)
    expect(listings).toHaveLength(2 + source.view.themes.length + source.view.portfolios.length + source.view.districts.length)
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
  it('for Pittelo: no action names it, the districts in general and Jan Broekema\'s portfolio do', () => {
    const pittelo = source.view.districts.find((d) => d.slug === 'pittelo')!
    const selection = selectDistrictActions(source.view, pittelo)
    expect(selection.wijkwethouder.holder.name).toBe('Jan Broekema')
    expect(selection.named).toEqual([])
    expect(selection.everyDistrict.map((a) => a.action.text)).toContain('We maken daarvoor gebruik van wijkgebouwen, maar bijvoorbeeld ook van kantines van sportverenigingen in de wijk.')
    expect(selection.portfolio.length).toBeGreaterThan(20)
    const all = [...selection.named, ...selection.everyDistrict, ...selection.portfolio]
    expect(new Set(all).size).toBe(all.length)
  })

  it('for Kloosterveen: the actions that name it come first', () => {
    const kloosterveen = source.view.districts.find((d) => d.slug === 'kloosterveen')!
    const selection = selectDistrictActions(source.view, kloosterveen)
    expect(selection.named.map((a) => a.action.text)).toContain('Ook in Kloosterveen versnellen we de woningbouw. Met als doel binnen vier jaar minimaal de eerste 500 woningen opgeleverd te hebben en gestart te zijn met het tweede deel.')
    expect(selection.wijkwethouder.holder.name).toBe('Bert Jan ten Oever')
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
