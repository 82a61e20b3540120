import type { CommitmentSummary } from '../../read-model/commitment-summary.js'

/** The sentence saying that sentences and commitments differ, or null when every sentence is a commitment of its own. */
export function commitmentsNote({ sentences, commitments }: Pick<CommitmentSummary<unknown>, 'sentences' | 'commitments'>): string | null {
  if (sentences === commitments) return null
  return `De ${sentences} afspraken bevatten ${commitments} afzonderlijke ${commitments === 1 ? 'toezegging' : 'toezeggingen'}: een afspraak die een eerdere herhaalt, telt één keer mee.`
}
