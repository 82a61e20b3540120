import type { ProgressStatus } from '../editorial/progress-vocabulary.js'
import type { ApiContext } from './context.js'
import { publicProgress } from './editorial-context.js'

/** A progress-status filter as a test on action slugs: whether the action's current published status is one of those wanted. */
export function statusFilter(ctx: ApiContext, agreementSlug: string, statuses: readonly ProgressStatus[]): (actionSlug: string) => boolean {
  const snapshot = publicProgress(ctx.editorial, agreementSlug)
  const wanted = new Set(statuses)
  return (slug) => wanted.has(snapshot.statusOf(slug))
}
