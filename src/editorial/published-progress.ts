import { publicationHashes } from './audit-chain.js'
import type { EditorialStore } from './open-editorial-store.js'
import { readGeneration } from './progress-snapshot.js'
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
}

/** Nothing published: what a publication without an editorial store holds. */
export const noPublishedProgress: PublishedProgress = { generation: 0, latestPublishedAt: null, revisions: [], chainHashes: new Map() }

/**
 * Reads the published history for the open data, in one transaction so
 * the generation and the revisions agree. Drafts are never read; the caller
 * decides which fields to publish (never tokens, accounts or e-mail).
 */
export async function readPublishedProgress(store: EditorialStore): Promise<PublishedProgress> {
  return store.transaction(async () => {
    const generation = await readGeneration(store)
    const revisions = await readRevisions(store, (q) => q.where('publication.id', 'is not', null).where('publication.id', '<=', generation)
      .orderBy('publication.id', 'asc'))
    return { generation, latestPublishedAt: revisions.at(-1)?.publication?.publishedAt ?? null, revisions, chainHashes: await publicationHashes(store) }
  })
}
