import type { ExpressionBuilder, Kysely, SelectQueryBuilder } from 'kysely'
import type { ActionKind, Database } from '../store/database.js'
import { entities } from './entities.js'
import type { ActionRecord } from './records.js'

/**
 * Which actions to list, as row ids already resolved from slugs. Each set
 * field narrows the list (AND); a list matches any of its values (OR).
 */
export interface ActionFilterIds {
  themeIds?: readonly number[]
  topicIds?: readonly number[]
  sectionIds?: readonly number[]
  portfolioIds?: readonly number[]
  partyIds?: readonly number[]
  districtIds?: readonly number[]
  kinds?: readonly ActionKind[]
  /** true: only actions funded by a budget line; false: only actions without one. */
  hasBudget?: boolean
  /** true: only actions with a quantified or dated target; false: only actions without. */
  hasTarget?: boolean
}

/**
 * A keyset window over the actions in document order (their position):
 * `after`/`before` are positions, exclusive; `direction` says which end
 * `limit` counts from.
 */
export interface ActionWindow {
  after?: number
  before?: number
  direction: 'forward' | 'backward'
  limit: number
}

/** One page of actions in document order, and whether more exist beyond each end of the window. */
export interface ActionPage {
  records: ActionRecord[]
  hasMoreForward: boolean
  hasMoreBackward: boolean
}

type ActionQuery = SelectQueryBuilder<Database, any, Record<string, any>>

function applyFilter(query: ActionQuery, agreementId: number, filter: ActionFilterIds): ActionQuery {
  let q = query.where('action.agreement_id', '=', agreementId)
  const nonEmpty = (ids: readonly (number | string)[]) => (ids.length ? [...ids] : [-1])
  if (filter.themeIds) q = q.where('topic.theme_id', 'in', nonEmpty(filter.themeIds) as number[])
  if (filter.topicIds) q = q.where('action.topic_id', 'in', nonEmpty(filter.topicIds) as number[])
  if (filter.sectionIds) q = q.where('action.section_id', 'in', nonEmpty(filter.sectionIds) as number[])
  if (filter.kinds) q = q.where('action.kind', 'in', (filter.kinds.length ? [...filter.kinds] : ['-']) as ActionKind[])
  if (filter.portfolioIds) {
    const ids = nonEmpty(filter.portfolioIds) as number[]
    q = q.where('action.id', 'in', (eb: ExpressionBuilder<Database, any>) => eb.selectFrom('action_portfolio')
      .select('action_portfolio.action_id').where('action_portfolio.portfolio_id', 'in', ids))
  }
  if (filter.partyIds) {
    const ids = nonEmpty(filter.partyIds) as number[]
    q = q.where('action.id', 'in', (eb: ExpressionBuilder<Database, any>) => eb.selectFrom('action_portfolio')
      .innerJoin('portfolio', 'portfolio.id', 'action_portfolio.portfolio_id')
      .innerJoin('person', 'person.id', 'portfolio.person_id')
      .select('action_portfolio.action_id').where('person.party_id', 'in', ids))
  }
  if (filter.districtIds) {
    const ids = nonEmpty(filter.districtIds) as number[]
    q = q.where('action.id', 'in', (eb: ExpressionBuilder<Database, any>) => eb.selectFrom('action_district')
      .select('action_district.action_id').where('action_district.district_id', 'in', ids))
  }
  if (filter.hasBudget !== undefined) {
    const funded = (eb: ExpressionBuilder<Database, any>) => eb.selectFrom('budget_line_action').select('budget_line_action.action_id')
    q = q.where('action.id', filter.hasBudget ? 'in' : 'not in', funded)
  }
  if (filter.hasTarget !== undefined) {
    const targeted = (eb: ExpressionBuilder<Database, any>) => eb.selectFrom('target').select('target.action_id')
    q = q.where('action.id', filter.hasTarget ? 'in' : 'not in', targeted)
  }
  return q
}

/** The filtered actions of an agreement, without ordering: the base of a page, a count or an existence check. */
function filteredActions(db: Kysely<Database>, agreementId: number, filter: ActionFilterIds): ActionQuery {
  return applyFilter(entities.action.query(db).clearOrderBy(), agreementId, filter)
}

/**
 * Reads one keyset page of an agreement's filtered actions in document order.
 * It fetches one record beyond the limit to know whether more follow, and
 * checks the other side of the window with one existence query.
 */
export async function findActionsPage(
  db: Kysely<Database>, agreementId: number, filter: ActionFilterIds, window: ActionWindow,
): Promise<ActionPage> {
  let q = filteredActions(db, agreementId, filter)
  if (window.after !== undefined) q = q.where('action.position', '>', window.after)
  if (window.before !== undefined) q = q.where('action.position', '<', window.before)
  const forward = window.direction === 'forward'
  const rows = await q.orderBy('action.position', forward ? 'asc' : 'desc').limit(window.limit + 1).execute()
  const hasMore = rows.length > window.limit
  const records = rows.slice(0, window.limit).map((row) => entities.action.map(row))
  if (!forward) records.reverse()
  // The far side of the cursor that started the window: items before `after` (forward) or after `before` (backward).
  const edge = forward ? window.after : window.before
  let beyondCursor = false
  if (edge !== undefined) {
    const found = await filteredActions(db, agreementId, filter)
      .where('action.position', forward ? '<=' : '>=', edge).select('action.id as found').limit(1).executeTakeFirst()
    beyondCursor = found !== undefined
  }
  return forward
    ? { records, hasMoreForward: hasMore, hasMoreBackward: beyondCursor }
    : { records, hasMoreForward: beyondCursor, hasMoreBackward: hasMore }
}

/** How many of an agreement's actions pass the filter. */
export async function countActions(db: Kysely<Database>, agreementId: number, filter: ActionFilterIds): Promise<number> {
  const row = await filteredActions(db, agreementId, filter).clearSelect().select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
