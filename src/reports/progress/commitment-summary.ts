import type { ProgressSnapshot, ProgressSummary } from '../../editorial/progress-snapshot.js'
import type { ActionRecord } from '../../read-model/records.js'
import { distinctCommitments } from '../../read-model/canonical-action.js'

/** A group of actions' progress counted per commitment. */
export interface CommitmentSummary {
  /** Commitments per status, every status present. */
  counts: ProgressSummary
  /** The slugs the commitments are counted under: the first sentence of each, in the order given. */
  slugs: readonly string[]
  /** The distinct commitments among the actions (the sum of the counts). */
  commitments: number
  /** The sentences ("afspraken") the actions are; more than the commitments when one restates another (same_as). */
  sentences: number
}

/**
 * The one way the site and the reports count progress: per distinct
 * commitment, so a sentence that restates an earlier one is not counted twice
 * (the agreement's 185 sentences hold 173 commitments). The home, theme,
 * alderman and district pages, /voortgang and the progress report all count
 * through here, so their numbers agree for the same picture.
 */
export function summarizeCommitments(progress: ProgressSnapshot, actions: readonly { action: ActionRecord }[]): CommitmentSummary {
  const slugs = distinctCommitments(actions).map((a) => a.action.slug)
  return { counts: progress.summarize(slugs), slugs, commitments: slugs.length, sentences: actions.length }
}

/** The sentence saying that sentences and commitments differ, or null when every sentence is a commitment of its own. */
export function commitmentsNote({ sentences, commitments }: CommitmentSummary): string | null {
  if (sentences === commitments) return null
  return `De ${sentences} afspraken bevatten ${commitments} afzonderlijke ${commitments === 1 ? 'toezegging' : 'toezeggingen'}: een afspraak die een eerdere herhaalt, telt één keer mee.`
}
