import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import { formatDate } from '../../reports/dutch-text.js'
import { datePart } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { csrfField } from './beheer-layout.js'
import { beheerPaths } from './beheer-paths.js'
import { errorSummary, type FieldError } from './form-errors.js'
import { textField, type FormValues } from './form-controls.js'

/** The rounds page: every round with its dates and state; an administrator opens and closes them here. */
export function roundsPage(rounds: readonly ReportingRound[], options: { admin: boolean; csrfToken: string; values: FormValues; errors: readonly FieldError[]; notice: string | null }): SafeHtml {
  const open = rounds.find((r) => r.closedAt === null)
  return html`<h1>Rapportagerondes</h1>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${errorSummary(options.errors)}
<p class="lead">Een ronde heeft een naam en een peildatum. Wat in een open ronde wordt vastgelegd en gepubliceerd, hoort bij die ronde;
een gesloten ronde verandert nooit meer. Een correctie komt in een nieuwe ronde.</p>
${rounds.length === 0 ? html`<p>Er is nog geen ronde.</p>` : html`<div class="table-scroll"><table>
<caption>Alle rondes, de nieuwste peildatum eerst</caption>
<thead><tr><th scope="col">Ronde</th><th scope="col">Peildatum</th><th scope="col">Open van</th><th scope="col">Sluit op</th><th scope="col">Stand</th></tr></thead>
<tbody>${rounds.map((r) => html`<tr><th scope="row"><a href="${beheerPaths.overview}?ronde=${r.slug}">${r.name}</a></th><td>${formatDate(r.peildatum)}</td><td>${formatDate(r.opensOn)}</td>
<td>${formatDate(r.closesOn)}</td><td>${r.closedAt ? `Gesloten op ${formatDate(datePart(r.closedAt))}` : 'Open'}</td></tr>`)}</tbody>
</table></div>`}
${options.admin && open ? html`<form method="post" action="${beheerPaths.closeRound(open.slug)}">${csrfField(options.csrfToken)}
<p>Sluit “${open.name}” als alles is beoordeeld. Daarna ligt het beeld van deze ronde vast.</p>
<button type="submit">Ronde “${open.name}” sluiten</button></form>` : ''}
${options.admin && !open ? html`<h2 id="nieuwe-ronde">Nieuwe ronde openen</h2>
<form class="record-form" method="post" action="${beheerPaths.rounds}" novalidate>${csrfField(options.csrfToken)}
${textField('name', 'Naam', options.values, options.errors, { hint: 'Bijvoorbeeld: Voortgangsrapportage 2025.', required: true })}
${textField('peildatum', 'Peildatum', options.values, options.errors, { hint: 'De datum die de rapportage beschrijft, dag-maand-jaar: 31-12-2025.', required: true })}
${textField('opensOn', 'Open vanaf', options.values, options.errors, { hint: 'Dag-maand-jaar.', required: true })}
${textField('closesOn', 'Sluit op', options.values, options.errors, { hint: 'De uiterste datum om alles te beoordelen, dag-maand-jaar.', required: true })}
<button type="submit">Ronde openen</button>
</form>` : ''}`
}
