import type { ProgressRows } from './published-progress-rows.js'

/**
 * The sentence whose published progress stands for an action's commitment (db/README.md, "Repeated commitments"):
 * of the canonical action and its copies, the one with the newest current assessment, else the canonical action.
 * `canonical` maps a copy's slug to its canonical action's slug.
 */
export function commitmentSubject(progress: ProgressRows, agreement: string, slug: string, canonical: ReadonlyMap<string, string>): string {
  const first = canonical.get(slug) ?? slug
  const sentences = [first, ...[...canonical].filter(([, c]) => c === first).map(([copy]) => copy)]
  const newest = (s: string) => progress.currentOf(agreement, s)?.revision.id ?? -1
  return sentences.reduce((best, s) => (newest(s) > newest(best) ? s : best), first)
}
