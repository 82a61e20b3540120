import { editorialLimits } from '../../editorial/progress-vocabulary.js'
import type { UserError } from '../../editorial/user-error.js'
import { html, type SafeHtml } from '../html.js'

/** A problem with one field of a form, in Dutch, by the id of the field it belongs to. */
export interface FieldError {
  id: string
  message: string
}

/** The Dutch names of the input fields the editorial domain reports on. */
const fieldNames: Record<string, string> = {
  status: 'Status', value: 'Waarde', asOf: 'Stand per', explanation: 'Toelichting', reason: 'Reden',
  title: 'Titel', url: 'Adres', documentDate: 'Datum document', kind: 'Soort document',
}

/** What to do about a refused field, by the field's name (the domain says what is wrong; the screens say it in Dutch). */
const fieldAdvice: Record<string, string> = {
  status: 'Kies een status.',
  value: 'Vul een getal in van 0 of meer, bijvoorbeeld 1850 of 12,5.',
  asOf: 'Vul een bestaande datum in die niet in de toekomst ligt.',
  documentDate: 'Vul een bestaande datum in die niet in de toekomst ligt, of laat het veld leeg.',
  explanation: `Vul een toelichting in van hoogstens ${editorialLimits.explanationChars} tekens, als gewone tekst.`,
  reason: `Vul een reden in van hoogstens ${editorialLimits.reasonChars} tekens, als gewone tekst.`,
  title: `Vul de titel van het document in (hoogstens ${editorialLimits.evidenceTitleChars} tekens).`,
  url: 'Vul het volledige https-adres van het openbare document in (zonder gebruikersnaam of wachtwoord).',
  kind: 'Kies de soort document.',
  evidence: `Geef minstens één bron, met titel, adres en soort (hoogstens ${editorialLimits.evidenceItems}).`,
}

const codeMessages: Record<string, string> = {
  CONFLICT: 'Iemand heeft dit intussen veranderd (een nieuwere versie is vastgelegd of gepubliceerd, of het concept is al afgehandeld). Laad de pagina opnieuw en kijk het na.',
  SAME_AUTHOR: 'U hebt dit concept zelf vastgelegd: een collega beoordeelt het (vier ogen).',
  NOT_FOUND: 'Dit bestaat niet (meer). Kies het opnieuw uit de lijst.',
  NOT_AUTHOR: 'Alleen wie dit concept vastlegde, kan het bewerken. Leg een nieuwe versie vast.',
}

/**
 * The editorial domain's user errors as Dutch messages on the form's fields.
 * `idOf` maps a domain field path ("input", "evidence", "0", "url") to the id
 * of the form control; errors without a control go to `fallbackId`.
 */
export function fieldErrors(errors: readonly UserError[], idOf: (path: readonly string[]) => string | null, fallbackId: string): FieldError[] {
  return errors.map((error) => {
    const path = error.field.slice(1)
    const name = path.at(-1) ?? ''
    const id = idOf(path) ?? fallbackId
    if (error.code !== 'INVALID') return { id, message: codeMessages[error.code] ?? codeMessages.CONFLICT! }
    const evidence = path[0] === 'evidence' && path.length === 3 ? `Bron ${Number(path[1]) + 1}, ${fieldNames[name]?.toLowerCase()}: ` : ''
    return { id, message: `${evidence}${fieldAdvice[name] ?? 'Deze invoer is niet geldig.'}` }
  })
}

/** The summary at the top of a refused form: a heading and a link to every field with a problem. */
export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``
  return html`<div class="error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1">
<h2 id="fouten-titel">Er ${errors.length === 1 ? 'is 1 probleem' : `zijn ${errors.length} problemen`}; er is niets opgeslagen</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.id}">${e.message}</a></li>`)}</ul>
</div>`
}

/** The messages of one field, shown next to it (its id is the control's id plus "-fout"). */
export function errorsAt(errors: readonly FieldError[], id: string): SafeHtml {
  const own = errors.filter((e) => e.id === id)
  return own.length === 0 ? html`` : html`<p class="field-error" id="${id}-fout">${own.map((e, i) => html`${i > 0 ? ' ' : ''}<span>Fout: ${e.message}</span>`)}</p>`
}

/** The ARIA attributes of a control with or without errors. */
export function invalidAttributes(errors: readonly FieldError[], id: string, hint?: string): SafeHtml {
  const invalid = errors.some((e) => e.id === id)
  const described = [hint, invalid ? `${id}-fout` : null].filter(Boolean).join(' ')
  return html`${invalid ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}`
}
