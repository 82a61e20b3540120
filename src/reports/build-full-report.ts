import { assembleReport } from './assemble-report.js'
import type { ReportContext } from './report-context.js'
import type { Report } from './report-model.js'
import { budgetSection } from './sections/budget-section.js'
import { accountabilitySection } from './sections/accountability-section.js'
import { colophonSection } from './sections/colophon-section.js'
import { governanceSection } from './sections/governance-section.js'
import { introductionSection } from './sections/introduction-section.js'
import { portfoliosSection } from './sections/portfolio-section.js'
import { rulesSection } from './sections/rules-section.js'
import { themeSection } from './sections/theme-section.js'

/** The whole agreement: introduction, every theme, governance style, portfolios, budget, rules. */
export function buildFullReport(ctx: ReportContext): Report {
  const { agreement, themes, actions } = ctx.view
  return assembleReport(ctx, {
    kicker: 'Het volledige akkoord', name: `${themes.length} thema's, ${actions.length} afspraken`, label: 'Volledig akkoord',
    title: `${agreement.title}: ${agreement.subtitle} gemeente ${agreement.municipality}`,
    subject: `Alle thema's, afspraken, doelen, portefeuilles, de financiële doorrekening en de spelregels van het bestuursakkoord ${agreement.periodStart}-${agreement.periodEnd} van de gemeente ${agreement.municipality}.`,
    keywords: themes.map((t) => t.theme.name),
    body: [
      ...introductionSection(ctx, 1),
      ...themes.flatMap((theme) => themeSection(ctx, theme, 1)),
      ...governanceSection(ctx, 1),
      ...portfoliosSection(ctx, 1),
      ...budgetSection(ctx, 1, { byTheme: true }),
      ...rulesSection(ctx, 1),
      ...accountabilitySection(ctx, 1),
      ...colophonSection(ctx, 1),
    ],
  })
}
