import type { AgreementView } from '../read-model/agreement-view.js'
import { reportPath } from './report-context.js'
import { UnknownReportSlugError, UnknownReportTypeError } from './report-errors.js'
import { reportTypes, type ReportType } from './report-model.js'
import { progressReportSlugs } from './progress/progress-report-subject.js'

/** One report on offer, for the CLI's help, the HTTP listing and the web page. */
export interface ReportListing {
  type: ReportType
  slug: string | null
  /** Dutch, for a link text: "Thema Wonen", "Wijk Pittelo". */
  title: string
  pdf: string
  html: string
}

const typeTitles: Record<ReportType, string> = {
  full: 'Volledig bestuursakkoord', theme: 'Thema', portfolio: 'Portefeuille van wethouder', district: 'Wijk', budget: 'Financiële doorrekening',
  progress: 'Voortgangsrapportage',
}

/** The slugs a report type takes, with their names; an empty list for the types that take none. */
function reportSubjects(view: AgreementView, type: ReportType): { slug: string; name: string }[] {
  switch (type) {
    case 'theme': return view.themes.map((t) => ({ slug: t.theme.slug, name: t.theme.name }))
    case 'portfolio': return view.portfolios.map((p) => ({ slug: p.portfolio.slug, name: p.holder.name }))
    case 'district': return view.districts.map((d) => ({ slug: d.slug, name: d.name }))
    case 'progress': return progressReportSlugs(view)
    case 'full': case 'budget': return []
  }
}

/** Checks a type given as text. */
export function parseReportType(value: string): ReportType {
  if ((reportTypes as readonly string[]).includes(value)) return value as ReportType
  throw new UnknownReportTypeError(value, reportTypes)
}

/** Checks that the slug fits the type: required and known for theme, portfolio and district, absent otherwise. */
export function checkReportSlug(view: AgreementView, type: ReportType, slug: string | null): void {
  const known = reportSubjects(view, type).map((s) => s.slug)
  // The progress report covers the whole agreement without a slug, one subject with one.
  if (type === 'progress' && (slug === null || known.includes(slug))) return
  const takesSlug = type !== 'full' && type !== 'budget'
  if (takesSlug ? slug === null || !known.includes(slug) : slug !== null) throw new UnknownReportSlugError(type, slug, known)
}

/** Every report the agreement offers: types and slugs with their titles and addresses. */
export function listReports(view: AgreementView): ReportListing[] {
  return reportTypes.flatMap((type) => {
    const subjects = reportSubjects(view, type)
    const whole = type === 'progress' ? [{ slug: null, title: typeTitles[type] }] : []
    const entries = subjects.length ? [...whole, ...subjects.map((s) => ({ slug: s.slug as string | null, title: `${typeTitles[type]} ${s.name}` }))]
      : [{ slug: null, title: typeTitles[type] }]
    return entries.map((e) => ({ type, ...e, pdf: reportPath(type, e.slug, 'pdf'), html: reportPath(type, e.slug, 'html') }))
  })
}
