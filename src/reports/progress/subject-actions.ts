import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { selectDistrictActions } from '../select-district-actions.js'

/** A subject the site summarizes progress for: a theme, an alderman's portfolio or a district. */
export type ProgressSubjectType = 'theme' | 'portfolio' | 'district'

/**
 * The actions whose progress counts for a subject: a theme's actions, the
 * actions an alderman is responsible for, and a district's actions (those that
 * name it and those for every district, as in its report). Undefined when
 * there is no such subject.
 */
export function subjectActions(view: AgreementView, type: ProgressSubjectType, slug: string): ActionView[] | undefined {
  switch (type) {
    case 'theme':
      return view.themes.find((t) => t.theme.slug === slug)?.topics.flatMap((t) => t.actions)
    case 'portfolio': {
      const portfolio = view.portfolios.find((p) => p.portfolio.slug === slug)
      return portfolio && view.actions.filter((a) => a.portfolios.includes(portfolio))
    }
    case 'district': {
      const district = view.districts.find((d) => d.slug === slug)
      if (!district) return undefined
      const { named, everyDistrict } = selectDistrictActions(view, district)
      return view.actions.filter((a) => named.includes(a) || everyDistrict.includes(a))
    }
  }
}
