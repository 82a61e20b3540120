import type { ReportContext } from './report-context.js'
import type { Block, Cover, Report, ReportType } from './report-model.js'
import { buildCover } from './sections/cover.js'

/** The report types as the download file names call them: Dutch, like everything a reader sees. */
const dutchTypeNames: Record<ReportType, string> = { full: 'volledig-akkoord', theme: 'thema', portfolio: 'wethouder', district: 'wijk', budget: 'begroting', progress: 'voortgang' }

export interface ReportParts {
  /** The cover's line above the name: "Thema", "Wijk"... */
  kicker: string
  name: string
  /** Short, for the running header: "Thema Wonen", "Wijk Pittelo". */
  label: string
  /** The document title in the PDF metadata and the HTML <title>. */
  title: string
  subject: string
  keywords: string[]
  coverFacts?: Cover['facts']
  body: Block[]
}

/** Wraps a report's body with what every report shares: cover, metadata, file name and running header. */
export function assembleReport(ctx: ReportContext, parts: ReportParts): Report {
  const { agreement } = ctx.view
  return {
    type: ctx.type,
    slug: ctx.slug,
    agreementSlug: agreement.slug,
    dataVersion: agreement.dataVersion,
    siteUrl: ctx.baseUrl,
    fileName: [agreement.slug, dutchTypeNames[ctx.type], ctx.slug].filter(Boolean).join('-'),
    meta: {
      title: parts.title,
      author: `Gemeente ${agreement.municipality}`,
      subject: parts.subject,
      keywords: [...new Set(['bestuursakkoord', 'coalitieakkoord', agreement.municipality, `${agreement.periodStart}-${agreement.periodEnd}`, agreement.title, ...parts.keywords])],
      language: agreement.language === 'nl' ? 'nl-NL' : agreement.language,
      // The data version dates the document: the same data gives the same file.
      date: new Date(`${agreement.dataVersion}T00:00:00Z`),
    },
    runningHeader: `${agreement.title} · ${parts.label}`,
    cover: buildCover(ctx, parts.kicker, parts.name, parts.coverFacts),
    body: parts.body,
  }
}
