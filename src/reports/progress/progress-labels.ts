import { progressStatusLabels, type ProgressStatus } from '../../editorial/progress-vocabulary.js'

/**
 * How a status is shown: a Dutch label (always printed, so colour is never the
 * only signal) and a colour that white text reads on at WCAG AA (4.5:1).
 */
export const statusStyles: Record<ProgressStatus, { label: string; colour: string }> = {
  NOT_ASSESSED: { label: progressStatusLabels.NOT_ASSESSED, colour: '#5E5E5E' },
  NOT_STARTED: { label: progressStatusLabels.NOT_STARTED, colour: '#8A4500' },
  IN_PROGRESS: { label: progressStatusLabels.IN_PROGRESS, colour: '#0B5A9E' },
  PARTLY_ACHIEVED: { label: progressStatusLabels.PARTLY_ACHIEVED, colour: '#4F6B12' },
  ACHIEVED: { label: progressStatusLabels.ACHIEVED, colour: '#1B6E35' },
  CHANGED: { label: progressStatusLabels.CHANGED, colour: '#6A3D9A' },
  ABANDONED: { label: progressStatusLabels.ABANDONED, colour: '#A4152C' },
}

/** The Dutch label of a status. */
export const statusLabel = (status: ProgressStatus): string => statusStyles[status].label

const evidenceKindLabels: Record<string, string> = {
  raadsvoorstel: 'Raadsvoorstel',
  raadsinformatiebrief: 'Raadsinformatiebrief',
  begroting: 'Begroting',
  jaarrekening: 'Jaarrekening',
  persbericht: 'Persbericht',
  other: 'Overig',
}

/** The Dutch label of a kind of evidence; an unknown kind is shown as it is stored. */
export const evidenceKindLabel = (kind: string): string => evidenceKindLabels[kind] ?? kind

/** The CSS class of a status badge: "status-in-progress". */
export const statusClass = (status: ProgressStatus): string => `status-${status.toLowerCase().replace(/_/g, '-')}`

/** "2026-01-15T10:00:00.000Z" or "2026-01-15" → the date part, for formatDate. */
export const datePart = (timestamp: string): string => timestamp.slice(0, 10)

/** A measured value in Dutch notation: 1850 → "1.850", 2.5 → "2,5". */
export const formatMeasurement = (value: number): string => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 }).format(value)
