import { dutchDate } from '../../editorial/dutch-input.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { FormValues } from './form-controls.js'
import { evidenceRows } from './revision-form.js'

/**
 * The record form filled in from a revision (the published one, or the
 * editor's own draft): a correction starts from what stands, not from an
 * empty form. Numbers and dates are written the Dutch way, as typed.
 */
export function revisionFormValues(revision: RevisionRecord | null | undefined): FormValues {
  if (!revision || revision.kind === 'retraction') return {}
  const values: FormValues = { explanation: revision.explanation }
  if (revision.status) values.status = revision.status
  if (revision.value !== null) values.value = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 }).format(revision.value)
  if (revision.asOf) values.asOf = dutchDate(revision.asOf)
  revision.evidence.slice(0, evidenceRows).forEach((e, row) => {
    values[`evidence-${row}-title`] = e.title
    values[`evidence-${row}-url`] = e.url
    values[`evidence-${row}-kind`] = e.kind
    if (e.documentDate) values[`evidence-${row}-documentDate`] = dutchDate(e.documentDate)
  })
  return values
}
