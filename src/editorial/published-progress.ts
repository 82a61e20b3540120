import { publicationHashes } from './audit-chain.js'
import type { EditorialStore } from './open-editorial-store.js'
import { readGeneration } from './progress-snapshot.js'
import { readChainStates, type PublicationChainState } from './publication-chain-state.js'
import { listRounds, roundsOfRevisions, type ReportingRound } from './reporting-rounds.js'
import { readRevisions, type RevisionRecord } from './revision-record.js'

/** Everything the public may see of the progress monitor at one publication generation. */
export interface PublishedProgress {
  /** The publication generation read: the id of the latest publication, 0 before the first. */
  generation: number
  /** When the latest publication (or retraction) was published; null before the first. */
  latestPublishedAt: string | null
  /** Every published revision (assessments, measurements, retractions) of every agreement, in publication order. */
  revisions: RevisionRecord[]
  /** The hash of each publication's link in the editorial hash chain, by publication id (src/editorial/audit-chain.ts). */
  chainHashes: ReadonlyMap<number, string>
  /** Every publication up to the generation with the chain's length and head as it left them, in publication order. */
  chainStates: readonly PublicationChainState[]
  /** The reporting round each revision was recorded for, by revision id (none for a revision recorded outside a round). */
  rounds: ReadonlyMap<number, ReportingRound>
}

/** Nothing published: what a publication without an editorial store holds. */
export const noPublishedProgress: PublishedProgress = { generation: 0, latestPublishedAt: null, revisions: [], chainHashes: new Map(), chainStates: [], rounds: new Map() }

/**
 * Reads the published history for the open data, in one read-only
 * transaction so the generation and the revisions agree without waiting for
 * (or failing beside) another process that holds the write lock. Drafts are
 * never read; the caller decides which fields to publish (never tokens,
 * accounts or e-mail).
 */
export async function readPublishedProgress(store: EditorialStore): Promise<PublishedProgress> {
  return store.transaction(async () => {
    const generation = await readGeneration(store)
    const revisions = await readRevisions(store, (q) => q.where('publication.id', 'is not', null).where('publication.id', '<=', generation)
      .orderBy('publication.id', 'asc'))
    const agreements = [...new Set(revisions.map((r) => r.subject.agreement))]
    const byId = new Map((await Promise.all(agreements.map((a) => listRounds(store, a)))).flat().map((r) => [r.id, r]))
    const rounds = new Map([...await roundsOfRevisions(store, revisions.map((r) => r.id))].flatMap(([revision, round]) => (byId.has(round) ? [[revision, byId.get(round)!] as const] : [])))
    return { generation, latestPublishedAt: revisions.at(-1)?.publication?.publishedAt ?? null, revisions, chainHashes: await publicationHashes(store), chainStates: await readChainStates(store, generation), rounds }
  }, { readOnly: true })
}
