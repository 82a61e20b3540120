import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { ReviewComment } from '../../editorial/review-comments.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import { formatDate } from '../../reports/dutch-text.js'
import { datePart, formatMeasurement, statusLabel } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { explanationHtml } from '../progress/explanation-html.js'

function what(revision: RevisionRecord, unit: string | null): string {
  if (revision.kind === 'retraction') return 'Intrekking'
  if (revision.kind === 'measurement') return `${formatMeasurement(revision.value ?? 0)}${unit ? ` ${unit}` : ''}`
  return statusLabel(revision.status as ProgressStatus)
}

const sources = (r: RevisionRecord) => r.evidence.map((e) => `${e.title} (${e.url})`).join('; ')

/**
 * What a draft changes against the published version, field by field: the
 * reviewer sees what will be different on the public site, not two texts to
 * compare by eye. Without a published version, everything is new.
 */
export function reviewDiff(draft: RevisionRecord, published: RevisionRecord | null, unit: string | null): SafeHtml {
  if (!published) return html`<p class="diff-note">Er is nog niets gepubliceerd over dit onderwerp: alles in dit concept is nieuw.</p>`
  const rows: [string, string, string, SafeHtml | null, SafeHtml | null][] = [
    ['Status of waarde', what(published, unit), what(draft, unit), null, null],
    ['Stand per', published.asOf ? formatDate(published.asOf) : '', draft.asOf ? formatDate(draft.asOf) : '', null, null],
    ['Toelichting', published.explanation, draft.explanation, explanationHtml(published.explanation), explanationHtml(draft.explanation)],
    ['Bronnen', sources(published), sources(draft), null, null],
  ]
  return html`<div class="table-scroll"><table class="review-diff">
<caption>Wat dit concept verandert ten opzichte van de gepubliceerde versie ${String(published.revision)}</caption>
<thead><tr><th scope="col">Onderdeel</th><th scope="col">Gepubliceerd</th><th scope="col">Concept</th></tr></thead>
<tbody>${rows.map(([label, before, after, beforeHtml, afterHtml]) => html`<tr${before === after ? '' : html` class="changed"`}><th scope="row">${label}${before === after ? html`<br><span class="meta">ongewijzigd</span>` : html`<br><strong>gewijzigd</strong>`}</th>
<td>${beforeHtml ?? before}</td><td>${afterHtml ?? after}</td></tr>`)}</tbody>
</table></div>`
}

/** The reviewers' comments on a draft, for its author and other reviewers. */
export function reviewComments(comments: readonly ReviewComment[] | undefined): SafeHtml {
  if (!comments || comments.length === 0) return html``
  return html`<ul class="comments">${comments.map((c) => html`<li><strong>Opmerking van ${c.reviewerName}</strong> (${formatDate(datePart(c.createdAt))}): ${c.comment}</li>`)}</ul>`
}
