import type { BudgetLineView } from '../../read-model/agreement-view.js'
import { formatEuro } from '../format-euro.js'
import { BudgetTotalsMismatchError } from '../report-errors.js'
import type { ReportContext } from '../report-context.js'
import type { RichText, TableBlock, TableCell, TableRow } from '../report-model.js'
import { yearLabel } from './budget-amounts.js'

export interface BudgetTableOptions {
  caption: string
  /**
   * published: the lines are the whole budget, so the totals row is the published one, and the lines must add
   * up to it (else BudgetTotalsMismatchError). sum: a selection, totalled under totalLabel.
   */
  totals: 'published' | 'sum'
  totalLabel?: string
  /** Category heading rows and subtotals: for the whole budget; a theme's few lines read better as one list. */
  grouped: boolean
}

// An empty cell renders as a dash; a sum of nothing is shown the same way.
const amountCell = (amount: number | undefined, inferred = false): TableCell =>
  ({ content: amount === undefined || amount === 0 ? [] : [{ text: formatEuro(amount) }, ...(inferred ? [{ text: '*', alt: ' (afgeleid jaar)' }] : [])] })

/**
 * Budget lines by category and year, with a subtotal per category and a totals
 * row. Amounts whose year was inferred are marked with an asterisk, and the line
 * carries the number of the note giving the reason.
 */
export function budgetTable(ctx: ReportContext, lines: readonly BudgetLineView[], options: BudgetTableOptions): TableBlock {
  const years = ctx.view.budget.years
  let inferred = false
  const sumByYear = (subset: readonly BudgetLineView[]) =>
    years.map((y) => subset.reduce((sum, l) => sum + (l.amounts.find((a) => a.year === y.year)?.amount ?? 0), 0))

  const rows: TableRow[] = []
  for (const { category, lines: all } of ctx.view.budget.categories) {
    const shown = all.filter((l) => lines.includes(l))
    if (shown.length === 0) continue
    if (options.grouped) rows.push({ kind: 'group', cells: [{ content: [{ text: category.name }] }] })
    for (const line of shown) {
      inferred ||= line.amounts.some((a) => a.inferred)
      const name: RichText = [{ text: line.line.displayName }]
      rows.push({
        kind: 'body',
        cells: [{ content: name }, ...years.map((y) => {
          const amount = line.amounts.find((a) => a.year === y.year)
          return amountCell(amount?.amount, amount?.inferred)
        })],
      })
    }
    if (options.grouped) {
      rows.push({ kind: 'subtotal', cells: [{ content: [{ text: `Subtotaal ${category.name.toLowerCase()}` }] }, ...sumByYear(shown).map((s) => amountCell(s))] })
    }
  }

  const sums = sumByYear(lines)
  if (options.totals === 'published') {
    years.forEach((y, i) => {
      if (sums[i] !== y.amount || y.computed !== y.amount) throw new BudgetTotalsMismatchError(y.year, y.amount, sums[i]!)
    })
  }
  const totalLabel = options.totals === 'published' ? ctx.totalsLabel : options.totalLabel ?? 'Totaal'
  rows.push({ kind: 'total', cells: [{ content: [{ text: totalLabel }] }, ...sums.map((s) => amountCell(s))] })

  return {
    kind: 'table', caption: options.caption, rows,
    columns: [{ header: 'Post', align: 'left', width: '*' }, ...years.map((y) => ({ header: yearLabel(y.year, y.continuing), align: 'right' as const, width: 'auto' as const }))],
    // The curators' reasoning is no reading matter for this table: the full report's Verantwoording explains it in words.
    notes: inferred ? [[{ text: '* ', strong: true }, {
      text: 'Afgeleid jaar: in de gepubliceerde tekst van het akkoord ontbreken de kolommen van deze tabel, en bij dit bedrag staat niet in welk jaar het valt. '
        + 'Het jaar is bepaald aan de hand van de totalen per jaar; de verantwoording achter in het volledige akkoord legt uit hoe.',
    }]] : undefined,
  }
}
