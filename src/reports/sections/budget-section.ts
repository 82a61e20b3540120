import { formatEuro } from '../format-euro.js'
import type { ReportContext } from '../report-context.js'
import type { Block, HeadingBlock, TableBlock, TableRow } from '../report-model.js'
import { termTotal, yearLabel } from './budget-amounts.js'
import { budgetChart } from './budget-chart.js'
import { budgetTable } from './budget-table.js'

/** The whole "Financiële doorrekening": introduction, chart, every line by category and year, and the totals. */
export function budgetSection(ctx: ReportContext, level: HeadingBlock['level'], options: { byTheme: boolean }): Block[] {
  const { budget } = ctx.view
  const sub = (level + 1) as HeadingBlock['level']
  const inferred = budget.lines.filter((l) => l.amounts.some((a) => a.inferred)).length
  const first = budget.years[0]!, last = budget.years.at(-1)!
  return [
    ctx.heading(level, 'Financiële doorrekening'),
    {
      kind: 'paragraph', variant: 'lead',
      content: [{ text: `Het college trekt voor dit akkoord extra geld uit: ${budget.lines.length} posten in ${budget.categories.length} categorieën, `
        + `van ${formatEuro(first.amount)} in ${yearLabel(first.year, first.continuing)} tot ${formatEuro(last.amount)} per jaar vanaf ${last.year}. `
        + `Over de hele periode ${first.year} tot en met ${last.year} is dat samen ${formatEuro(termTotal(budget.years))}. `
        + `"e.v." betekent: en volgende jaren; dat bedrag loopt ook na ${last.year} door.` }],
    },
    ctx.heading(sub, 'Extra uitgaven per jaar'),
    budgetChart(ctx),
    ctx.heading(sub, 'Alle posten per categorie'),
    ...(inferred > 0 ? [{
      kind: 'paragraph' as const,
      content: [{ text: `Bij ${inferred} posten staat in de brontekst niet bij welk jaar een bedrag hoort; die bedragen zijn gemarkeerd met een sterretje (*). `
        + 'Hoe hun jaar is bepaald, staat in de verantwoording achter in het volledige akkoord.' }],
    }] : []),
    budgetTable(ctx, budget.lines, { caption: 'Extra middeleninzet per post en jaar, in euro', totals: 'published', grouped: true }),
    ...(options.byTheme ? [ctx.heading(sub, 'Per thema'), themeTotals(ctx)] : []),
  ]
}

/** The lines summed per theme and year; lines without a theme under "Zonder thema". */
function themeTotals(ctx: ReportContext): TableBlock {
  const { budget, themes } = ctx.view
  const groups = [...themes.map((t) => ({ name: t.theme.name, lines: t.budgetLines })), { name: 'Zonder thema', lines: budget.lines.filter((l) => l.theme === null) }]
    .filter((g) => g.lines.length > 0)
  const cells = (lines: typeof budget.lines) => budget.years.map((y) => {
    const sum = lines.reduce((s, l) => s + (l.amounts.find((a) => a.year === y.year)?.amount ?? 0), 0)
    return { content: sum === 0 ? [] : [{ text: formatEuro(sum) }] }
  })
  const rows: TableRow[] = groups.map((g) => ({ kind: 'body', cells: [{ content: [{ text: g.name }] }, ...cells(g.lines)] }))
  rows.push({ kind: 'total', cells: [{ content: [{ text: ctx.totalsLabel }] }, ...cells(budget.lines)] })
  return {
    kind: 'table', caption: 'Extra middeleninzet per thema en jaar, in euro', rows,
    columns: [{ header: 'Thema', align: 'left', width: '*' }, ...budget.years.map((y) => ({ header: yearLabel(y.year, y.continuing), align: 'right' as const, width: 'auto' as const }))],
  }
}
