import type { ActionRecord } from './records.js'
import { distinctCommitments } from './canonical-action.js'

/**
 * What counts actions per progress status by their slugs: the editorial
 * domain's ProgressSnapshot. Named by its shape because the read model sits
 * below the editorial domain, so the API, the reports and the site can all
 * count through summarizeCommitments.
 */
export interface StatusCounter<Counts> {
  summarize(actionSlugs: Iterable<string>): Counts
}

/** A group of actions' progress counted per commitment. */
export interface CommitmentSummary<Counts> {
  /** Commitments per status, every status present. */
  counts: Counts
  /** The slugs the commitments are counted under: the first sentence of each, in the order given. */
  slugs: readonly string[]
  /** The distinct commitments among the actions (the sum of the counts). */
  commitments: number
  /** The sentences ("afspraken") the actions are; more than the commitments when one restates another (same_as). */
  sentences: number
}

/**
 * The one way the site, the reports and the API count progress per
 * commitment, so a sentence that restates an earlier one is not counted twice
 * (the agreement's 185 sentences hold 173 commitments). The home, theme,
 * alderman and district pages, /voortgang, the progress report and the API's
 * `progressSummary(unit: COMMITMENT)` all count through here, so their numbers
 * agree for the same picture. `progress` reads per commitment (commitmentProgress),
 * so a commitment counted under a copy's slug shows the commitment's status.
 */
export function summarizeCommitments<Counts>(progress: StatusCounter<Counts>, actions: readonly { action: ActionRecord }[]): CommitmentSummary<Counts> {
  const slugs = distinctCommitments(actions).map((a) => a.action.slug)
  return { counts: progress.summarize(slugs), slugs, commitments: slugs.length, sentences: actions.length }
}
