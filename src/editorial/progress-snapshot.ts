import type { SubjectType } from './editorial-database.js'
import type { EditorialStore } from './open-editorial-store.js'
import { progressStatuses, type ProgressStatus } from './progress-vocabulary.js'
import type { RevisionRecord } from './revision-record.js'

/**
 * The publication generation: it changes with every publication (retractions
 * are published too) and with nothing else, in every process sharing the
 * store. Caches of public answers key on it. Held in memory by the store: a
 * write through this process's handle is noticed at once, another process's
 * within a poll; between changes it costs no query.
 */
export function publicationGeneration(store: EditorialStore): number {
  return store.generation
}

/** The generation read from the store itself, inside the caller's transaction: for what must agree with the rows read with it. */
export async function readGeneration(store: EditorialStore): Promise<number> {
  return Number((await store.first(store.db.selectFrom('publication').select((eb) => eb.fn.max('id').as('id'))))?.id ?? 0)
}

/**
 * What the caches of public answers key on: it changes with every publication
 * and with every reporting round opened or closed (which publish nothing, yet
 * change which round the site and the API name). Rounds are never deleted, so
 * twice the rounds plus the closed ones only grows. Held in memory like the
 * publication generation; on PostgreSQL every replica is told of a round opened or closed as of a publication.
 */
export function publicStateGeneration(store: EditorialStore): number {
  return publicStateOf(store.generation, store.roundState)
}

/** The public state of a publication generation and a round state, as publicStateGeneration composes them. */
export function publicStateOf(generation: number, roundState: number): number {
  return generation * 1_000_000 + roundState
}

/** Counts per status, every status present (zero included), in vocabulary order. */
export type ProgressSummary = Record<ProgressStatus, number>

/** What the public sees of one agreement's progress at one publication generation: published revisions only. */
export interface ProgressSnapshot {
  readonly generation: number
  /** The published revisions of a subject, newest first, retractions included. */
  history(type: SubjectType, slug: string): readonly RevisionRecord[]
  /** The published retraction that withdraws a revision, if any. */
  retractionOf(revisionId: number): RevisionRecord | undefined
  /** The latest published assessment of an action that is not retracted; null when there is none. */
  progressOf(actionSlug: string): RevisionRecord | null
  /** The action's status: its current assessment's, else NOT_ASSESSED. */
  statusOf(actionSlug: string): ProgressStatus
  /** A target's published measurements that are not retracted, newest first. */
  measurementsOf(targetSlug: string): readonly RevisionRecord[]
  /** Counts per status over the given actions. */
  summarize(actionSlugs: Iterable<string>): ProgressSummary
  /** The latest publications (assessments, measurements and retractions), newest first. */
  recent(limit: number): readonly RevisionRecord[]
}

/** The snapshot of published revisions at a generation (newest revision first per subject); read by src/editorial/public-view.ts. */
export function progressSnapshotOf(published: readonly RevisionRecord[], generation: number): ProgressSnapshot {
  const histories = new Map<string, RevisionRecord[]>()
  const retractions = new Map<number, RevisionRecord>()
  for (const revision of published) {
    const key = `${revision.subject.type}/${revision.subject.slug}`
    histories.set(key, [...(histories.get(key) ?? []), revision])
    if (revision.retractsId !== null) retractions.set(revision.retractsId, revision)
  }
  const standing = (type: SubjectType, slug: string) => (histories.get(`${type}/${slug}`) ?? [])
    .filter((r) => r.kind !== 'retraction' && !retractions.has(r.id))
  const current = new Map<string, RevisionRecord>()
  for (const key of histories.keys()) {
    if (!key.startsWith('action/')) continue
    const found = standing('action', key.slice('action/'.length))[0]
    if (found) current.set(found.subject.slug, found)
  }
  const byPublication = [...published].sort((a, b) => b.publication!.id - a.publication!.id)
  const statusOf = (slug: string) => (current.get(slug)?.status ?? 'NOT_ASSESSED') as ProgressStatus
  return {
    generation,
    history: (type, slug) => histories.get(`${type}/${slug}`) ?? [],
    retractionOf: (id) => retractions.get(id),
    progressOf: (slug) => current.get(slug) ?? null,
    statusOf,
    measurementsOf: (slug) => standing('target', slug),
    recent: (limit) => byPublication.slice(0, limit),
    summarize: (slugs) => {
      const counts = Object.fromEntries(progressStatuses.map((s) => [s, 0])) as ProgressSummary
      for (const slug of slugs) counts[statusOf(slug)] += 1
      return counts
    },
  }
}

/** Nothing published: the progress of an agreement the content does not have. */
export const emptyProgressSnapshot: ProgressSnapshot = progressSnapshotOf([], 0)
