import type { BudgetLineView } from '../../read-model/agreement-view.js'
import { joinList } from '../dutch-text.js'
import { formatEuro } from '../format-euro.js'

/** A year's column heading: "2026 e.v." (en volgende jaren) for the column that continues in later years. */
export function yearLabel(year: number, continuing: boolean): string {
  return continuing ? `${year} e.v.` : String(year)
}

/**
 * A budget line's money in words: "€ 500.000 per jaar (2023 tot en met 2026 e.v.)"
 * when the amount is the same each year, else each year and amount.
 */
export function describeLineAmounts(line: BudgetLineView): string {
  const amounts = line.amounts
  const first = amounts[0]
  const last = amounts.at(-1)
  if (!first || !last) return 'geen bedrag'
  if (amounts.length > 1 && amounts.every((a) => a.amount === first.amount)) {
    return `${formatEuro(first.amount)} per jaar (${yearLabel(first.year, first.continuing)} tot en met ${yearLabel(last.year, last.continuing)})`
  }
  return joinList(amounts.map((a) => `${formatEuro(a.amount)} in ${yearLabel(a.year, a.continuing)}`))
}

/** The published totals added up over the whole term: what the agreement costs in all, the continuing year counted once. */
export function termTotal(years: readonly { amount: number }[]): number {
  return years.reduce((sum, y) => sum + y.amount, 0)
}
