import { assembleReport } from './assemble-report.js'
import type { ReportContext } from './report-context.js'
import type { Report } from './report-model.js'
import { budgetSection } from './sections/budget-section.js'
import { colophonSection } from './sections/colophon-section.js'
import { rulesSection } from './sections/rules-section.js'

/** The budget overview: chart, every line by category and year with subtotals and totals, per theme, and the rules. */
export function buildBudgetReport(ctx: ReportContext): Report {
  const { agreement } = ctx.view
  return assembleReport(ctx, {
    kicker: 'Begroting', name: 'Financiële doorrekening', label: 'Financiële doorrekening',
    title: `Financiële doorrekening: ${agreement.subtitle} gemeente ${agreement.municipality}`,
    subject: `De extra middeleninzet van het bestuursakkoord van de gemeente ${agreement.municipality} per post, categorie en jaar, met de financiële spelregels.`,
    keywords: ['begroting', 'financiële doorrekening', 'middeleninzet', 'spelregels'],
    body: [...budgetSection(ctx, 1, { byTheme: true }), ...rulesSection(ctx, 1), ...colophonSection(ctx, 1)],
  })
}
