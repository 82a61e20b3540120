import type { ProgressSnapshot } from './progress-snapshot.js'

/**
 * Progress read per commitment: a sentence that restates another (a copy, see db/README.md) answers with the
 * progress of its canonical action, so an assessment of the commitment shows on every sentence stating it.
 * `canonical` maps a copy's slug to its canonical action's slug.
 */
export function commitmentProgress(progress: ProgressSnapshot, canonical: ReadonlyMap<string, string>): ProgressSnapshot {
  if (canonical.size === 0) return progress
  const of = (slug: string) => canonical.get(slug) ?? slug
  return {
    generation: progress.generation,
    history: (type, slug) => progress.history(type, type === 'action' ? of(slug) : slug),
    retractionOf: (id) => progress.retractionOf(id),
    progressOf: (slug) => progress.progressOf(of(slug)),
    statusOf: (slug) => progress.statusOf(of(slug)),
    measurementsOf: (slug) => progress.measurementsOf(slug),
    summarize: (slugs) => progress.summarize([...slugs].map(of)),
  }
}
