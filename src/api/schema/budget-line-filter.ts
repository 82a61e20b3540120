import type { BudgetLineFilterIds } from '../../read-model/budget-lines-filtered.js'
import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import { builder } from '../builder.js'
import { badUserInput } from '../errors.js'
import { filterIds } from '../filter-slugs.js'

/** The BudgetLineFilter input type and its resolution to read-model ids. */
export const BudgetLineFilter = builder.inputType('BudgetLineFilter', {
  description: 'Narrows a list of budget lines. Every field that is set must hold (AND); a field with several values matches any of them (OR).',
  fields: (t) => ({
    category: t.stringList({ description: 'Category slugs: lines in any of these categories.' }),
    theme: t.stringList({ description: 'Theme slugs: lines assigned to any of these themes.' }),
    portfolio: t.stringList({ description: 'Portfolio slugs: lines any of these portfolios is responsible for.' }),
    year: t.int({ description: 'Only lines with an amount in this year, one of the years of the financial table (BAD_USER_INPUT otherwise).' }),
    minAmount: t.int({ description: 'Whole euros: only lines whose amount in `year` (when given), or whose total otherwise, is at least this.' }),
  }),
})

type BudgetLineFilterInput = typeof BudgetLineFilter.$inferInput

/** Checks a budget line filter and resolves its slugs; unknown slugs and impossible numbers are BAD_USER_INPUT. */
export function resolveBudgetLineFilter(snapshot: AgreementSnapshot, filter: BudgetLineFilterInput | null | undefined): BudgetLineFilterIds {
  if (!filter) return {}
  if (filter.year != null) {
    // A year outside the table would silently match nothing, while an unknown slug is an error: both are reported.
    const years = snapshot.list('budgetTotal').map((total) => total.year)
    if (!years.includes(filter.year)) {
      throw badUserInput('filter.year', filter.year, years.length ? `is not a year of the financial table (${years[0]}-${years.at(-1)})` : 'is not a year of the financial table, which is empty')
    }
  }
  if (filter.minAmount != null && filter.minAmount < 0) throw badUserInput('filter.minAmount', filter.minAmount, 'must not be negative')
  const categoryIds = filterIds(snapshot, 'filter.category', 'budgetCategory', 'budget category', filter.category)
  const themeIds = filterIds(snapshot, 'filter.theme', 'theme', 'theme', filter.theme)
  const portfolioIds = filterIds(snapshot, 'filter.portfolio', 'portfolio', 'portfolio', filter.portfolio)
  return { categoryIds, themeIds, portfolioIds, year: filter.year ?? undefined, minAmount: filter.minAmount ?? undefined }
}
