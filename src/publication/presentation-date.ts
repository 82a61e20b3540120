import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { streamKeyedRecords, type KeyedRecord } from '../read-model/keyed-records.js'
import type { AgreementRecord } from '../read-model/records.js'
import { sourceText } from '../read-model/source-text.js'

/** Whether the presentation date was read from the text or supplied by the curators, and why. */
export interface PresentationDateReading {
  presentedOnInferred: boolean
  presentedOnReason: string | null
}

const dutchDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/**
 * The presentation date is an inference unless the source text states it
 * (as "16 juni 2022" or 2022-06-16): the curators take it from the
 * agreement's presentation to the council. Without the source at hand (a
 * synthetic database) it cannot be read, so it counts as inferred too.
 */
export function presentationDateReading(agreement: AgreementRecord): PresentationDateReading {
  const written = dutchDate.format(new Date(`${agreement.presentedOn}T00:00:00Z`))
  let text = ''
  try {
    text = sourceText(agreement, 1, agreement.sourceLineCount)
  } catch {
    // No source at hand: nothing says the date.
  }
  if (text.includes(written) || text.includes(agreement.presentedOn)) return { presentedOnInferred: false, presentedOnReason: null }
  return {
    presentedOnInferred: true,
    presentedOnReason: `De presentatiedatum (${written}) staat niet in de tekst van het akkoord: het is de dag waarop het akkoord aan de gemeenteraad is gepresenteerd, door de redactie vastgelegd. Termijnen die ervan uitgaan ("binnen vier jaar", "na twee jaar") zijn daarom ook afgeleid.`,
  }
}

/** The agreements with the reading of their presentation date. */
export async function* agreementsWithPresentation(db: Kysely<Database>): AsyncGenerator<KeyedRecord<'agreement'> & { record: AgreementRecord & PresentationDateReading }> {
  for await (const row of streamKeyedRecords(db, 'agreement')) yield { ...row, record: { ...row.record, ...presentationDateReading(row.record) } }
}
