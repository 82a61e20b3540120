import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { subjectActions, type ProgressSubjectType } from './subject-actions.js'

/** The slug prefixes of the progress report per subject: "thema-wonen", "wethouder-smit", "wijk-pittelo", as on the site. */
const prefixes: Record<ProgressSubjectType, string> = { theme: 'thema', portfolio: 'wethouder', district: 'wijk' }
const kickers: Record<ProgressSubjectType, string> = { theme: 'Thema', portfolio: 'Wethouder', district: 'Wijk' }

/** What a progress report covers: the whole agreement (slug null) or one theme, alderman or district. */
export interface ProgressReportSubject {
  /** "Voortgangsrapportage", "Voortgangsrapportage thema".... */
  kicker: string
  name: string
  actions: ActionView[]
}

/** The slugs the progress report takes, with their names (the whole agreement takes none). */
export function progressReportSlugs(view: AgreementView): { slug: string; name: string }[] {
  return [
    ...view.themes.map((t) => ({ slug: `${prefixes.theme}-${t.theme.slug}`, name: `thema ${t.theme.name}` })),
    ...view.portfolios.map((p) => ({ slug: `${prefixes.portfolio}-${p.portfolio.slug}`, name: `wethouder ${p.holder.name}` })),
    ...view.districts.map((d) => ({ slug: `${prefixes.district}-${d.slug}`, name: `wijk ${d.name}` })),
  ]
}

/** The subject of a progress report slug, or undefined when it names nothing. */
export function progressReportSubject(view: AgreementView, slug: string | null): ProgressReportSubject | undefined {
  if (slug === null) return { kicker: 'Voortgangsrapportage', name: view.agreement.title, actions: view.actions }
  for (const type of Object.keys(prefixes) as ProgressSubjectType[]) {
    const prefix = `${prefixes[type]}-`
    if (!slug.startsWith(prefix)) continue
    const subjectSlug = slug.slice(prefix.length)
    const actions = subjectActions(view, type, subjectSlug)
    if (!actions) return undefined
    const name = type === 'theme' ? view.themes.find((t) => t.theme.slug === subjectSlug)!.theme.name
      : type === 'portfolio' ? view.portfolios.find((p) => p.portfolio.slug === subjectSlug)!.holder.name
        : view.districts.find((d) => d.slug === subjectSlug)!.name
    return { kicker: `Voortgangsrapportage ${kickers[type].toLowerCase()}`, name, actions }
  }
  return undefined
}
