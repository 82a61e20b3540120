import { joinList } from '../dutch-text.js'
import { formatEuro } from '../format-euro.js'
import type { ChartBlock } from '../report-model.js'
import type { ReportContext } from '../report-context.js'
import { yearLabel } from './budget-amounts.js'

/** A round step for about four gridlines: 1, 2 or 5 times a power of ten. */
export function niceStep(max: number, lines = 4): number {
  if (max <= 0) return 1
  const raw = max / lines
  const power = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw))!
}

/** The published extra spending per year as a bar chart, with its text alternative and its data table. */
export function budgetChart(ctx: ReportContext): ChartBlock {
  const years = ctx.view.budget.years
  const bars = years.map((y) => ({ label: yearLabel(y.year, y.continuing), value: y.amount, valueLabel: formatEuro(y.amount) }))
  const max = Math.max(...bars.map((b) => b.value))
  const step = niceStep(max)
  const ticks = Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => ({ value: i * step, label: formatEuro(i * step) }))
  const highest = bars.find((b) => b.value === max)!
  const title = 'Extra uitgaven per jaar'
  return {
    kind: 'chart', title, bars, ticks,
    description: `Staafdiagram van de extra uitgaven van het bestuursakkoord per jaar: ${joinList(bars.map((b) => `${b.label}: ${b.valueLabel}`))}. `
      + `Het hoogste bedrag valt in ${highest.label}.${years.some((y) => y.continuing) ? ' "e.v." betekent: en volgende jaren.' : ''}`,
    data: {
      kind: 'table', caption: `${title} (gegevens bij de grafiek)`,
      columns: [{ header: 'Jaar', align: 'left', width: '*' }, { header: 'Extra uitgaven', align: 'right', width: 90 }],
      rows: bars.map((b) => ({ kind: 'body', cells: [{ content: [{ text: b.label }] }, { content: [{ text: b.valueLabel }] }] })),
    },
  }
}
