import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { distinctCommitments } from '../../read-model/canonical-action.js'
import { summarizeCommitments } from '../../read-model/commitment-summary.js'
import { formatDate } from '../../reports/dutch-text.js'
import { commitmentsNote } from '../../reports/progress/commitments-note.js'
import { statusLabel } from '../../reports/progress/progress-labels.js'
import { subjectActions } from '../../reports/progress/subject-actions.js'
import { html, type SafeHtml } from '../html.js'
import { statusBadge } from '../progress/progress-blocks.js'
import { shortTitle } from '../search-hits.js'
import { webPaths } from '../web-paths.js'

/** What the progress page shows: a round's picture, the round (null: what is published now, outside any round), and the rounds to choose from. */
export interface ProgressPageInput {
  view: AgreementView
  progress: ProgressSnapshot
  round: ReportingRound | null
  /**
   * Every round, to choose from: only on the latest picture's page. A round's
   * own page links there instead, so a closed round's page stays the same
   * when later rounds open.
   */
  rounds: readonly ReportingRound[] | null
}

/** "Voortgang": one round's picture counted per commitment, per status and per theme, its assessed commitments, and the rounds. */
export function progressPage({ view, progress, round, rounds }: ProgressPageInput): SafeHtml {
  const commitments = distinctCommitments(view.actions)
  const count = (actions: readonly ActionView[]) => summarizeCommitments(progress, actions)
  const whole = count(view.actions)
  const total = whole.counts
  const columns = progressStatuses.filter((s) => total[s] > 0)
  const themes = [...view.themes.map((t) => ({ name: t.theme.name, href: webPaths.theme(t.theme.slug), actions: subjectActions(view, 'theme', t.theme.slug)! })),
    { name: 'Bestuursstijl', href: null, actions: view.actions.filter((a) => a.action.themeId === null) }].filter((t) => t.actions.length > 0)
  const assessed = commitments.filter((a) => progress.statusOf(a.action.slug) !== 'NOT_ASSESSED')
  const cells = (summary: Record<ProgressStatus, number>) => html`${columns.map((s) => html`<td class="amount">${summary[s]}</td>`)}`
  return html`<h1>Voortgang${round ? html`: ${round.name}` : ''}</h1>
${lead(round)}
<h2 id="per-status">Per status</h2>
<div class="table-scroll"><table class="progress-counts">
  <caption>Aantal toezeggingen per status${round ? `, peildatum ${formatDate(round.peildatum)}` : ''}</caption>
  <thead><tr><th scope="col">Status</th><th scope="col" class="amount">Toezeggingen</th></tr></thead>
  <tbody>${progressStatuses.map((s) => html`<tr><th scope="row">${statusBadge(s)}</th><td class="amount">${total[s]}</td></tr>`)}</tbody>
  <tfoot><tr><th scope="row">Totaal</th><td class="amount">${whole.commitments}</td></tr></tfoot>
</table></div>
<p class="meta">${commitmentsNote(whole) ?? ''}
<a href="${webPaths.statuses}">Wat de statussen betekenen</a></p>
<h2 id="per-thema">Per thema</h2>
<div class="table-scroll"><table>
  <caption>Aantal toezeggingen per thema en status</caption>
  <thead><tr><th scope="col">Thema</th>${columns.map((s) => html`<th scope="col" class="amount">${statusLabel(s)}</th>`)}<th scope="col" class="amount">Totaal</th></tr></thead>
  <tbody>${themes.map((t) => ({ ...t, summary: count(t.actions) })).map((t) => html`<tr><th scope="row">${t.href ? html`<a href="${t.href}">${t.name}</a>` : t.name}</th>${cells(t.summary.counts)}<td class="amount">${t.summary.commitments}</td></tr>`)}</tbody>
  <tfoot><tr><th scope="row">Totaal</th>${cells(total)}<td class="amount">${whole.commitments}</td></tr></tfoot>
</table></div>
<p class="meta">Een toezegging die in meer thema's staat, telt bij elk ervan; het totaal telt haar één keer.</p>
<h2 id="beoordeeld">Beoordeelde toezeggingen (${assessed.length})</h2>
${assessed.length === 0 ? html`<p>Van geen enkele toezegging is de voortgang ${round ? 'in deze ronde' : ''} beoordeeld.</p>`
    : html`<ul class="action-list">${assessed.map((a) => html`<li>${statusBadge(progress.statusOf(a.action.slug))}
  <a href="${webPaths.action(a.action.slug)}">${shortTitle(a.action.text, 160)}</a></li>`)}</ul>`}
${rounds ? roundList(rounds, round) : html`<p><a href="${webPaths.progress}#rondes">Alle rondes en de laatste stand</a></p>`}`
}

/** Which round and peildatum the page shows, and whether it can still change. */
function lead(round: ReportingRound | null): SafeHtml {
  if (!round) return html`<p class="lead round-shown">Wat nu gepubliceerd is, buiten een rapportageronde. De stand kan nog veranderen.</p>`
  return html`<p class="lead round-shown">Stand per peildatum <strong>${formatDate(round.peildatum)}</strong> (${round.name}).
${round.closedAt ? `Deze ronde is gesloten op ${formatDate(round.closedAt.slice(0, 10))}: deze stand verandert niet meer.`
    : `Deze ronde loopt tot ${formatDate(round.closesOn)}: de stand kan nog veranderen.`}</p>`
}

/** The rounds as links, the latest peildatum first; the one shown is marked as the current page. */
function roundList(rounds: readonly ReportingRound[], shown: ReportingRound | null): SafeHtml {
  if (rounds.length === 0) return html``
  return html`<nav aria-labelledby="rondes"><h2 id="rondes">Kies een ronde</h2>
<ul class="round-list">${rounds.map((r) => html`<li><a href="${webPaths.round(r.slug)}"${r.id === shown?.id ? html` aria-current="true"` : ''}>${r.name}</a>${r.id === shown?.id ? ' (hierboven getoond)' : ''}
  <span class="meta">peildatum ${formatDate(r.peildatum)}${r.closedAt ? '' : ', loopt nog'}</span></li>`)}</ul></nav>`
}
