import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import type { ActionListFilter } from '../../read-model/snapshot-actions.js'
import { builder } from '../builder.js'
import { filterIds } from '../filter-slugs.js'
import { ActionKindEnum } from './action-kind.js'
import { ProgressStatusEnum } from './progress-enums.js'

export const ActionFilter = builder.inputType('ActionFilter', {
  description: 'Narrows a list of actions. Every field that is set must hold (AND); a field with several values matches any of them (OR). '
    + 'Slugs that the agreement does not have are reported as BAD_USER_INPUT, naming the field (`extensions.argument`) and the position of the slug in it (`extensions.index`).',
  fields: (t) => ({
    theme: t.stringList({ description: 'Theme slugs: actions under any of these themes.' }),
    topic: t.stringList({ description: 'Topic slugs: actions stated in any of these topics.' }),
    section: t.stringList({ description: 'Section slugs: actions stated in any of these governance sections or in any of their parts (a parent section includes its children).' }),
    portfolio: t.stringList({ description: 'Portfolio slugs: actions any of these portfolios is responsible for.' }),
    party: t.stringList({ description: 'Party slugs: actions a portfolio held by any of these parties is responsible for.' }),
    district: t.stringList({ description: 'District slugs: actions that name any of these districts.' }),
    budgetLine: t.stringList({ description: 'Budget line slugs: actions any of these lines funds.' }),
    responsibility: t.stringList({ description: 'Responsibility slugs: actions any of these portfolio responsibilities covers.' }),
    kind: t.field({ type: [ActionKindEnum], description: 'Kinds: actions of any of these kinds.' }),
    hasBudget: t.boolean({ description: 'true: only actions funded by a budget line; false: only actions without one.' }),
    hasTarget: t.boolean({ description: 'true: only actions with a quantified or dated target; false: only actions without one.' }),
    progressStatus: t.field({ type: [ProgressStatusEnum], description: 'Progress statuses: actions whose current published status is any of these (NOT_ASSESSED: without a published assessment).' }),
    hasPortfolio: t.boolean({ description: 'true: only actions some portfolio is responsible for; false: only actions no alderman\'s portfolio covers (public order belongs to the mayor).' }),
  }),
})

export type ActionFilterInput = typeof ActionFilter.$inferInput

/** The section ids and those of all their parts, so a filter on a parent section finds the actions of its children. */
function withDescendants(snapshot: AgreementSnapshot, ids: readonly number[] | undefined): number[] | undefined {
  if (!ids) return undefined
  const all = new Set<number>()
  const visit = (id: number) => {
    if (all.has(id)) return
    all.add(id)
    for (const child of snapshot.children('section', 'parentId', id)) visit(child.id)
  }
  ids.forEach(visit)
  return [...all]
}

/** Checks an action filter and resolves its slugs to ids; the first unknown slug, in field order, is the one reported. */
export function resolveActionFilter(snapshot: AgreementSnapshot, filter: ActionFilterInput | null | undefined): ActionListFilter {
  if (!filter) return {}
  const ids = (field: 'theme' | 'topic' | 'section' | 'portfolio' | 'party' | 'district' | 'responsibility') => filterIds(snapshot, `filter.${field}`, field, field, filter[field])
  return {
    themeIds: ids('theme'), topicIds: ids('topic'), sectionIds: withDescendants(snapshot, ids('section')), portfolioIds: ids('portfolio'),
    partyIds: ids('party'), districtIds: ids('district'),
    budgetLineIds: filterIds(snapshot, 'filter.budgetLine', 'budgetLine', 'budget line', filter.budgetLine), responsibilityIds: ids('responsibility'),
    kinds: filter.kind ?? undefined, hasBudget: filter.hasBudget ?? undefined, hasTarget: filter.hasTarget ?? undefined, hasPortfolio: filter.hasPortfolio ?? undefined,
  }
}
