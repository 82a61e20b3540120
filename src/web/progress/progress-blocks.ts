import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { Evidence, RevisionRecord } from '../../editorial/revision-record.js'
import { formatDate } from '../../reports/dutch-text.js'
import type { ProgressSummary } from '../../editorial/progress-snapshot.js'
import type { CommitmentSummary } from '../../read-model/commitment-summary.js'
import { commitmentsNote } from '../../reports/progress/commitments-note.js'
import { datePart, evidenceKindLabel, statusClass, statusLabel } from '../../reports/progress/progress-labels.js'
import type { ReportTheme } from '../../reports/report-theme.js'
import { html, SafeHtml } from '../html.js'
import { statusChartSvg } from './status-chart-svg.js'

/** A status as a badge: its label in text on its colour. */
export function statusBadge(status: ProgressStatus): SafeHtml {
  return html`<span class="status ${statusClass(status)}">${statusLabel(status)}</span>`
}

/** Where the summary sits and where its "all actions" link goes. */
export interface SummaryOptions {
  /** Unique id prefix in the page, for the chart's title and description. */
  id: string
  /** The filtered action list, without the status parameter. */
  listHref: string
}

/**
 * Commitments per status with a chart and the counts as a table, or, while
 * none of them has a published assessment, a plain sentence saying so instead
 * of an empty chart. The links lead to the sentences ("afspraken"): where they
 * outnumber the commitments, a note says how they are counted.
 */
export function progressSummaryBlock(summary: CommitmentSummary<ProgressSummary>, theme: ReportTheme, options: SummaryOptions): SafeHtml {
  const { counts, commitments } = summary
  const note = commitmentsNote(summary)
  const noted = note ? html`<p class="meta">${note}</p>` : ''
  if (counts.NOT_ASSESSED === commitments) {
    return html`<p class="no-progress">Van ${commitments === 1 ? 'de ene toezegging' : `de ${commitments} toezeggingen`} is de voortgang nog niet beoordeeld.
Zodra de gemeente de voortgang van een toezegging beoordeelt en publiceert, staat die hier, met de bronnen erbij.</p>
${noted}<p><a href="${options.listHref}">Alle afspraken op een rij</a></p>`
  }
  const separator = options.listHref.includes('?') ? '&' : '?'
  return html`<figure class="chart progress-chart" tabindex="0" aria-label="Voortgang per status">${new SafeHtml(statusChartSvg(counts, theme, options.id))}</figure>
<div class="table-scroll"><table class="progress-counts">
  <caption>Aantal toezeggingen per status (gegevens bij de grafiek)</caption>
  <thead><tr><th scope="col">Status</th><th scope="col" class="amount">Toezeggingen</th></tr></thead>
  <tbody>${progressStatuses.map((s) => html`<tr><th scope="row">${counts[s] > 0
    ? html`<a href="${options.listHref}${separator}status=${s}">${statusBadge(s)}</a>` : statusBadge(s)}</th><td class="amount">${counts[s]}</td></tr>`)}</tbody>
  <tfoot><tr><th scope="row">Totaal</th><td class="amount">${commitments}</td></tr></tfoot>
</table></div>
${noted}<p><a href="${options.listHref}">Alle afspraken met hun status</a> · <a href="/statussen">Wat de statussen betekenen</a></p>`
}

/** The evidence of a revision as a list of links with kind and document date. */
export function evidenceList(evidence: readonly Evidence[]): SafeHtml {
  if (evidence.length === 0) return html``
  return html`<ul class="evidence">${evidence.map((e) => html`<li><a href="${e.url}" rel="noopener noreferrer">${e.title}</a>
  <span class="meta">${evidenceKindLabel(e.kind)}${e.documentDate ? `, ${formatDate(e.documentDate)}` : ''}</span></li>`)}</ul>`
}

/** The dates of a published revision: what it describes and when it was published. */
export function revisionDates(revision: RevisionRecord): SafeHtml {
  return html`<p class="meta">${revision.asOf ? `Stand per ${formatDate(revision.asOf)}. ` : ''}${revision.publication
    ? `Gepubliceerd op ${formatDate(datePart(revision.publication.publishedAt))}.` : 'Nog niet gepubliceerd.'}</p>`
}
