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
  /** The definition in Dutch. */
  definition: string
  definitionEn: string
}

/** The kinds of commitment (db/README.md), the first column of the flat commitments table. */
export const actionKindConcepts: Record<ActionKind, Concept> = {
  new: { nl: 'Nieuw', en: 'New', definition: 'Iets beginnen dat er nog niet was: beleid, een fonds, programma, regel, voorziening of gebouw.', definitionEn: 'Starting something that did not exist: a policy, fund, programme, rule, facility or building.' },
  continue: { nl: 'Voortzetten', en: 'Continue', definition: 'Doorgaan met bestaand beleid.', definitionEn: 'Continuing existing policy.' },
  intensify: { nl: 'Intensiveren', en: 'Intensify', definition: 'Bestaand beleid uitbreiden of versterken.', definitionEn: 'Extending or strengthening existing policy.' },
  investigate: { nl: 'Onderzoeken', en: 'Investigate', definition: 'Onderzoeken, verkennen, experimenteren of evalueren voordat er besloten wordt.', definitionEn: 'Investigating, exploring, experimenting or evaluating before deciding.' },
  advocate: { nl: 'Belangen behartigen', en: 'Advocate', definition: 'Andere overheden of instanties (Rijk, provincie) aanspreken of om aandacht vragen.', definitionEn: 'Calling on other governments or bodies (the state, the province) or asking their attention.' },
  consult: { nl: 'In gesprek', en: 'Consult', definition: 'In gesprek gaan met, of betrekken van, inwoners, partners of de raad.', definitionEn: 'Talking with, or involving, residents, partners or the council.' },
  support: { nl: 'Ondersteunen', en: 'Support', definition: 'Initiatieven van anderen ondersteunen of faciliteren.', definitionEn: 'Supporting or facilitating initiatives of others.' },
}

const sectionKindConcepts: Record<SectionKind, Concept> = {
  foreword: { nl: 'Voorwoord', en: 'Foreword', definition: 'Het voorwoord van het akkoord.', definitionEn: "The agreement's foreword." },
  vision: { nl: 'Visie', en: 'Vision', definition: 'De visie op de gemeente.', definitionEn: 'The vision of the municipality.' },
  governance: { nl: 'Bestuursstijl', en: 'Governance style', definition: 'De bestuursstijl van het college.', definitionEn: "The college's style of governance." },
  governance_part: { nl: 'Deel van de bestuursstijl', en: 'Part of the governance style', definition: 'Een onderdeel van de bestuursstijl.', definitionEn: 'A part of the style of governance.' },
  signatories: { nl: 'Ondertekening', en: 'Signatories', definition: 'De ondertekenaars.', definitionEn: 'The signatories.' },
  budget: { nl: 'Financiële doorrekening', en: 'Budget', definition: 'De financiële doorrekening en spelregels.', definitionEn: 'The budget and its rules.' },
  portfolios: { nl: 'Portefeuilleverdeling', en: 'Portfolios', definition: 'De verdeling van de portefeuilles over de wethouders.', definitionEn: 'How the portfolios are divided among the aldermen.' },
  contact: { nl: 'Contact', en: 'Contact', definition: 'De contactgegevens.', definitionEn: 'The contact details.' },
}

const artifactKindConcepts: Record<ArtifactKind, Concept> = {
  title: { nl: 'Titel', en: 'Title', definition: 'De titel op het omslag.', definitionEn: 'The title on the cover.' },
  layout_label: { nl: 'Opmaaklabel', en: 'Layout label', definition: 'Een label van de opmaak, geen inhoud.', definitionEn: 'A label of the layout, not content.' },
  page_footer: { nl: 'Voettekst', en: 'Page footer', definition: 'Een voettekst van een pagina.', definitionEn: 'A page footer.' },
  table_header: { nl: 'Tabelkop', en: 'Table header', definition: 'De kop van een tabel.', definitionEn: "A table's header." },
  tagline: { nl: 'Slogan', en: 'Tagline', definition: 'Een slogan van de opmaak.', definitionEn: 'A tagline of the layout.' },
}

/** The statuses of the progress monitor; NOT_ASSESSED is never recorded, only derived for an action without a standing assessment. */
export const progressStatusConcepts: Record<ProgressStatus, Concept> = {
  NOT_ASSESSED: { nl: progressStatusLabels.NOT_ASSESSED, en: 'Not assessed', definition: progressStatusDefinitions.NOT_ASSESSED, definitionEn: 'There is no standing published assessment (yet).' },
  NOT_STARTED: { nl: progressStatusLabels.NOT_STARTED, en: 'Not started', definition: progressStatusDefinitions.NOT_STARTED, definitionEn: 'Work on the commitment has not started.' },
  IN_PROGRESS: { nl: progressStatusLabels.IN_PROGRESS, en: 'In progress', definition: progressStatusDefinitions.IN_PROGRESS, definitionEn: 'The commitment is being worked on.' },
  PARTLY_ACHIEVED: { nl: progressStatusLabels.PARTLY_ACHIEVED, en: 'Partly achieved', definition: progressStatusDefinitions.PARTLY_ACHIEVED, definitionEn: 'Part of the commitment has been achieved.' },
  ACHIEVED: { nl: progressStatusLabels.ACHIEVED, en: 'Achieved', definition: progressStatusDefinitions.ACHIEVED, definitionEn: 'The commitment has been achieved.' },
  CHANGED: { nl: progressStatusLabels.CHANGED, en: 'Changed', definition: progressStatusDefinitions.CHANGED, definitionEn: "The commitment was changed; the explanation says how and why." },
  ABANDONED: { nl: progressStatusLabels.ABANDONED, en: 'Abandoned', definition: progressStatusDefinitions.ABANDONED, definitionEn: 'The commitment has been abandoned; the explanation says why.' },
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
