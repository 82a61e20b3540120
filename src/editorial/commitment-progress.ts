import type { SubjectType } from './editorial-database.js'
import type { ProgressSnapshot } from './progress-snapshot.js'
import type { RevisionRecord } from './revision-record.js'

/**
 * Progress read per commitment: every sentence of a commitment (the canonical action and the sentences that restate
 * it, see db/README.md) answers with the commitment's progress, so an assessment shows on every sentence stating it.
 * New assessments are recorded on the canonical action; one recorded on a copy before the copy was linked still
 * counts, so no published assessment drops out of sight. `canonical` maps a copy's slug to its canonical action's.
 */
export function commitmentProgress(progress: ProgressSnapshot, canonical: ReadonlyMap<string, string>): ProgressSnapshot {
  if (canonical.size === 0) return progress
  const sentences = new Map<string, string[]>()
  for (const [copy, first] of canonical) sentences.set(first, [...(sentences.get(first) ?? [first]), copy])
  const group = (slug: string) => sentences.get(canonical.get(slug) ?? slug) ?? [slug]
  // Revision ids grow with every revision in the store, so the highest is the newest across subjects.
  const newest = (records: readonly (RevisionRecord | null)[]) => records.reduce<RevisionRecord | null>((a, b) => (b && (!a || b.id > a.id) ? b : a), null)
  const progressOf = (slug: string) => newest(group(slug).map((s) => progress.progressOf(s)))
  return {
    generation: progress.generation,
    history: (type: SubjectType, slug: string) => (type === 'action'
      ? group(slug).flatMap((s) => progress.history('action', s)).sort((a, b) => b.id - a.id)
      : progress.history(type, slug)),
    retractionOf: (id) => progress.retractionOf(id),
    progressOf,
    statusOf: (slug) => (progressOf(slug)?.status as ReturnType<ProgressSnapshot['statusOf']> | undefined) ?? 'NOT_ASSESSED',
    measurementsOf: (slug) => progress.measurementsOf(slug),
    recent: (limit) => progress.recent(limit),
    summarize: (slugs) => {
      const counts = progress.summarize([])
      for (const slug of slugs) counts[(progressOf(slug)?.status ?? 'NOT_ASSESSED') as keyof typeof counts] += 1
      return counts
    },
  }
}
