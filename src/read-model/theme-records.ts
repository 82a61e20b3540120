import type { SearchKind } from '../store/database.js'
import type { AgreementSnapshot } from './agreement-snapshot.js'

/**
 * The records that belong to some themes, per search kind: the themes
 * themselves, their topics, the actions under them and those actions'
 * targets, and the budget lines assigned to them. Rules, sections, portfolios
 * and districts belong to no theme.
 */
export function themeRecords(snapshot: AgreementSnapshot, themeIds: readonly number[]): Map<SearchKind, number[]> {
  const themes = new Set(themeIds)
  const actions = snapshot.list('action').filter((a) => a.themeId !== null && themes.has(a.themeId)).map((a) => a.id)
  return new Map<SearchKind, number[]>([
    ['theme', [...themes]],
    ['topic', snapshot.list('topic').filter((t) => themes.has(t.themeId)).map((t) => t.id)],
    ['action', actions],
    ['target', actions.flatMap((id) => snapshot.children('target', 'actionId', id).map((t) => t.id))],
    ['budget_line', snapshot.list('budgetLine').filter((l) => l.themeId !== null && themes.has(l.themeId)).map((l) => l.id)],
  ])
}
