import { progressSnapshot, progressSnapshotAt, publicationGeneration, type ProgressSnapshot } from './progress-snapshot.js'
import { publicRounds } from './public-rounds.js'
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
export async function roundPicture(store: Parameters<typeof progressSnapshot>[0], agreement: string, round: ReportingRound | null): Promise<RoundPicture> {
  const snapshot = round?.closedGeneration != null ? await progressSnapshotAt(store, agreement, round.closedGeneration) : await progressSnapshot(store, agreement)
  const cacheKey = `${snapshot.generation}/${round ? `${round.slug}/${round.closedAt ?? 'open'}` : 'none'}`
  return { ...snapshot, round, cacheKey }
}

/**
 * The latest round's picture, what the reports show by default: the open
 * round, else the latest closed one; before the first round, what is
 * published now.
 */
export async function latestRoundPicture(store: Parameters<typeof progressSnapshot>[0], agreement: string): Promise<RoundPicture> {
  const round = defaultRound(await publicRounds(store, agreement))
  const picture = await roundPicture(store, agreement, round)
  // Nothing newer than the closed round may hide: with publications after it and no round open, show what is published now.
  if (round?.closedGeneration != null && publicationGeneration(store) > round.closedGeneration) return await roundPicture(store, agreement, null)
  return picture
}
