import { evidenceKinds, recordedStatuses, type RecordedStatus } from '../../editorial/progress-vocabulary.js'
import type { EvidenceInput } from '../../editorial/validate-revision.js'
import type { UserError } from '../../editorial/user-error.js'
import { evidenceKindLabel, statusLabel } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { csrfField } from './beheer-layout.js'
import { errorsAt, errorSummary, fieldErrors, invalidAttributes, type FieldError } from './form-errors.js'
import { selectField, textField, type FormValues } from './form-controls.js'

/** Evidence rows the form offers; rows left empty are skipped. */
const evidenceRows = 3

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
}

/**
 * Reads a posted record form. Nothing is checked here but the shape: the
 * editorial domain validates, so the screens and the API refuse alike.
 * A value may use a decimal comma ("12,5"); a number that does not parse
 * becomes NaN, which the domain refuses.
 */
export function parseRevisionForm(form: URLSearchParams): ParsedRevisionForm {
  const text = (name: string) => form.get(name) ?? ''
  const evidence: EvidenceInput[] = []
  const rows: number[] = []
  for (let row = 0; row < evidenceRows; row += 1) {
    const item = { title: text(`evidence-${row}-title`), url: text(`evidence-${row}-url`), documentDate: text(`evidence-${row}-documentDate`).trim() || null, kind: text(`evidence-${row}-kind`) }
    if (!item.title.trim() && !item.url.trim() && !item.documentDate && !item.kind) continue
    evidence.push(item)
    rows.push(row)
  }
  const expected = text('expectedRevision')
  const value = text('value').trim().replace(/\s/g, '')
  return {
    asOf: text('asOf').trim(), explanation: text('explanation'), evidence, rows, status: text('status'),
    expectedRevision: /^\d{1,9}$/.test(expected) ? Number(expected) : null,
    value: /^\d+([.,]\d+)?$/.test(value) ? Number(value.replace(',', '.')) : Number.NaN,
  }
}

/** The domain's errors on a record form's fields. */
export function revisionFormErrors(errors: readonly UserError[], rows: readonly number[], subjectField: 'status' | 'value'): FieldError[] {
  return fieldErrors(errors, (path) => {
    if (path[0] === 'evidence') return path.length === 3 ? `evidence-${rows[Number(path[1])] ?? 0}-${path[2]}` : 'evidence-0-title'
    return ['status', 'value', 'asOf', 'explanation'].includes(path[0] ?? '') ? path[0]! : null
  }, subjectField)
}

/** What the form records: a status of an action, or a measured value of a target (with its unit). */
export type RecordKind = { kind: 'assessment' } | { kind: 'measurement'; unit: string | null }

/**
 * The form that records a draft: a status or value, the date it describes, an
 * explanation and up to three sources. After a refusal it shows what was sent
 * with the problems next to the fields and a summary at the top.
 */
export function revisionForm(options: { action: string; csrfToken: string; record: RecordKind; latestRevision: number; values: FormValues; errors: readonly FieldError[] }): SafeHtml {
  const { values, errors, record } = options
  return html`<form class="record-form" method="post" action="${options.action}" novalidate>
${errorSummary(errors)}
${csrfField(options.csrfToken)}
<input type="hidden" name="expectedRevision" value="${values.expectedRevision ?? String(options.latestRevision)}">
${record.kind === 'assessment'
    ? selectField('status', 'Status', recordedStatuses.map((s: RecordedStatus) => ({ value: s, label: statusLabel(s) })), values, errors, true)
    : textField('value', `Bereikte waarde${record.unit ? ` (${record.unit})` : ''}`, values, errors, { hint: 'Een getal, bijvoorbeeld 1850 of 12,5.', required: true, inputmode: 'decimal' })}
${textField('asOf', 'Stand per', values, errors, { type: 'date', hint: 'De datum die dit beschrijft (niet in de toekomst).', required: true })}
<div class="field${errors.some((e) => e.id === 'explanation') ? ' has-error' : ''}"><label for="explanation">Toelichting</label>
<p class="hint" id="explanation-hint">Gewone tekst voor de lezer van de site: wat is er gebeurd, en waar blijkt dat uit?</p>${errorsAt(errors, 'explanation')}
<textarea id="explanation" name="explanation" rows="5" required${invalidAttributes(errors, 'explanation', 'explanation-hint')}>${values.explanation ?? ''}</textarea></div>
${Array.from({ length: evidenceRows }, (_, row) => html`<fieldset class="evidence-row"><legend>Bron ${row + 1}${row === 0 ? ' (verplicht)' : ' (als er meer zijn)'}</legend>
${textField(`evidence-${row}-title`, 'Titel', values, errors, { required: row === 0 })}
${textField(`evidence-${row}-url`, 'Adres (https)', values, errors, { type: 'url', required: row === 0 })}
${textField(`evidence-${row}-documentDate`, 'Datum document', values, errors, { type: 'date' })}
${selectField(`evidence-${row}-kind`, 'Soort document', evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabel(k) })), values, errors, row === 0)}
</fieldset>`)}
<p class="note">Wat u vastlegt is een concept. Het komt op de openbare site zodra een collega-beoordelaar het publiceert.</p>
<button type="submit">Opslaan als concept</button>
</form>`
}
