import type { EditorialStore } from './open-editorial-store.js'
import type { ProgressSnapshot } from './progress-snapshot.js'
import type { PublicView } from './public-view.js'
import { servedPublicView } from './served-public-view.js'
import { defaultRound, type ReportingRound } from './reporting-rounds.js'

/** The progress of one round: its snapshot, the round it belongs to (null before the first round), and a key for caches. */
export interface RoundPicture extends ProgressSnapshot {
  readonly round: ReportingRound | null
  /** Changes when the picture or its round's label can change: a publication, a round opened or closed. */
  readonly cacheKey: string
}

/**
 * A round's picture: an open round shows what is published now; a closed round
 * what was published when it closed, for ever.
 */
export async function roundPicture(store: EditorialStore, agreement: string, round: ReportingRound | null): Promise<RoundPicture> {
  return roundPictureIn(await servedPublicView(store), agreement, round)
}

/** A round's picture in a view already read (a request's, so its whole answer is at one public state). */
export function roundPictureIn(view: PublicView, agreement: string, round: ReportingRound | null): RoundPicture {
  return pictureOf(round?.closedGeneration != null ? view.snapshotAt(agreement, round.closedGeneration) : view.snapshot(agreement), round)
}

function pictureOf(snapshot: ProgressSnapshot, round: ReportingRound | null): RoundPicture {
  const cacheKey = `${snapshot.generation}/${round ? `${round.slug}/${round.closedAt ?? 'open'}` : 'none'}`
  return { ...snapshot, round, cacheKey }
}

/**
 * The latest round's picture, what the reports show by default: the open
 * round, else the latest closed one; before the first round, what is
 * published now.
 */
export async function latestRoundPicture(store: EditorialStore, agreement: string): Promise<RoundPicture> {
  // One view for the round and its picture: both as of the same public state.
  const view = await servedPublicView(store)
  const round = defaultRound(view.rounds(agreement))
  // Nothing newer than the closed round may hide: with publications after it and no round open, show what is published now.
  return roundPictureIn(view, agreement, round?.closedGeneration != null && view.generation > round.closedGeneration ? null : round)
}
