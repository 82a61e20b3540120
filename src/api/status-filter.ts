import type { ProgressStatus } from '../editorial/progress-vocabulary.js'
import type { ProgressSnapshot } from '../editorial/progress-snapshot.js'
import type { ApiContext } from './context.js'
import { publicProgress } from './editorial-context.js'
import { commitmentProgress } from '../editorial/commitment-progress.js'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import type { AgreementSnapshot } from '../read-model/agreement-snapshot.js'

/** The published progress of the snapshot's agreement, read per commitment: a copy answers with its canonical action's. */
export function commitmentStatuses(ctx: ApiContext, snapshot: AgreementSnapshot): ProgressSnapshot {
  return commitmentProgress(publicProgress(ctx.editorial, snapshot.agreement.slug), canonicalSlugs(snapshot.list('action')))
}

/** A progress-status filter as a test on action slugs: whether the action's current published status is one of those wanted. */
export function statusFilter(ctx: ApiContext, snapshot: AgreementSnapshot, statuses: readonly ProgressStatus[]): (actionSlug: string) => boolean {
  const progress = commitmentStatuses(ctx, snapshot)
  const wanted = new Set(statuses)
  return (slug) => wanted.has(progress.statusOf(slug))
}
