import { progressStatusDefinitions, progressStatusLabels, type ProgressStatus } from '../editorial/progress-vocabulary.js'
import type { ActionKind, ArtifactKind, SectionKind } from '../store/database.js'

/**
 * The project's own RDF terms. The namespace is a permanent w3id.org address,
 * the same whatever address a deployment has (the records' IRIs follow the
 * deployment; the vocabulary does not). The prefix `akkoord:` is listed by
 * no well-known prefix registry (`oa:` is the W3C Web Annotation vocabulary).
 */
export const ownNamespace = 'https://w3id.org/open-akkoord/def#'
export const ownPrefix = 'akkoord'

/** A term of a concept scheme, labelled in Dutch and English. */
export interface Concept {
  nl: string
  en: string
  definition: string
}

/** The kinds of commitment (db/README.md), the first column of the flat commitments table. */
export const actionKindConcepts: Record<ActionKind, Concept> = {
  new: { nl: 'Nieuw', en: 'New', definition: 'Iets beginnen dat er nog niet was: beleid, een fonds, programma, regel, voorziening of gebouw.' },
  continue: { nl: 'Voortzetten', en: 'Continue', definition: 'Doorgaan met bestaand beleid.' },
  intensify: { nl: 'Intensiveren', en: 'Intensify', definition: 'Bestaand beleid uitbreiden of versterken.' },
  investigate: { nl: 'Onderzoeken', en: 'Investigate', definition: 'Onderzoeken, verkennen, experimenteren of evalueren voordat er besloten wordt.' },
  advocate: { nl: 'Belangen behartigen', en: 'Advocate', definition: 'Andere overheden of instanties (Rijk, provincie) aanspreken of om aandacht vragen.' },
  consult: { nl: 'In gesprek', en: 'Consult', definition: 'In gesprek gaan met, of betrekken van, inwoners, partners of de raad.' },
  support: { nl: 'Ondersteunen', en: 'Support', definition: 'Initiatieven van anderen ondersteunen of faciliteren.' },
}

export const sectionKindConcepts: Record<SectionKind, Concept> = {
  foreword: { nl: 'Voorwoord', en: 'Foreword', definition: 'Het voorwoord van het akkoord.' },
  vision: { nl: 'Visie', en: 'Vision', definition: 'De visie op de gemeente.' },
  governance: { nl: 'Bestuursstijl', en: 'Governance style', definition: 'De bestuursstijl van het college.' },
  governance_part: { nl: 'Deel van de bestuursstijl', en: 'Part of the governance style', definition: 'Een onderdeel van de bestuursstijl.' },
  signatories: { nl: 'Ondertekening', en: 'Signatories', definition: 'De ondertekenaars.' },
  budget: { nl: 'Financiële doorrekening', en: 'Budget', definition: 'De financiële doorrekening en spelregels.' },
  portfolios: { nl: 'Portefeuilleverdeling', en: 'Portfolios', definition: 'De verdeling van de portefeuilles over de wethouders.' },
  contact: { nl: 'Contact', en: 'Contact', definition: 'De contactgegevens.' },
}

export const artifactKindConcepts: Record<ArtifactKind, Concept> = {
  title: { nl: 'Titel', en: 'Title', definition: 'De titel op het omslag.' },
  layout_label: { nl: 'Opmaaklabel', en: 'Layout label', definition: 'Een label van de opmaak, geen inhoud.' },
  page_footer: { nl: 'Voettekst', en: 'Page footer', definition: 'Een voettekst van een pagina.' },
  table_header: { nl: 'Tabelkop', en: 'Table header', definition: 'De kop van een tabel.' },
  tagline: { nl: 'Slogan', en: 'Tagline', definition: 'Een slogan van de opmaak.' },
}

/** The statuses of the progress monitor; NOT_ASSESSED is never recorded, only derived for an action without a standing assessment. */
export const progressStatusConcepts: Record<ProgressStatus, Concept> = {
  NOT_ASSESSED: { nl: progressStatusLabels.NOT_ASSESSED, en: 'Not assessed', definition: progressStatusDefinitions.NOT_ASSESSED },
  NOT_STARTED: { nl: progressStatusLabels.NOT_STARTED, en: 'Not started', definition: progressStatusDefinitions.NOT_STARTED },
  IN_PROGRESS: { nl: progressStatusLabels.IN_PROGRESS, en: 'In progress', definition: progressStatusDefinitions.IN_PROGRESS },
  PARTLY_ACHIEVED: { nl: progressStatusLabels.PARTLY_ACHIEVED, en: 'Partly achieved', definition: progressStatusDefinitions.PARTLY_ACHIEVED },
  ACHIEVED: { nl: progressStatusLabels.ACHIEVED, en: 'Achieved', definition: progressStatusDefinitions.ACHIEVED },
  CHANGED: { nl: progressStatusLabels.CHANGED, en: 'Changed', definition: progressStatusDefinitions.CHANGED },
  ABANDONED: { nl: progressStatusLabels.ABANDONED, en: 'Abandoned', definition: progressStatusDefinitions.ABANDONED },
}

/** The concept schemes: their local names in the namespace and their concepts. */
export const conceptSchemes = {
  ActionKinds: { property: 'kind', prefix: 'actionKind', concepts: actionKindConcepts as Record<string, Concept>, nl: 'Soorten acties', en: 'Kinds of action' },
  SectionKinds: { property: 'sectionKind', prefix: 'sectionKind', concepts: sectionKindConcepts as Record<string, Concept>, nl: 'Soorten hoofdstukken', en: 'Kinds of section' },
  ArtifactKinds: { property: 'artifactKind', prefix: 'artifactKind', concepts: artifactKindConcepts as Record<string, Concept>, nl: 'Soorten opmaakregels', en: 'Kinds of source artefact' },
  ProgressStatuses: { property: 'progressStatus', prefix: 'progressStatus', concepts: progressStatusConcepts as Record<string, Concept>, nl: 'Voortgangsstatussen', en: 'Progress statuses' },
} as const

/** The IRI of a concept: `akkoord:actionKind-new`. */
export const conceptIri = (schemePrefix: string, value: string): string => `${ownNamespace}${schemePrefix}-${value}`

/** The IRI maker of a scheme's concepts, for a column whose values are concepts. */
export const conceptOf = (scheme: keyof typeof conceptSchemes) => (value: string): string => conceptIri(conceptSchemes[scheme].prefix, value)
