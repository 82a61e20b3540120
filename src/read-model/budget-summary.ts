import type { AgreementSnapshot } from './agreement-snapshot.js'
import type { BudgetLineRecord } from './records.js'

/** What a budget summary groups lines by. */
export type BudgetGrouping = 'theme' | 'category' | 'portfolio'

/** One group of a budget summary: its key record ids (several for lines shared by portfolios; none for unassigned lines) and sums. */
export interface BudgetGroup {
  ids: readonly number[]
  lines: readonly BudgetLineRecord[]
  /** Whole euros per year, by year; years without an amount are left out. */
  amounts: ReadonlyMap<number, number>
  /** Whole euros over every printed year (a continuing amount counted once). */
  total: number
}

/** The ids a line is grouped under: one theme or category, or every portfolio it has, or none. */
function groupIds(snapshot: AgreementSnapshot, grouping: BudgetGrouping, line: BudgetLineRecord): number[] {
  switch (grouping) {
    case 'theme': return line.themeId === null ? [] : [line.themeId]
    case 'category': return [line.categoryId]
    case 'portfolio': {
      const ids = new Set(snapshot.children('budgetLinePortfolio', 'budgetLineId', line.id).map((l) => l.portfolioId))
      return [...ids].sort((a, b) => snapshot.byId('portfolio', a)!.position - snapshot.byId('portfolio', b)!.position)
    }
  }
}

/**
 * The budget lines grouped so that every line is in exactly one group: by
 * theme (lines serving no single theme together), by category, or by the
 * set of portfolios responsible (a line shared by several portfolios forms a
 * group of that set, never counted twice, and lines without a portfolio one
 * of their own). The groups therefore add up to the sum of the lines in each
 * year, euro for euro. Groups come in table order of their first line.
 */
export function summarizeBudget(snapshot: AgreementSnapshot, grouping: BudgetGrouping): BudgetGroup[] {
  const groups = new Map<string, { ids: number[]; lines: BudgetLineRecord[] }>()
  for (const line of snapshot.list('budgetLine')) {
    const ids = groupIds(snapshot, grouping, line)
    const key = ids.join(',')
    const group = groups.get(key) ?? { ids, lines: [] }
    group.lines.push(line)
    groups.set(key, group)
  }
  return [...groups.values()].map(({ ids, lines }) => {
    const amounts = new Map<number, number>()
    for (const line of lines) {
      for (const a of snapshot.children('budgetAmount', 'budgetLineId', line.id)) amounts.set(a.year, (amounts.get(a.year) ?? 0) + a.amount)
    }
    const sorted = new Map([...amounts].sort(([a], [b]) => a - b))
    return { ids, lines, amounts: sorted, total: [...sorted.values()].reduce((sum, v) => sum + v, 0) }
  })
}
