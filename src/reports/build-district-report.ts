import { assembleReport } from './assemble-report.js'
import type { ReportContext } from './report-context.js'
import type { Block, Report } from './report-model.js'
import { actionGroups } from './sections/action-groups.js'
import { aldermanName } from './sections/action-items.js'
import { colophonSection } from './sections/colophon-section.js'
import { portfolioFacts } from './sections/portfolio-section.js'
import { selectDistrictActions } from './select-district-actions.js'

/**
 * What the agreement promises one district: the actions that name it, those
 * for every district, the rest of its wijkwethouder's portfolio, and who that is.
 */
export function buildDistrictReport(ctx: ReportContext, slug: string): Report {
  const { agreement } = ctx.view
  const district = ctx.view.districts.find((d) => d.slug === slug)!
  const selection = selectDistrictActions(ctx.view, district)
  const { wijkwethouder, named, everyDistrict, portfolio } = selection
  const group = (actions: readonly unknown[]) => (a: unknown) => actions.includes(a)
  const options = { showPortfolios: true }
  const place = district.name
  const total = named.length + everyDistrict.length + portfolio.length
  const namedBlocks: Block[] = named.length > 0 ? actionGroups(ctx, group(named), 2, options)
    : [{ kind: 'paragraph', content: [{ text: `Het akkoord noemt ${place} in geen enkele afspraak bij naam. Wat het voor ${place} betekent, staat in de afspraken voor alle wijken en in de portefeuille van de wijkwethouder.` }] }]
  return assembleReport(ctx, {
    kicker: 'Wat het akkoord belooft voor', name: place, label: `Wijk ${place}`,
    title: `${place}: wat het ${agreement.subtitle.toLowerCase()} van de gemeente ${agreement.municipality} belooft`,
    subject: `De afspraken uit het bestuursakkoord van de gemeente ${agreement.municipality} die over ${place} gaan, en de wijkwethouder van ${place}.`,
    keywords: [place, 'wijk', 'wijkwethouder', wijkwethouder.holder.name],
    coverFacts: [{ term: 'Wijkwethouder', value: aldermanName(wijkwethouder) }],
    body: [
      ctx.heading(1, `${place} in het akkoord`),
      {
        kind: 'paragraph', variant: 'lead',
        content: [{ text: `${total} afspraken uit het bestuursakkoord gaan over ${place}: ${named.length} noemen ${place} bij naam, ${everyDistrict.length} gelden voor alle wijken, `
          + `en ${portfolio.length} horen bij de portefeuille van ${wijkwethouder.holder.name}, de wijkwethouder van ${place}.` }],
      },
      ctx.heading(2, 'Wijkwethouder', { keepTogether: true }),
      portfolioFacts(wijkwethouder),
      ctx.heading(1, `Afspraken die ${place} noemen`),
      ...namedBlocks,
      ctx.heading(1, 'Afspraken voor alle wijken'),
      ...actionGroups(ctx, group(everyDistrict), 2, options),
      ctx.heading(1, `Uit de portefeuille van wijkwethouder ${wijkwethouder.holder.name}`),
      ...actionGroups(ctx, group(portfolio), 2, options),
      ...colophonSection(ctx, 1),
    ],
  })
}
