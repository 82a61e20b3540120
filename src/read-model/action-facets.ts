import type { AgreementSnapshot } from './agreement-snapshot.js'
import type { ActionRecord } from './records.js'

/** How many of a list of actions fall under one value of a facet; `id` null is the "none" bucket. */
export interface FacetCount<K> {
  key: K
  count: number
}

/** The facets an action list can be counted by. */
export type ActionFacet = 'theme' | 'kind' | 'portfolio' | 'district'

/** The values of one action under a facet: none, one, or several (portfolios and districts). */
function valuesOf(snapshot: AgreementSnapshot, facet: ActionFacet, action: ActionRecord): readonly (number | string | null)[] {
  switch (facet) {
    case 'theme': return [action.themeId]
    case 'kind': return [action.kind]
    case 'portfolio': return [...new Set(snapshot.children('actionPortfolio', 'actionId', action.id).map((l) => l.portfolioId))]
    case 'district': return [...new Set(snapshot.children('actionDistrict', 'actionId', action.id).map((l) => l.districtId))]
  }
}

/**
 * Counts the actions per value of a facet, in one pass over the list. An
 * action with several portfolios or districts counts once under each, so
 * those counts may add up to more than the list; an action with none counts
 * under the `null` key, so nothing is lost. Buckets come in order of first
 * appearance; the caller sorts them as the facet's own order requires.
 */
export function countActionsBy<K extends number | string>(
  snapshot: AgreementSnapshot, facet: ActionFacet, actions: readonly ActionRecord[],
): FacetCount<K | null>[] {
  const counts = new Map<K | null, number>()
  for (const action of actions) {
    const values = valuesOf(snapshot, facet, action)
    for (const value of values.length ? values : [null]) counts.set(value as K | null, (counts.get(value as K | null) ?? 0) + 1)
  }
  return [...counts].map(([key, count]) => ({ key, count }))
}
