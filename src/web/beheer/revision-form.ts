import { evidenceKinds, recordedStatuses, type RecordedStatus } from '../../editorial/progress-vocabulary.js'
import { readDutchDate, readDutchNumber } from '../../editorial/dutch-input.js'
import type { EvidenceInput } from '../../editorial/validate-revision.js'
import type { UserError } from '../../editorial/user-error.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import { evidenceKindLabel, statusLabel } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { csrfField } from './beheer-layout.js'
import { errorsAt, errorSummary, fieldErrors, invalidAttributes, type FieldError } from './form-errors.js'
import { selectField, textField, type FormValues } from './form-controls.js'

/** Evidence rows the form offers; rows left empty are skipped. */
export const evidenceRows = 3

/** A record form read into the editorial domain's input, and where each evidence item came from in the form. */
export interface ParsedRevisionForm {
  asOf: string
  explanation: string
  evidence: EvidenceInput[]
  /** The form row of each evidence item (rows left empty are skipped). */
  rows: number[]
  expectedRevision: number | null
  status: string
  value: number
  /** What could not be read the Dutch way (a number, a date), by form field: shown instead of the domain's message on that field. */
  readErrors: FieldError[]
}

/**
 * Reads a posted record form. Nothing is checked here but the shape: the
 * editorial domain validates, so the screens and the API refuse alike.
 * Numbers and dates are read the Dutch way ("1.850" is 1850, "31-12-2025" a
 * date); what cannot be read so becomes NaN or stays as typed, which the domain
 * refuses, and `readErrors` says why in Dutch.
 */
export function parseRevisionForm(form: URLSearchParams, record: RecordKind['kind'] = 'assessment'): ParsedRevisionForm {
  const text = (name: string) => form.get(name) ?? ''
  const readErrors: FieldError[] = []
  const date = (id: string): string => {
    const typed = text(id).trim()
    const reading = readDutchDate(typed)
    if (reading.ok) return reading.value
    if (typed !== '' || id === 'asOf') readErrors.push({ id, message: reading.message })
    return typed
  }
  const evidence: EvidenceInput[] = []
  const rows: number[] = []
  for (let row = 0; row < evidenceRows; row += 1) {
    const item = { title: text(`evidence-${row}-title`), url: text(`evidence-${row}-url`), documentDate: text(`evidence-${row}-documentDate`).trim() ? date(`evidence-${row}-documentDate`) : null, kind: text(`evidence-${row}-kind`) }
    if (!item.title.trim() && !item.url.trim() && !item.documentDate && !item.kind) continue
    evidence.push(item)
    rows.push(row)
  }
  const expected = text('expectedRevision')
  const value = record === 'measurement' ? readDutchNumber(text('value')) : { ok: false as const, message: '' }
  if (!value.ok && record === 'measurement') readErrors.push({ id: 'value', message: value.message })
  return {
    asOf: date('asOf'), explanation: text('explanation'), evidence, rows, status: text('status'),
    expectedRevision: /^\d{1,9}$/.test(expected) ? Number(expected) : null,
    value: value.ok ? value.value : Number.NaN, readErrors,
  }
}

/** The domain's errors on a record form's fields; on a field that could not be read the Dutch way, the reading's message instead. */
export function revisionFormErrors(errors: readonly UserError[], parsed: Pick<ParsedRevisionForm, 'rows' | 'readErrors'>, subjectField: 'status' | 'value'): FieldError[] {
  const domain = fieldErrors(errors, (path) => {
    if (path[0] === 'evidence') return path.length === 3 ? `evidence-${parsed.rows[Number(path[1])] ?? 0}-${path[2]}` : 'evidence-0-title'
    return ['status', 'value', 'asOf', 'explanation'].includes(path[0] ?? '') ? path[0]! : null
  }, subjectField)
  const read = new Set(parsed.readErrors.map((e) => e.id))
  return [...parsed.readErrors, ...domain.filter((e) => !read.has(e.id))]
}

/** What the form records: a status of an action, or a measured value of a target (with its unit). */
export type RecordKind = { kind: 'assessment' } | { kind: 'measurement'; unit: string | null }

/**
 * The form that records a draft: a status or value, the date it describes, an
 * explanation and up to three sources. After a refusal it shows what was sent
 * with the problems next to the fields and a summary at the top.
 */
export function revisionForm(options: { action: string; csrfToken: string; record: RecordKind; latestRevision: number; values: FormValues; errors: readonly FieldError[]; editing?: RevisionRecord | undefined }): SafeHtml {
  const { values, errors, record, editing } = options
  const edits = values.bewerkt ?? (editing ? String(editing.id) : '')
  return html`<form class="record-form" method="post" action="${options.action}" novalidate>
${errorSummary(errors)}
${csrfField(options.csrfToken)}
<input type="hidden" name="expectedRevision" value="${values.expectedRevision ?? String(options.latestRevision)}">
${edits ? html`<input type="hidden" name="bewerkt" value="${edits}">
<p class="note">U bewerkt uw concept${editing ? ` (versie ${editing.revision})` : ''}. Het formulier begint met wat erin staat; wat u opslaat vervangt het concept, tot een beoordelaar het heeft gepubliceerd of teruggestuurd. De geschiedenis bewaart beide versies.</p>` : ''}
${record.kind === 'assessment'
    ? selectField('status', 'Status', recordedStatuses.map((s: RecordedStatus) => ({ value: s, label: statusLabel(s) })), values, errors, true)
    : textField('value', `Bereikte waarde${record.unit ? ` (${record.unit})` : ''}`, values, errors, { hint: 'Een getal, bijvoorbeeld 1.850 of 12,5 (punt voor duizendtallen, komma voor decimalen).', required: true, inputmode: 'decimal' })}
${textField('asOf', 'Stand per', values, errors, { hint: 'De datum die dit beschrijft (niet in de toekomst), dag-maand-jaar: 31-12-2025.', required: true })}
<div class="field${errors.some((e) => e.id === 'explanation') ? ' has-error' : ''}"><label for="explanation">Toelichting</label>
<p class="hint" id="explanation-hint">Gewone tekst voor de lezer van de site: wat is er gebeurd, en waar blijkt dat uit?</p>${errorsAt(errors, 'explanation')}
<textarea id="explanation" name="explanation" rows="5" required${invalidAttributes(errors, 'explanation', 'explanation-hint')}>${values.explanation ?? ''}</textarea></div>
${Array.from({ length: evidenceRows }, (_, row) => html`<fieldset class="evidence-row"><legend>Bron ${row + 1}${row === 0 ? ' (verplicht)' : ' (als er meer zijn)'}</legend>
${textField(`evidence-${row}-title`, 'Titel', values, errors, { required: row === 0 })}
${textField(`evidence-${row}-url`, 'Adres (https)', values, errors, { type: 'url', required: row === 0 })}
${textField(`evidence-${row}-documentDate`, 'Datum document', values, errors, { hint: 'Dag-maand-jaar, of leeg.' })}
${selectField(`evidence-${row}-kind`, 'Soort document', evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabel(k) })), values, errors, row === 0)}
</fieldset>`)}
<p class="note">Wat u vastlegt is een concept. Het komt op de openbare site zodra een collega-beoordelaar het publiceert.</p>
<button type="submit">${edits ? 'Concept bijwerken' : 'Opslaan als concept'}</button>
</form>`
}
