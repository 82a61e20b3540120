import { countActionsBy, type ActionFacet } from '../../read-model/action-facets.js'
import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import type { ActionRecord, DistrictRecord, PortfolioRecord, ThemeRecord } from '../../read-model/records.js'
import { actionKinds } from '../../store/database.js'
import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import { builder } from '../builder.js'
import { ActionKindEnum } from './action-kind.js'
import { ProgressStatusEnum } from './progress-enums.js'
import { DistrictRef, PortfolioRef, ThemeRef } from './refs.js'

/** The actions a connection's facets count: every one that passed its filter. */
export interface ActionFacetsShape {
  snapshot: AgreementSnapshot
  actions: readonly ActionRecord[]
  /** The published progress, read only when the statuses are counted. */
  statusOf: () => Pick<ProgressSnapshot, 'statusOf'>
}

type Bucket<T> = { value: T | null; count: number }

/** Buckets of a record facet, in the records' own order (position), the "none" bucket last. */
function recordBuckets<T extends { position: number }>(
  facets: ActionFacetsShape, facet: ActionFacet, lookup: (id: number) => T | null,
): Bucket<T>[] {
  const buckets = countActionsBy<number>(facets.snapshot, facet, facets.actions).map(({ key, count }) => ({ value: key === null ? null : lookup(key), count }))
  return buckets.sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : a.value.position - b.value.position))
}

const countDescription = 'The number of actions of the list under this value.'

const ThemeCount = builder.objectRef<Bucket<ThemeRecord>>('ActionThemeCount').implement({
  description: 'How many actions of a list fall under a theme.',
  fields: (t) => ({
    theme: t.field({ type: ThemeRef, nullable: true, description: 'The theme; null for the actions of governance sections, which have no theme.', resolve: (b) => b.value }),
    count: t.exposeInt('count', { description: countDescription }),
  }),
})

const PortfolioCount = builder.objectRef<Bucket<PortfolioRecord>>('ActionPortfolioCount').implement({
  description: 'How many actions of a list a portfolio is responsible for.',
  fields: (t) => ({
    portfolio: t.field({ type: PortfolioRef, nullable: true, description: 'The portfolio; null for the actions no alderman\'s portfolio covers.', resolve: (b) => b.value }),
    count: t.exposeInt('count', { description: countDescription }),
  }),
})

const DistrictCount = builder.objectRef<Bucket<DistrictRecord>>('ActionDistrictCount').implement({
  description: 'How many actions of a list name a district.',
  fields: (t) => ({
    district: t.field({ type: DistrictRef, nullable: true, description: 'The district; null for the actions that name no district.', resolve: (b) => b.value }),
    count: t.exposeInt('count', { description: countDescription }),
  }),
})

const KindCount = builder.objectRef<{ kind: ActionRecord['kind']; count: number }>('ActionKindCount').implement({
  description: 'How many actions of a list are of a kind.',
  fields: (t) => ({
    kind: t.field({ type: ActionKindEnum, description: 'The kind.', resolve: (b) => b.kind }),
    count: t.exposeInt('count', { description: countDescription }),
  }),
})

const StatusCount = builder.objectRef<{ status: ProgressStatus; count: number }>('ActionProgressStatusCount').implement({
  description: 'How many actions of a list have a progress status.',
  fields: (t) => ({
    status: t.field({ type: ProgressStatusEnum, description: 'The current published status (NOT_ASSESSED: without a published assessment).', resolve: (b) => b.status }),
    count: t.exposeInt('count', { description: countDescription }),
  }),
})

export const ActionFacetsRef = builder.objectRef<ActionFacetsShape>('ActionFacets').implement({
  description: 'Counts of a filtered list of actions per value of a facet (theme, kind, portfolio, district, progress status): only values with at least one action are listed. '
    + 'An action with several portfolios or districts counts under each of them, so those counts can add up to more than the list; '
    + 'an action with none counts under null, so no action is left out.',
  fields: (t) => ({
    themes: t.field({
      type: [ThemeCount], description: 'Per theme, in document order; null (governance sections) last.', complexity: { field: 1, multiplier: 10 },
      resolve: (f) => recordBuckets(f, 'theme', (id) => f.snapshot.byId('theme', id)),
    }),
    kinds: t.field({
      type: [KindCount], description: 'Per kind, in the order of the ActionKind enum.', complexity: { field: 1, multiplier: 7 },
      resolve: (f) => countActionsBy<string>(f.snapshot, 'kind', f.actions)
        .map(({ key, count }) => ({ kind: key as ActionRecord['kind'], count }))
        .sort((a, b) => actionKinds.indexOf(a.kind) - actionKinds.indexOf(b.kind)),
    }),
    portfolios: t.field({
      type: [PortfolioCount], description: 'Per portfolio, in portfolio order; null (no portfolio) last.', complexity: { field: 1, multiplier: 10 },
      resolve: (f) => recordBuckets(f, 'portfolio', (id) => f.snapshot.byId('portfolio', id)),
    }),
    progressStatuses: t.field({
      type: [StatusCount], description: 'Per current published progress status, in the order of the ProgressStatus enum.', complexity: { field: 1, multiplier: 7 },
      resolve: (f) => {
        const { statusOf } = f.statusOf()
        const counts = new Map<ProgressStatus, number>()
        for (const action of f.actions) counts.set(statusOf(action.slug), (counts.get(statusOf(action.slug)) ?? 0) + 1)
        return progressStatuses.filter((status) => counts.has(status)).map((status) => ({ status, count: counts.get(status)! }))
      },
    }),
    districts: t.field({
      type: [DistrictCount], description: 'Per district, in district order; null (no district named) last.', complexity: { field: 1, multiplier: 12 },
      resolve: (f) => recordBuckets(f, 'district', (id) => f.snapshot.byId('district', id)),
    }),
  }),
})
