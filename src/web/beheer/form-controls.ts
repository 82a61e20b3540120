import { html, type SafeHtml } from '../html.js'
import { errorsAt, invalidAttributes, type FieldError } from './form-errors.js'

/** What a form was filled in with, by field name (to show it again after a refusal). */
export type FormValues = Record<string, string>

/** A labelled text input with its hint and its errors next to it. */
export function textField(id: string, label: string, values: FormValues, errors: readonly FieldError[], options: { type?: string; hint?: string; required?: boolean; inputmode?: string } = {}): SafeHtml {
  const hintId = options.hint ? `${id}-hint` : undefined
  return html`<div class="field${errors.some((e) => e.id === id) ? ' has-error' : ''}"><label for="${id}">${label}</label>
${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ''}${errorsAt(errors, id)}
<input id="${id}" name="${id}" type="${options.type ?? 'text'}" value="${values[id] ?? ''}"${options.required ? html` required` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${invalidAttributes(errors, id, hintId)}></div>`
}

/** A labelled choice; the empty option ("Kies…" or "Alle") stands first. */
export function selectField(id: string, label: string, choices: { value: string; label: string }[], values: FormValues, errors: readonly FieldError[], required = false, emptyLabel = 'Kies…'): SafeHtml {
  return html`<div class="field${errors.some((e) => e.id === id) ? ' has-error' : ''}"><label for="${id}">${label}</label>${errorsAt(errors, id)}
<select id="${id}" name="${id}"${required ? html` required` : ''}${invalidAttributes(errors, id)}><option value="">${emptyLabel}</option>${choices.map((c) =>
    html`<option value="${c.value}"${values[id] === c.value ? html` selected` : ''}>${c.label}</option>`)}</select></div>`
}
