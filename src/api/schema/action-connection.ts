import { deprecated } from '../deprecation.js'
import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import { actionComparer, earliestDeadline, type ActionOrder } from '../../read-model/action-order.js'
import { actionCursorBound, encodeActionCursor } from '../action-cursor.js'
import type { ActionRecord } from '../../read-model/records.js'
import { filterActions } from '../../read-model/snapshot-actions.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { listConnection, type ListConnection } from '../list-connection.js'
import { pageCost, type PageArgs } from '../pagination.js'
import { commitmentStatuses, statusFilter } from '../status-filter.js'
import { ActionFilter, resolveActionFilter, type ActionFilterInput } from './action-filter.js'
import { ActionFacetsRef, type ActionFacetsShape } from './action-facets.js'
import { ActionRef } from './refs.js'

const ActionOrderEnum = builder.enumType('ActionOrder', {
  description: 'The order of a list of actions.',
  values: {
    DOCUMENT: { value: 'document', description: 'Document order (`position`), the default.' },
    DEADLINE: { value: 'deadline', description: 'By the earliest deadline of the action\'s targets, soonest first; actions without a dated target last; ties in document order.' },
  } as const,
})

/** Cursors name their order, so a cursor of a list sorted one way is refused by a list sorted another way. */
const cursorScopes: Record<ActionOrder, string> = { document: 'Action', deadline: 'ActionByDeadline' }

/** The arguments every action connection takes, at the root and nested alike. */
interface ActionConnectionArgs extends PageArgs {
  filter?: ActionFilterInput | null
  orderBy?: ActionOrder | null
}

/** What an action connection is made of: the page, and the whole filtered list for totalCount and facets. */
export interface ActionConnectionShape extends ListConnection<ActionRecord> {
  facets: ActionFacetsShape
}

/**
 * One page of actions: `within` (a theme's, a portfolio's, ... in document
 * order; all of the agreement's when omitted) narrowed by the filter, sorted
 * and paged by keyset. Root and nested connections share it, so they take
 * the same arguments and mean the same by them.
 */
function actionConnection(
  ctx: ApiContext, snapshot: AgreementSnapshot, args: ActionConnectionArgs, within?: readonly ActionRecord[],
): ActionConnectionShape {
  const order = args.orderBy ?? 'document'
  const statuses = args.filter?.progressStatus
  const hasStatus = statuses ? statusFilter(ctx, snapshot, statuses) : undefined
  const filtered = filterActions(snapshot, resolveActionFilter(snapshot, args.filter), within)
  const matched = hasStatus ? filtered.filter((a) => hasStatus(a.slug)) : filtered
  // Stand-ins for cursors whose action a rebuild removed carry the deadline the cursor recorded.
  const standIns = new Map<ActionRecord, string | null>()
  const deadlineOf = (a: ActionRecord) => (standIns.has(a) ? standIns.get(a)! : earliestDeadline(snapshot, a))
  const scope = cursorScopes[order]
  const connection = listConnection(matched, {
    scope, compare: actionComparer(snapshot, order, deadlineOf), key: (a) => a.position, item: (position) => snapshot.actionAt(position) ?? undefined,
    codec: {
      cursor: (a) => encodeActionCursor(scope, { slug: a.slug, startLine: a.source.startLine, deadline: order === 'deadline' ? deadlineOf(a) : null }),
      bound: (cursor, argument) => actionCursorBound(snapshot, scope, cursor, argument, standIns),
    },
  }, args)
  return { ...connection, facets: { snapshot, actions: matched, statusOf: () => commitmentStatuses(ctx, snapshot) } }
}

const ActionConnectionRef = builder.connectionObject({
  type: ActionRef,
  name: 'ActionConnection',
  description: 'A page of actions, with the total number that pass the filter and their counts per theme, kind, portfolio and district.',
  fields: (t) => ({
    facets: t.field({
      type: ActionFacetsRef,
      description: 'Counts of all the actions that pass the filter (every page, not just this one), per theme, kind, portfolio and district.',
      resolve: (connection) => (connection as unknown as ActionConnectionShape).facets,
    }),
  }),
}, {
  name: 'ActionEdge',
  description: 'An action in a page, with its cursor.',
})

/** The description of the arguments, shared by every action connection field. */
const actionConnectionArgNotes = 'Pages are keyset-based: a cursor names its action by slug, so after a rebuild it continues after the same action, or where that action stood if it was removed. Default page size 20, at most 100.'


type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never

/** The arguments of every action connection: paging, filter and order. */
function actionConnectionArgs(arg: PothosSchemaTypes.FieldBuilder<Types, unknown>['arg']) {
  return {
    first: arg.int({ description: 'Returns the first n items (default 20, at most 100).' }),
    after: arg.string({ description: 'Returns the items after this cursor.' }),
    last: arg.int({ description: 'Returns the last n items (at most 100); use with `before` to page backwards.' }),
    before: arg.string({ description: 'Returns the items before this cursor.' }),
    filter: arg({ type: ActionFilter, description: 'Narrows the list; omitted: every action of the list.' }),
    orderBy: arg({ type: ActionOrderEnum, description: 'The order; omitted: document order.' }),
  }
}

/**
 * A nested action connection (a theme's, a portfolio's, ...): the same
 * arguments and meaning as Query.actions over the parent's own actions.
 */
export function nestedActionConnection<P extends { agreementId: number }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>, description: string,
  actionsOf: (parent: P, snapshot: AgreementSnapshot) => readonly ActionRecord[],
) {
  return t.field({
    type: ActionConnectionRef, nullable: true, args: actionConnectionArgs(t.arg), complexity: pageCost,
    description: `${description} ${actionConnectionArgNotes} Null, with the error, when an argument cannot be used; the rest of the answer stands.`,
    resolve: (parent, args, ctx) => {
      const snapshot = ctx.loaders.of(parent.agreementId)
      return actionConnection(ctx, snapshot, args, actionsOf(parent, snapshot))
    },
  })
}

/** The deprecation of the plain action lists that a connection now pages. */
export const actionListDeprecation = deprecated('Use `actionsConnection`: it pages, filters, sorts and counts the same actions.')

builder.queryFields((t) => ({
  actions: t.field({
    type: ActionConnectionRef,
    description: `The actions of an agreement, filtered and sorted. ${actionConnectionArgNotes}`,
    args: { agreement: t.arg.string({ description: agreementArgDescription }), ...actionConnectionArgs(t.arg) },
    complexity: pageCost,
    resolve: (_root, args, ctx) => actionConnection(ctx, snapshotFromArg(ctx, args.agreement), args),
  }),
}))
