import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { readAgreementData } from '../../src/data/read-agreement-data.js'
import { forcedLines, placementsMeetingTotals, printedLines, type PrintedLine } from './budget-placements.js'

// Backs the budget reasoning in db/README.md: which year placements the published totals force, and which
// follow only from reading the text. Amounts are in thousands, as printed.
const budget = readAgreementData(join(projectRoot, 'db/data/assen-2022-2026'), projectRoot).budget.data
const lines = printedLines(budget)
const totals = Object.fromEntries(Object.entries(budget.totals.amounts).map(([y, a]) => [Number(y), a / 1000]))
const underHeadings = (l: PrintedLine, all: number[][]) => (l.amounts.length === 4 ? [[2023, 2024, 2025, 2026]] : all)
const consecutive = (l: PrintedLine, all: number[][]) => underHeadings(l, all).filter((ys) => ys.at(-1)! - ys[0]! === ys.length - 1)
const twoYearReading = (l: PrintedLine, all: number[][]) => (l.amounts.length === 2 ? [[2023, 2024]] : consecutive(l, all))
const stored = new Map(budget.categories.flatMap((c) => c.budget_lines.map((l) => [l.slug, Object.keys(l.amounts).map(Number)])))
const reasons = new Map(budget.categories.flatMap((c) => c.budget_lines.map((l) => [l.slug, l.placement])))

describe('the year placements of the budget table', () => {
  const all = placementsMeetingTotals(lines, totals, underHeadings)
  const open = new Set(lines.filter((l) => l.amounts.length < 4).map((l) => l.slug))
  const forcedOpen = () => new Map([...forcedLines(all)].filter(([slug]) => open.has(slug)))

  it('leaves 112 placements that meet all five totals, 30 of them with each line in consecutive years', () => {
    expect(all).toHaveLength(112)
    expect(placementsMeetingTotals(lines, totals, consecutive)).toHaveLength(30)
  })

  it('forces four placements by arithmetic, and only those reasons say the totals force them', () => {
    const forced = forcedOpen()
    expect(Object.fromEntries(forced)).toEqual({
      'vorming-preventiereserve': [2023], 'vorming-reserve-jongerenbeleid': [2023],
      'bewegen-ontmoeten-sporten-en-spelen': [2024, 2025, 2026], 'versnelde-invoering-kostendelersnorm': [2022],
    })
    for (const [slug, years] of forced) expect(stored.get(slug), slug).toEqual(years)
    const claimed = [...reasons].filter(([, p]) => p.reason.startsWith('Afgedwongen door de totalen')).map(([slug]) => slug)
    expect(claimed.sort()).toEqual([...forced.keys()].sort())
  })

  it('with the two-year reading of lines 996-1001 leaves exactly the stored placement, and every other open line cites it', () => {
    const read = placementsMeetingTotals(lines, totals, twoYearReading)
    expect(read).toHaveLength(1)
    for (const [slug, years] of read[0]!) expect(stored.get(slug), slug).toEqual(years)
    const forced = forcedOpen()
    for (const line of lines.filter((l) => l.amounts.length < 4 && !forced.has(l.slug))) {
      expect(reasons.get(line.slug)!.inferred, line.slug).toBe(true)
      expect(reasons.get(line.slug)!.reason, line.slug).toMatch(/^Niet afgedwongen door de totalen.*regels 996-1001/)
    }
  })
})
