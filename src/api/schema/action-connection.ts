import type { ActionFilterIds } from '../../read-model/actions-page.js'
import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import { actionsPageOf, filterActions } from '../../read-model/snapshot-actions.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { encodeCursor } from '../cursor.js'
import { filterIds } from '../filter-slugs.js'
import { pageCost, pageWindow } from '../pagination.js'
import { ActionKindEnum } from './action-kind.js'
import { ActionRef } from './refs.js'
import { ProgressStatusEnum } from './progress-enums.js'
import { statusFilter } from '../status-filter.js'

const ActionFilter = builder.inputType('ActionFilter', {
  description: 'Narrows a list of actions. Every field that is set must hold (AND); a field with several values matches any of them (OR). '
    + 'Slugs that the agreement does not have are reported as BAD_USER_INPUT.',
  fields: (t) => ({
    theme: t.stringList({ description: 'Theme slugs: actions under any of these themes.' }),
    topic: t.stringList({ description: 'Topic slugs: actions stated in any of these topics.' }),
    section: t.stringList({ description: 'Section slugs: actions stated in any of these governance sections.' }),
    portfolio: t.stringList({ description: 'Portfolio slugs: actions any of these portfolios is responsible for.' }),
    party: t.stringList({ description: 'Party slugs: actions a portfolio held by any of these parties is responsible for.' }),
    district: t.stringList({ description: 'District slugs: actions that name any of these districts.' }),
    kind: t.field({ type: [ActionKindEnum], description: 'Kinds: actions of any of these kinds.' }),
    hasBudget: t.boolean({ description: 'true: only actions funded by a budget line; false: only actions without one.' }),
    hasTarget: t.boolean({ description: 'true: only actions with a quantified or dated target; false: only actions without one.' }),
    progressStatus: t.field({ type: [ProgressStatusEnum], description: 'Progress statuses: actions whose current published status is any of these (NOT_ASSESSED: without a published assessment).' }),
  }),
})

type ActionFilterInput = typeof ActionFilter.$inferInput

function resolveFilter(snapshot: AgreementSnapshot, filter: ActionFilterInput | null | undefined): ActionFilterIds {
  if (!filter) return {}
  // Checked in the order of the fields, so the first unknown slug is the one reported.
  const ids = (field: 'theme' | 'topic' | 'section' | 'portfolio' | 'party' | 'district') => filterIds(snapshot, field, field, field, filter[field])
  return {
    themeIds: ids('theme'), topicIds: ids('topic'), sectionIds: ids('section'), portfolioIds: ids('portfolio'), partyIds: ids('party'), districtIds: ids('district'),
    kinds: filter.kind ?? undefined, hasBudget: filter.hasBudget ?? undefined, hasTarget: filter.hasTarget ?? undefined,
  }
}

builder.queryFields((t) => ({
  actions: t.connection({
    type: ActionRef,
    description: 'The actions of an agreement, filtered, in document order (`position`). Pages are keyset-based: a cursor stays valid '
      + 'for the same filter as long as the database is not rebuilt. Default page size 20, at most 100.',
    args: {
      agreement: t.arg.string({ description: agreementArgDescription }),
      filter: t.arg({ type: ActionFilter, description: 'Narrows the list; omitted: every action.' }),
    },
    complexity: pageCost,
    resolve: (_root, args, ctx) => {
      const window = pageWindow(args, 'Action')
      const snapshot = snapshotFromArg(ctx, args.agreement)
      const statuses = args.filter?.progressStatus
      const hasStatus = statuses ? statusFilter(ctx, snapshot.agreement.slug, statuses) : undefined
      const actions = filterActions(snapshot, resolveFilter(snapshot, args.filter)).filter((a) => !hasStatus || hasStatus(a.slug))
      const page = actionsPageOf(actions, window)
      const edges = page.records.map((action) => ({ cursor: encodeCursor('Action', action.position), node: action }))
      return {
        edges,
        pageInfo: {
          hasNextPage: page.hasMoreForward,
          hasPreviousPage: page.hasMoreBackward,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: () => actions.length,
      }
    },
  }, {
    name: 'ActionConnection',
    description: 'A page of actions, with the total number that pass the filter.',
  }, {
    name: 'ActionEdge',
    description: 'An action in a page, with its cursor.',
  }),
}))
