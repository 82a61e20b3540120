import type { ProgressRows } from './published-progress-rows.js'

/** What a release says of the editorial hash chain behind its progress: one sentence for the notes, a paragraph for the LEESMIJ. */
export interface ChainStatement {
  /** One Dutch sentence: in the version notes' summary, so the catalogue's adms:versionNotes of this and every later release repeat it. */
  sentence: string
  /** Dutch lines: what the numbers are and how to have them checked. */
  lines: string[]
}

/**
 * The chain's length and head as the newest publication this release carries
 * left them (recorded by the store at that publication), or null for a
 * release without progress. Numbers and a hash only: nothing of the audit trail.
 */
export function chainStatement(progress: ProgressRows): ChainStatement | null {
  const last = progress.chainStates.at(-1)
  if (!last) return null
  const sentence = `Voortgang tot en met publicatie ${last.publication} (${last.publishedAt}); de hashketen van de redactie telde toen ${last.length} schakels, met als kop (SHA-256) ${last.head}.`
  return {
    sentence,
    lines: [
      sentence,
      'Elke wijziging in de redactie (een concept, een controle, een publicatie) is een schakel van die keten; de kop is de hash van',
      'de laatste schakel en hangt af van alle schakels ervoor. Bewaar deze versie: zo kan later worden nagegaan dat de',
      `geschiedenis tot deze publicatie niet is herschreven. De beheerder van de redactie controleert dat met:`,
      `    npm run editor -- verify --length ${last.length} --head ${last.head}`,
      'Elke publicatie staat met de stand van de keten erna in csv/progress-publications.csv (kolommen chain_length en chain_head);',
      'een latere versie noemt voor dezelfde publicatie dezelfde stand.',
    ],
  }
}
