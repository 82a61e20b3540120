/**
 * The documented vocabulary of progress statuses. An action with no published
 * (and unretracted) assessment is NOT_ASSESSED; that status is never recorded.
 */
export const recordedStatuses = ['NOT_STARTED', 'IN_PROGRESS', 'PARTLY_ACHIEVED', 'ACHIEVED', 'CHANGED', 'ABANDONED'] as const
export type RecordedStatus = (typeof recordedStatuses)[number]
export const progressStatuses = ['NOT_ASSESSED', ...recordedStatuses] as const
export type ProgressStatus = (typeof progressStatuses)[number]

/** The Dutch name of each status, the one name every page, report and data file uses. */
export const progressStatusLabels: Record<ProgressStatus, string> = {
  NOT_ASSESSED: 'Niet beoordeeld',
  NOT_STARTED: 'Niet gestart',
  IN_PROGRESS: 'In uitvoering',
  PARTLY_ACHIEVED: 'Deels gerealiseerd',
  ACHIEVED: 'Gerealiseerd',
  CHANGED: 'Gewijzigd',
  ABANDONED: 'Niet doorgegaan',
}

/** What a piece of evidence is. */
export const evidenceKinds = ['raadsvoorstel', 'raadsinformatiebrief', 'begroting', 'jaarrekening', 'persbericht', 'other'] as const

/** The limits of editorial input, checked before anything is written (the store's CHECKs hold the same). */
export const editorialLimits = {
  explanationChars: 4000,
  reasonChars: 4000,
  evidenceItems: 20,
  evidenceTitleChars: 300,
  urlChars: 2000,
  nameChars: 100,
} as const

/** Editorial roles, each allowed what the one before may do and more. */
export const roles = ['editor', 'reviewer', 'admin'] as const

/**
 * What each status means, in Dutch: on the site's status page, in the
 * vocabulary and in every progress report, so a reader and an editor read a
 * status the same way.
 */
export const progressStatusDefinitions: Record<ProgressStatus, string> = {
  NOT_ASSESSED: 'De gemeente heeft de voortgang van deze afspraak nog niet beoordeeld en gepubliceerd. Dit zegt niets over de uitvoering zelf.',
  NOT_STARTED: 'Aan deze afspraak is nog niet begonnen. De afspraak staat nog; de toelichting zegt wanneer het werk begint, als dat bekend is.',
  IN_PROGRESS: 'Er wordt aan deze afspraak gewerkt. Loopt het niet volgens plan (vertraging, meer kosten, een tegenvaller), dan zegt de toelichting wat er speelt.',
  PARTLY_ACHIEVED: 'Een deel van wat is afgesproken is bereikt, een deel (nog) niet. De toelichting zegt welk deel.',
  ACHIEVED: 'Wat is afgesproken is bereikt. De bron laat zien waaruit dat blijkt.',
  CHANGED: 'De afspraak wordt anders uitgevoerd dan in het akkoord staat, na een besluit van het college of de raad. De toelichting zegt wat er veranderd is en waarom.',
  ABANDONED: 'Het college of de raad heeft besloten deze afspraak niet uit te voeren. De toelichting zegt waarom.',
}
