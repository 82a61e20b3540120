import type { Statement } from 'better-sqlite3'
import type { SubjectType } from './editorial-database.js'
import type { EditorialStore } from './open-editorial-store.js'
import { progressStatuses, type ProgressStatus } from './progress-vocabulary.js'
import { readRevisions, type RevisionRecord } from './revision-record.js'

/** How often another process's commit is looked for: a publication shows everywhere within a quarter of a second. */
const pollMs = 100

interface GenerationWatch {
  value: number
  /** The store's write count and SQLite data_version the value was read at. */
  writes: number
  stale: boolean
  read: Statement
}

const watches = new WeakMap<EditorialStore, Map<string, GenerationWatch>>()

/** Polls `PRAGMA data_version`, which changes when another connection commits; stops when the store is closed. */
function watch(store: EditorialStore, sql: string): GenerationWatch {
  const read = store.sqlite.prepare(sql).pluck()
  const dataVersion = store.sqlite.prepare('PRAGMA data_version').pluck()
  const state: GenerationWatch = { value: Number(read.get() ?? 0), writes: store.writes, stale: false, read }
  let version = dataVersion.get()
  const timer = setInterval(() => {
    if (!store.sqlite.open) return clearInterval(timer)
    const now = dataVersion.get()
    if (now !== version) {
      version = now
      state.stale = true
    }
  }, pollMs)
  timer.unref()
  return state
}

/** A number read by a query, held in memory and read again only after a write (see publicationGeneration). */
function watchedNumber(store: EditorialStore, sql: string): number {
  let perStore = watches.get(store)
  if (!perStore) {
    perStore = new Map()
    watches.set(store, perStore)
  }
  let state = perStore.get(sql)
  if (!state) {
    state = watch(store, sql)
    perStore.set(sql, state)
  }
  if (state.stale || state.writes !== store.writes) {
    state.stale = false
    state.writes = store.writes
    state.value = Number(state.read.get() ?? 0)
  }
  return state.value
}

/**
 * The publication generation: it changes with every publication (retractions
 * are published too) and with nothing else, in every process sharing the
 * store. A closed round keeps the one it closed at. Held in memory: a write through
 * this process's handle is noticed at once (by its write count), another
 * process's within 100 ms (by SQLite's data_version); between changes it costs no query.
 */
export function publicationGeneration(store: EditorialStore): number {
  return watchedNumber(store, 'SELECT max(id) FROM publication')
}

/**
 * What the caches of public answers key on: it changes with every publication
 * and with every reporting round opened or closed (which publish nothing, yet
 * change which round the site and the API name). Rounds are never deleted, so
 * twice the rounds plus the closed ones only grows. Held in memory like the
 * publication generation.
 */
export function publicStateGeneration(store: EditorialStore): number {
  return watchedNumber(store, 'SELECT coalesce((SELECT max(id) FROM publication), 0) * 1000000 + (SELECT 2 * count(*) + count(closed_at) FROM reporting_round)')
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

const snapshots = new WeakMap<EditorialStore, { generation: number; byAgreement: Map<string, ProgressSnapshot> }>()

/** The progress snapshot of an agreement, read once per publication generation and shared by every request. */
export function progressSnapshot(store: EditorialStore, agreement: string): ProgressSnapshot {
  const generation = publicationGeneration(store)
  let cached = snapshots.get(store)
  if (!cached || cached.generation !== generation) {
    cached = { generation, byAgreement: new Map() }
    snapshots.set(store, cached)
  }
  let snapshot = cached.byAgreement.get(agreement)
  if (!snapshot) {
    snapshot = buildSnapshot(store, agreement, generation)
    cached.byAgreement.set(agreement, snapshot)
  }
  return snapshot
}

const frozen = new WeakMap<EditorialStore, Map<string, ProgressSnapshot>>()

/**
 * The picture of a closed reporting round: what was published up to the
 * generation it closed at. Later publications and retractions leave it as it
 * was, so it is built once and kept.
 */
export function progressSnapshotAt(store: EditorialStore, agreement: string, generation: number): ProgressSnapshot {
  let cache = frozen.get(store)
  if (!cache) frozen.set(store, cache = new Map())
  const key = `${agreement}@${generation}`
  let snapshot = cache.get(key)
  if (!snapshot) cache.set(key, snapshot = buildSnapshot(store, agreement, generation))
  return snapshot
}

function buildSnapshot(store: EditorialStore, agreement: string, generation: number): ProgressSnapshot {
  const published = readRevisions(store, (q) => q.where('revision.agreement_slug', '=', agreement).where('publication.id', 'is not', null)
    .where('publication.id', '<=', generation).orderBy('revision.revision', 'desc'))
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
