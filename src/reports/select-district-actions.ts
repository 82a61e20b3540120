import type { ActionView, AgreementView, PortfolioView } from '../read-model/agreement-view.js'
import { isForEveryDistrict } from '../read-model/for-every-district.js'
import type { DistrictPartRecord, DistrictRecord, ResponsibilityRecord } from '../read-model/records.js'
import { placePattern } from '../store/place-pattern.js'

/** A sentence of the agreement's text, outside its commitments, that names a district or a part of it. */
interface DistrictMention {
  /** Where it stands, as a reader finds it: "Wonen › Assen in 2030…", "Ondernemen › Binnenstad". */
  where: string
  text: string
}

/** A task in an alderman's portfolio named after the district or a part of it ("Uitbreiding Kloosterveen"). */
interface DistrictResponsibility {
  portfolio: PortfolioView
  responsibility: ResponsibilityRecord
}

/** What the agreement says about one district, kept apart from what it says about every district. */
export interface DistrictActions {
  district: DistrictRecord
  /** The parts of the district the text names (the binnenstad for Centrum), from the curated data. */
  parts: DistrictPartRecord[]
  /** The alderman who is wijkwethouder of the district. */
  wijkwethouder: PortfolioView
  /** Commitments whose own text or topic heading names the district or one of its parts. */
  named: ActionView[]
  /** Other sentences (visions, the text around the commitments) that name it or its parts. */
  mentions: DistrictMention[]
  /** Portfolio tasks named after the district or its parts, whoever holds them. */
  responsibilities: DistrictResponsibility[]
  /** Commitments for the districts in general ("in iedere wijk", "wijkgericht"): they hold for this one too, but are not about it. */
  everyDistrict: ActionView[]
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[\p{Lu}‘“"(])/u).map((s) => s.trim()).filter(Boolean)

/** Every text of the agreement that is not a commitment list or a table, with where it stands. */
function passages(view: AgreementView): { where: string; text: string }[] {
  return [
    ...view.sections.filter((s) => s.section.kind !== 'portfolios' && s.section.kind !== 'budget').flatMap(function walk(s): { where: string; text: string }[] {
      return [{ where: s.section.title, text: s.section.text }, ...s.children.flatMap(walk)]
    }),
    ...view.themes.flatMap(({ theme, topics }) => [
      ...(theme.vision ? [{ where: `${theme.name} › Assen in 2030…`, text: theme.vision.text }] : []),
      ...topics.map(({ topic }) => ({ where: `${theme.name} › ${topic.title}`, text: topic.text })),
    ]),
  ]
}

/**
 * Picks what the agreement says about one district: the commitments and other
 * sentences that name it or its parts, the portfolio tasks named after them,
 * its wijkwethouder, and, apart, the commitments for every district.
 */
export function selectDistrictActions(view: AgreementView, district: DistrictRecord): DistrictActions {
  const wijkwethouder = view.portfolios.find((p) => p.portfolio.id === district.portfolioId)!
  const parts = view.districtParts.filter((p) => p.districtId === district.id)
  const patterns = [district.name, ...parts.map((p) => p.name)].map(placePattern)
  const names = (text: string) => patterns.some((pattern) => pattern.test(text))

  const named = view.actions.filter((a) => a.districts.some((d) => d.id === district.id))
  const commitments = view.actions.map((a) => a.action.text)
  const seen = new Set<string>()
  const mentions = passages(view).flatMap(({ where, text }) => sentences(text)
    .filter((sentence) => names(sentence) && !commitments.some((c) => c.includes(sentence) || sentence.includes(c)))
    // The short and the long vision say much the same: each sentence once.
    .filter((sentence) => !seen.has(sentence) && seen.add(sentence) !== undefined)
    .map((sentence) => ({ where, text: sentence })))

  const topicTitle = new Map(view.themes.flatMap((t) => t.topics.map((topic) => [topic.topic.id, topic.topic.title])))
  const everyDistrict = view.actions.filter((a) => !named.includes(a) && isForEveryDistrict(a.action.text, topicTitle.get(a.action.topicId ?? -1)))
  const responsibilities = view.portfolios.flatMap((portfolio) => portfolio.responsibilities
    .filter((r) => names(r.name)).map((responsibility) => ({ portfolio, responsibility })))
  return { district, parts, wijkwethouder, named, mentions, responsibilities, everyDistrict }
}
