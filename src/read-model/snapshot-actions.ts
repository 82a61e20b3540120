import type { ActionFilterIds, ActionPage, ActionWindow } from './actions-page.js'
import type { AgreementSnapshot } from './agreement-snapshot.js'
import { keysetPage } from './keyset-page.js'
import type { ActionRecord } from './records.js'

type Test = (action: ActionRecord) => boolean

/** Whether any of the values is in the set. */
const anyIn = (values: readonly number[], set: ReadonlySet<number>) => values.some((v) => set.has(v))

/**
 * The filter of the API: the fields of the SQL read (actions-page.ts) and
 * those only the snapshot answers (by budget line, by responsibility, with
 * or without a portfolio).
 */
export interface ActionListFilter extends ActionFilterIds {
  budgetLineIds?: readonly number[]
  responsibilityIds?: readonly number[]
  /** true: only actions some portfolio is responsible for; false: only those none is (public order belongs to the mayor). */
  hasPortfolio?: boolean
}

/** The tests of a filter, one per field that is set: the same meaning as the SQL of actions-page.ts. */
function tests(snapshot: AgreementSnapshot, filter: ActionListFilter): Test[] {
  const checks: Test[] = []
  const ids = (list: readonly number[] | undefined) => (list ? new Set(list) : undefined)
  const themes = ids(filter.themeIds), topics = ids(filter.topicIds), sections = ids(filter.sectionIds)
  if (themes) checks.push((a) => a.themeId !== null && themes.has(a.themeId))
  if (topics) checks.push((a) => a.topicId !== null && topics.has(a.topicId))
  if (sections) checks.push((a) => a.sectionId !== null && sections.has(a.sectionId))
  if (filter.kinds) {
    const kinds = new Set<string>(filter.kinds)
    checks.push((a) => kinds.has(a.kind))
  }
  const portfoliosOf = (a: ActionRecord) => snapshot.children('actionPortfolio', 'actionId', a.id).map((l) => l.portfolioId)
  const portfolios = ids(filter.portfolioIds)
  if (portfolios) checks.push((a) => anyIn(portfoliosOf(a), portfolios))
  const parties = ids(filter.partyIds)
  if (parties) {
    const partyOf = (portfolioId: number) => snapshot.byId('person', snapshot.byId('portfolio', portfolioId)!.personId)!.partyId
    checks.push((a) => anyIn(portfoliosOf(a).map(partyOf), parties))
  }
  const districts = ids(filter.districtIds)
  if (districts) checks.push((a) => anyIn(snapshot.children('actionDistrict', 'actionId', a.id).map((l) => l.districtId), districts))
  if (filter.hasBudget !== undefined) {
    const want = filter.hasBudget
    checks.push((a) => snapshot.fundedActions.has(a.id) === want)
  }
  if (filter.hasTarget !== undefined) {
    const want = filter.hasTarget
    checks.push((a) => snapshot.targetedActions.has(a.id) === want)
  }
  const lines = ids(filter.budgetLineIds)
  if (lines) checks.push((a) => anyIn(snapshot.children('budgetLineAction', 'actionId', a.id).map((l) => l.budgetLineId), lines))
  if (filter.responsibilityIds) {
    // As Responsibility.actions: a link counts under the responsibility's own portfolio only.
    const covered = new Set(filter.responsibilityIds.flatMap((id) => snapshot.actionsOfResponsibility(id).map((a) => a.id)))
    checks.push((a) => covered.has(a.id))
  }
  if (filter.hasPortfolio !== undefined) {
    const want = filter.hasPortfolio
    checks.push((a) => (portfoliosOf(a).length > 0) === want)
  }
  return checks
}

/** The agreement's actions (or those of `within`, a part of them in document order) that pass the filter, in document order. */
export function filterActions(snapshot: AgreementSnapshot, filter: ActionListFilter, within?: readonly ActionRecord[]): readonly ActionRecord[] {
  const checks = tests(snapshot, filter)
  const actions = within ?? snapshot.list('action')
  return checks.length === 0 ? actions : actions.filter((a) => checks.every((check) => check(a)))
}

/**
 * One keyset page of the filtered actions, as findActionsPage reads it from
 * SQL: the window's positions are exclusive bounds, `limit` counts from the
 * window's `direction` end, and each side reports whether more actions pass
 * the filter beyond it.
 */
export function actionsPageOf(actions: readonly ActionRecord[], window: ActionWindow): ActionPage {
  const at = (position: number | undefined) => (position === undefined ? undefined : { position } as ActionRecord)
  return keysetPage(actions, (a, b) => a.position - b.position, { ...window, after: at(window.after), before: at(window.before) })
}
