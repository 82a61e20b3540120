import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import type { TargetRecord } from '../../read-model/records.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { badUserInput } from '../errors.js'
import { filterIds } from '../filter-slugs.js'
import { listConnection, storedOrder, type ListOrder } from '../list-connection.js'
import { pageCost } from '../pagination.js'
import { ActionKindEnum } from './action-kind.js'
import { TargetRef } from './refs.js'

const TargetKindEnum = builder.enumType('TargetKind', {
  description: 'What a target promises: a number, a date, or both (a target can be of both kinds).',
  values: {
    QUANTIFIED: { value: 'quantified', description: 'A number is promised (`value` is set).' },
    DATED: { value: 'dated', description: 'A date is promised (`deadline` is set).' },
  } as const,
})

const TargetOrderEnum = builder.enumType('TargetOrder', {
  description: 'The order of a list of targets.',
  values: {
    DOCUMENT: { value: 'document', description: 'Document order, the default.' },
    DEADLINE: { value: 'deadline', description: 'By deadline, soonest first; targets without a deadline last; ties in document order.' },
  } as const,
})

const TargetFilter = builder.inputType('TargetFilter', {
  description: 'Narrows a list of targets. Every field that is set must hold (AND); a list matches any of its values (OR).',
  fields: (t) => ({
    deadlineFrom: t.field({ type: 'LocalDate', description: 'Only targets with a deadline on or after this date.' }),
    deadlineTo: t.field({ type: 'LocalDate', description: 'Only targets with a deadline on or before this date.' }),
    kind: t.field({ type: [TargetKindEnum], description: 'Only targets of any of these kinds.' }),
    theme: t.stringList({ description: 'Theme slugs: only targets of actions under any of these themes.' }),
    actionKind: t.field({ type: [ActionKindEnum], description: 'Only targets of actions of any of these kinds.' }),
  }),
})

type TargetFilterInput = typeof TargetFilter.$inferInput

/** The agreement's targets that pass the filter, in document order. */
function filterTargets(snapshot: AgreementSnapshot, filter: TargetFilterInput | null | undefined): readonly TargetRecord[] {
  const targets = snapshot.list('target')
  if (!filter) return targets
  const { deadlineFrom: from, deadlineTo: to } = filter
  if (from != null && to != null && from > to) throw badUserInput('filter.deadlineTo', to, `is before filter.deadlineFrom (${from})`)
  const themes = filterIds(snapshot, 'filter.theme', 'theme', 'theme', filter.theme)
  const kinds = filter.kind ? new Set(filter.kind) : undefined
  const actionKinds = filter.actionKind ? new Set<string>(filter.actionKind) : undefined
  return targets.filter((target) => {
    const action = snapshot.byId('action', target.actionId)!
    if (from != null && (target.deadline === null || target.deadline < from)) return false
    if (to != null && (target.deadline === null || target.deadline > to)) return false
    if (kinds && !((kinds.has('quantified') && target.value !== null) || (kinds.has('dated') && target.deadline !== null))) return false
    if (themes && (action.themeId === null || !themes.includes(action.themeId))) return false
    return !actionKinds || actionKinds.has(action.kind)
  })
}

/** Keys are row ids; document order is the snapshot's own order of targets. */
function targetOrder(snapshot: AgreementSnapshot, order: 'document' | 'deadline'): ListOrder<TargetRecord> {
  const stored = storedOrder(snapshot.list('target'), 'Target')
  if (order === 'document') return stored
  const compare = (a: TargetRecord, b: TargetRecord) => {
    if (a.deadline !== b.deadline) return a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1
    return stored.compare(a, b)
  }
  return { ...stored, scope: 'TargetByDeadline', compare }
}

builder.queryFields((t) => ({
  targets: t.connection({
    type: TargetRef, nullable: true,
    description: 'The quantified or dated targets of an agreement, filtered and sorted. Cursors stay valid for the same order as long as the database is not rebuilt.',
    args: {
      agreement: t.arg.string({ description: agreementArgDescription }),
      filter: t.arg({ type: TargetFilter, description: 'Narrows the list; omitted: every target.' }),
      orderBy: t.arg({ type: TargetOrderEnum, description: 'The order; omitted: document order.' }),
    },
    complexity: pageCost,
    resolve: (_root, args, ctx) => {
      const snapshot = snapshotFromArg(ctx, args.agreement)
      return listConnection(filterTargets(snapshot, args.filter), targetOrder(snapshot, args.orderBy ?? 'document'), args)
    },
  }, { name: 'TargetConnection', description: 'A page of targets, with the total number that pass the filter.' }, { name: 'TargetEdge', description: 'A target in a page, with its cursor.' }),
}))
