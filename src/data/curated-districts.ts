import type { AgreementData } from './read-agreement-data.js'

/** The actions whose districts the curators set (`districts` in the data), by action slug: district slugs. */
export function curatedDistricts(data: AgreementData): ReadonlyMap<string, readonly string[]> {
  const actions = [
    ...data.agreement.data.sections.flatMap((s) => s.actions ?? []),
    ...data.themes.flatMap((t) => t.data.topics.flatMap((topic) => topic.actions)),
  ]
  return new Map(actions.flatMap((a) => (a.districts === undefined ? [] : [[a.slug, a.districts] as const])))
}
