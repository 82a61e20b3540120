import type { AgreementSnapshot } from './agreement-snapshot.js'
import type { BudgetLineFilterIds } from './budget-lines-filtered.js'
import type { BudgetLineRecord } from './records.js'

/** The agreement's budget lines that pass the filter, in table order: the same meaning as findBudgetLines' SQL. */
export function filterBudgetLines(snapshot: AgreementSnapshot, filter: BudgetLineFilterIds): readonly BudgetLineRecord[] {
  const categories = filter.categoryIds && new Set(filter.categoryIds)
  const themes = filter.themeIds && new Set(filter.themeIds)
  const portfolios = filter.portfolioIds && new Set(filter.portfolioIds)
  const amounts = (line: BudgetLineRecord) => snapshot.children('budgetAmount', 'budgetLineId', line.id)
  const keep = (line: BudgetLineRecord): boolean => {
    if (categories && !categories.has(line.categoryId)) return false
    if (themes && (line.themeId === null || !themes.has(line.themeId))) return false
    if (portfolios && !snapshot.children('budgetLinePortfolio', 'budgetLineId', line.id).some((l) => portfolios.has(l.portfolioId))) return false
    if (filter.year !== undefined) {
      const minimum = filter.minAmount ?? 0
      return amounts(line).some((a) => a.year === filter.year && a.amount >= minimum)
    }
    // A line without amounts has no sum to compare, as SQL's GROUP BY ... HAVING leaves it out.
    if (filter.minAmount !== undefined) return amounts(line).length > 0 && snapshot.lineTotal(line.id) >= filter.minAmount
    return true
  }
  return snapshot.list('budgetLine').filter(keep)
}
