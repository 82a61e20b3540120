import { joinList } from './dutch-text.js'
import { assembleReport } from './assemble-report.js'
import type { ReportContext } from './report-context.js'
import type { Block, Report } from './report-model.js'
import { actionGroups } from './sections/action-groups.js'
import { budgetTable } from './sections/budget-table.js'
import { colophonSection } from './sections/colophon-section.js'
import { portfolioFacts } from './sections/portfolio-section.js'

/** One alderman: the portfolio, every action they answer for by theme and topic, and the budget lines they hold. */
export function buildPortfolioReport(ctx: ReportContext, slug: string): Report {
  const { agreement } = ctx.view
  const portfolio = ctx.view.portfolios.find((p) => p.portfolio.slug === slug)!
  const name = portfolio.holder.name
  const mine = (a: { portfolios: readonly unknown[] }) => a.portfolios.includes(portfolio)
  const count = ctx.view.actions.filter(mine).length
  const college = ctx.view.actions.filter((a) => a.action.wholeCollege).length
  const lines = ctx.view.budget.lines.filter(mine)
  const budget: Block[] = lines.length === 0 ? [] : [
    ctx.heading(1, 'Begroting'),
    { kind: 'paragraph', content: [{ text: `De begrotingsposten waarvoor ${name} (mede) verantwoordelijk is.` }] },
    budgetTable(ctx, lines, { caption: `Extra middeleninzet in de portefeuille van ${name}, in euro`, totals: 'sum', totalLabel: 'Totaal portefeuille', grouped: false }),
  ]
  return assembleReport(ctx, {
    kicker: 'Portefeuille van wethouder', name, label: `Wethouder ${name}`,
    title: `Portefeuille van wethouder ${name}: ${agreement.subtitle} gemeente ${agreement.municipality}`,
    subject: `De afspraken uit het bestuursakkoord van de gemeente ${agreement.municipality} waarvoor wethouder ${name} (${portfolio.party.name}) verantwoordelijk is.`,
    keywords: [name, portfolio.party.name, ...portfolio.responsibilities.map((r) => r.name)],
    coverFacts: [{ term: 'Partij', value: portfolio.party.name }, { term: 'Wijkwethouder van', value: joinList(portfolio.districts.map((d) => d.name)) }],
    body: [
      ctx.heading(1, 'Portefeuille', { keepTogether: true }),
      portfolioFacts(portfolio),
      ctx.heading(1, 'Afspraken'),
      { kind: 'paragraph', variant: 'lead', content: [{ text: `${name} is verantwoordelijk voor ${count} van de ${ctx.view.actions.length} afspraken, hieronder per thema en onderwerp. Waar een andere wethouder mede verantwoordelijk is, staat dat bij de afspraak.` }] },
      { kind: 'paragraph', content: [{ text: `Daarnaast horen ${college} afspraken bij het college als geheel, zoals het maandelijkse wijkbezoek en de afspraken met de raad: `
        + `die staan bij geen enkele wethouder, dus ook niet hier.` }] },
      ...actionGroups(ctx, mine, 2, { showPortfolios: true, subject: portfolio }),
      ...budget,
      ...colophonSection(ctx, 1),
    ],
  })
}
