import { assembleReport } from './assemble-report.js'
import type { ReportContext } from './report-context.js'
import type { Report } from './report-model.js'
import { actionKindsFacts } from './sections/accountability-section.js'
import { colophonSection } from './sections/colophon-section.js'
import { portfoliosSection } from './sections/portfolio-section.js'
import { themeSection } from './sections/theme-section.js'

/** One theme: its vision, topics, actions, targets, budget, and the aldermen responsible for it. */
export function buildThemeReport(ctx: ReportContext, slug: string): Report {
  const { agreement } = ctx.view
  const theme = ctx.view.themes.find((t) => t.theme.slug === slug)!
  const actions = theme.topics.reduce((n, t) => n + t.actions.length, 0)
  return assembleReport(ctx, {
    kicker: 'Thema', name: theme.theme.name, label: `Thema ${theme.theme.name}`,
    title: `Thema ${theme.theme.name}: ${agreement.subtitle} gemeente ${agreement.municipality}`,
    subject: `Wat het bestuursakkoord van de gemeente ${agreement.municipality} afspreekt over het thema ${theme.theme.name}.`,
    keywords: [theme.theme.name, ...theme.topics.map((t) => t.topic.title)],
    coverFacts: [{ term: 'Afspraken', value: `${actions} in ${theme.topics.length} onderwerpen` }],
    body: [
      ...themeSection(ctx, theme, 1),
      // The label under each numbered commitment, explained once.
      ctx.heading(1, 'Soorten afspraken', { keepTogether: true }),
      { kind: 'paragraph', content: [{ text: 'Onder elke afspraak staat wat voor afspraak het is:' }] },
      actionKindsFacts(),
      ...(theme.portfolios.length ? portfoliosSection(ctx, 1, theme.portfolios, 'Wethouders van dit thema') : []),
      ...colophonSection(ctx, 1),
    ],
  })
}
