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
