import type { ActionView, PortfolioView } from '../read-model/agreement-view.js'
import type { AgreementView } from '../read-model/agreement-view.js'
import type { DistrictRecord } from '../read-model/records.js'

/** The actions a district report shows, in three groups that do not overlap. */
export interface DistrictActions {
  district: DistrictRecord
  /** The alderman who is wijkwethouder of the district. */
  wijkwethouder: PortfolioView
  /** Actions that name the district, in their own text, their topic's title or their topic's text. */
  named: ActionView[]
  /** Actions about the districts in general ("in iedere wijk", "wijkgericht"), so about this one too. */
  everyDistrict: ActionView[]
  /** The rest of the wijkwethouder's portfolio. */
  portfolio: ActionView[]
}

// Any word that starts with "wijk": wijk, wijken, wijkgericht, wijkbezoek, wijkwethouder...
const districtsInGeneral = /(?<!\p{L})wijk/iu

/** The district's name as a word; the article of "de Lariks" is not needed to match, as in the build's links. */
function namePattern(name: string): RegExp {
  const escaped = name.replace(/^de /i, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}-])${escaped}(?![\\p{L}-])`, 'u')
}

/**
 * Picks what the agreement promises one district: the actions that name it,
 * the actions for every district, and the rest of its wijkwethouder's portfolio.
 */
export function selectDistrictActions(view: AgreementView, district: DistrictRecord): DistrictActions {
  const wijkwethouder = view.portfolios.find((p) => p.portfolio.id === district.portfolioId)!
  const pattern = namePattern(district.name)
  const topicOf = new Map(view.themes.flatMap((t) => t.topics.map((topic) => [topic.topic.id, topic.topic])))
  const topic = (a: ActionView) => (a.action.topicId === null ? undefined : topicOf.get(a.action.topicId))

  const named = view.actions.filter((a) => a.districts.some((d) => d.id === district.id) || pattern.test(topic(a)?.text ?? ''))
  const seen = new Set(named)
  const everyDistrict = view.actions.filter((a) => !seen.has(a) && (districtsInGeneral.test(a.action.text) || districtsInGeneral.test(topic(a)?.title ?? '')))
  for (const a of everyDistrict) seen.add(a)
  const portfolio = view.actions.filter((a) => !seen.has(a) && a.portfolios.includes(wijkwethouder))
  return { district, wijkwethouder, named, everyDistrict, portfolio }
}
