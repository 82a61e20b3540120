import { formatDate } from '../dutch-text.js'
import type { ReportContext } from '../report-context.js'
import type { Cover } from '../report-model.js'

/** The cover of any report: the agreement, which report this is, and the dates that date it. */
export function buildCover(ctx: ReportContext, kicker: string, name: string, extra: Cover['facts'] = []): Cover {
  const { agreement } = ctx.view
  return {
    municipality: `Gemeente ${agreement.municipality}`,
    title: agreement.title,
    subtitle: `${agreement.subtitle}`,
    kicker, name,
    facts: [
      ...extra,
      { term: 'Periode', value: `${agreement.periodStart}-${agreement.periodEnd}` },
      { term: 'Gepresenteerd', value: formatDate(agreement.presentedOn) },
      { term: 'Dataversie', value: formatDate(agreement.dataVersion) },
    ],
  }
}
