import type { Evidence, RevisionRecord, SubjectKey } from '../editorial/revision-record.js'
import type { PublishedProgress } from '../editorial/published-progress.js'
import type { PublicationChainState } from '../editorial/publication-chain-state.js'
import type { ProgressStatus } from '../editorial/progress-vocabulary.js'
import type { ReportingRound } from '../editorial/reporting-rounds.js'
import type { KeyedRow } from './table-columns.js'

/** A published assessment or measurement with what became of it: retracted (by which retraction) or the current one. */
export interface ProgressEntry {
  revision: RevisionRecord
  /** The published retraction that withdrew it; null while it stands. */
  retraction: RevisionRecord | null
  /** Whether it is its action's current assessment (the newest that stands); measurements: whether it stands. */
  current: boolean
  /** The hash of its publication's link in the editorial hash chain. */
  chainHash: string | null
  /** The reporting round it was recorded for; null outside a round. */
  round: ReportingRound | null
}

/** One piece of evidence of a published revision, with its place in the revision's list (1-based). */
export interface EvidenceEntry {
  revision: RevisionRecord
  position: number
  evidence: Evidence
}

export type EntryKind = 'assessment' | 'measurement'

/**
 * The published progress as the publication's tables read it: assessments
 * of actions and measurements of targets, each with its retraction, and
 * their evidence, keyed like the content's records. Revisions of subjects
 * the content no longer holds are left out, so every foreign key resolves.
 */
export class ProgressRows {
  readonly generation: number
  readonly latestPublishedAt: string | null
  /** Every publication with the chain state it left, oldest first; the last is the one this release's progress goes up to. */
  readonly chainStates: readonly PublicationChainState[]
  private readonly entries: Record<EntryKind, ProgressEntry[]> = { assessment: [], measurement: [] }
  private readonly bySubject = new Map<string, ProgressEntry[]>()

  constructor(progress: PublishedProgress, exists: (subject: SubjectKey) => boolean) {
    this.generation = progress.generation
    this.latestPublishedAt = progress.latestPublishedAt
    this.chainStates = progress.chainStates
    const retractions = new Map(progress.revisions.filter((r) => r.retractsId !== null).map((r) => [r.retractsId!, r]))
    const standing = new Set<string>()
    // Newest first, so the first standing assessment of an action is its current one.
    for (const revision of [...progress.revisions].reverse()) {
      if (revision.kind === 'retraction' || !exists(revision.subject)) continue
      const retraction = retractions.get(revision.id) ?? null
      const key = subjectKey(revision.subject)
      const current = retraction === null && (revision.kind === 'measurement' || !standing.has(key))
      if (current) standing.add(key)
      const entry = { revision, retraction, current, chainHash: progress.chainHashes.get(revision.publication?.id ?? 0) ?? null, round: progress.rounds.get(revision.id) ?? null }
      this.entries[revision.kind].unshift(entry)
      this.bySubject.set(key, [entry, ...(this.bySubject.get(key) ?? [])])
    }
  }

  /** The published assessments (or measurements) as table rows, in publication order. */
  rows(kind: EntryKind): KeyedRow<ProgressEntry>[] {
    return this.entries[kind].map((entry) => ({ record: entry, keys: keysOf(entry.revision) }))
  }

  /** Every publication as a table row, keyed by its number; its agreement is its revision's. */
  publicationRows(): KeyedRow<PublicationChainState>[] {
    return this.chainStates.map((state) => ({ record: state, keys: { agreement: state.agreement, own: String(state.publication), refs: {} } }))
  }

  /** The evidence of the published assessments (or measurements) as table rows. */
  evidenceRows(kind: EntryKind): KeyedRow<EvidenceEntry>[] {
    return this.entries[kind].flatMap(({ revision }) => revision.evidence.map((evidence, i) => ({
      record: { revision, position: i + 1, evidence }, keys: keysOf(revision),
    })))
  }

  /** A subject's published assessments or measurements, oldest first. */
  historyOf(subject: SubjectKey): readonly ProgressEntry[] {
    return this.bySubject.get(subjectKey(subject)) ?? []
  }

  /** An action's current assessment, or null when it has none standing (not assessed). */
  currentOf(agreement: string, action: string): ProgressEntry | null {
    return this.historyOf({ agreement, type: 'action', slug: action }).filter((e) => e.current).at(-1) ?? null
  }

  /** An action's status: its current assessment's, else NOT_ASSESSED. */
  statusOf(agreement: string, action: string): ProgressStatus {
    return (this.currentOf(agreement, action)?.revision.status ?? 'NOT_ASSESSED') as ProgressStatus
  }
}

const subjectKey = (subject: SubjectKey): string => `${subject.agreement}/${subject.type}/${subject.slug}`

/** Keys like the content's: the revision's id is its own key (as in the API's IDs), the subject a reference. */
function keysOf(revision: RevisionRecord): KeyedRow['keys'] {
  return { agreement: revision.subject.agreement, own: String(revision.id), refs: { [revision.subject.type]: revision.subject.slug, revision: String(revision.id) } }
}
