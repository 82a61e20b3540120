import type { EditorialStore } from './open-editorial-store.js'
import { progressSnapshotOf, publicStateOf, readGeneration, type ProgressSnapshot } from './progress-snapshot.js'
import { listEveryRound, type ReportingRound } from './reporting-rounds.js'
import { readRevisions, type RevisionRecord } from './revision-record.js'

/**
 * Everything the public side shows of the editorial store, read together at
 * one public state: the published revisions and the reporting rounds of every
 * agreement. Held in memory (src/editorial/served-public-view.ts), so a page
 * or query built from it needs no round trip, and keeps answering while the
 * store is out of reach.
 */
export interface PublicView {
  /** The public state the view was read at (publicStateOf its generation and round state): what caches key on. */
  readonly state: number
  /** The publication generation read: the id of the latest publication, 0 before the first. */
  readonly generation: number
  /** The published progress of an agreement now (nothing published: an empty snapshot at this generation). */
  snapshot(agreement: string): ProgressSnapshot
  /** The published progress of an agreement as it stood at an earlier generation (a closed round's picture). */
  snapshotAt(agreement: string, generation: number): ProgressSnapshot
  /** An agreement's reporting rounds, the latest peildatum first. */
  rounds(agreement: string): readonly ReportingRound[]
}

/**
 * Reads the view in one read-only transaction, so the generation, the round
 * state, the revisions and the rounds agree. The state is what was read (it
 * may be ahead of what this process had been told). A previous view at the
 * same generation lends its revisions: a round opened or closed reads only
 * the rounds.
 */
export async function readPublicView(store: EditorialStore, previous?: PublicView): Promise<PublicView> {
  return store.transaction(async (tx) => {
    const generation = await readGeneration(tx)
    const rounds = await listEveryRound(tx)
    const roundState = 2 * rounds.length + rounds.filter((r) => r.closedAt !== null).length
    const published = previous instanceof StoredView && previous.generation === generation ? previous.published
      // Newest revision first per subject, as a snapshot takes them; revisions are per subject, so one order serves every agreement.
      : await readRevisions(tx, (q) => q.where('publication.id', 'is not', null).where('publication.id', '<=', generation).orderBy('revision.revision', 'desc'))
    return new StoredView(publicStateOf(generation, roundState), generation, published, rounds)
  }, { readOnly: true })
}

/** A view with its rows: snapshots are made per agreement (and per closed round) when first asked, then kept. */
class StoredView implements PublicView {
  private readonly byAgreement = new Map<string, RevisionRecord[]>()
  private readonly roundsOf = new Map<string, ReportingRound[]>()
  private readonly made = new Map<string, ProgressSnapshot>()

  constructor(readonly state: number, readonly generation: number, readonly published: readonly RevisionRecord[], rounds: readonly ReportingRound[]) {
    for (const revision of published) push(this.byAgreement, revision.subject.agreement, revision)
    for (const round of rounds) push(this.roundsOf, round.agreement, round)
  }

  snapshot(agreement: string): ProgressSnapshot {
    return this.snapshotAt(agreement, this.generation)
  }

  snapshotAt(agreement: string, generation: number): ProgressSnapshot {
    // A round closed at a generation this view has not reached cannot be in it; the guard keeps a picture honest anyway.
    const at = Math.min(generation, this.generation)
    const key = `${agreement}@${at}`
    let made = this.made.get(key)
    if (!made) {
      const revisions = this.byAgreement.get(agreement) ?? []
      this.made.set(key, made = progressSnapshotOf(at === this.generation ? revisions : revisions.filter((r) => r.publication!.id <= at), at))
    }
    return made
  }

  rounds(agreement: string): readonly ReportingRound[] {
    return this.roundsOf.get(agreement) ?? []
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
