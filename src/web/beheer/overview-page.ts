import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import { workColumns, type ActionWork, type WorkColumn } from '../../editorial/round-work.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { formatDate } from '../../reports/dutch-text.js'
import { html, type SafeHtml } from '../html.js'
import { beheerPaths } from './beheer-paths.js'
import { searchForm } from './beheer-search.js'

const columnLabels: Record<WorkColumn, string> = {
  notAssessed: 'Niet beoordeeld', awaitingReview: 'Ter beoordeling', sentBack: 'Teruggestuurd', publishedInRound: 'Gepubliceerd in ronde', overdue: 'Te laat',
}

/** A group of the overview: a theme or an alderman, with its actions. */
interface Group {
  label: string
  actions: readonly ActionView[]
}

/** The groups of the overview: per theme (the governance actions apart) or per alderman. */
function overviewGroups(view: AgreementView, per: 'thema' | 'wethouder'): Group[] {
  if (per === 'wethouder') return view.portfolios.map((p) => ({ label: p.holder.name, actions: view.actions.filter((a) => a.portfolios.includes(p)) }))
  const themed = view.themes.map((t) => ({ label: t.theme.name, actions: view.actions.filter((a) => a.action.themeId === t.theme.id) }))
  const other = view.actions.filter((a) => a.action.themeId === null)
  return other.length > 0 ? [...themed, { label: 'Bestuursstijl', actions: other }] : themed
}

/**
 * What is left to do, per theme or per alderman: how many actions are not
 * assessed, wait for review, were sent back, are published in the round, and
 * are overdue against its closing date.
 */
export function overviewPage(view: AgreementView, per: 'thema' | 'wethouder', round: ReportingRound | null, work: Map<string, ActionWork>): SafeHtml {
  const groups = overviewGroups(view, per)
  const count = (actions: readonly ActionView[], column: WorkColumn) => actions.filter((a) => work.get(a.action.slug)?.[column]).length
  return html`<h1>Overzicht${round ? html`: ${round.name}` : ''}</h1>
<p class="lead">${round ? `Peildatum ${formatDate(round.peildatum)}; ${round.closedAt ? 'de ronde is gesloten' : `de ronde sluit op ${formatDate(round.closesOn)}`}.`
    : html`Er is geen open ronde. <a href="${beheerPaths.rounds}">Naar de rondes</a>.`}</p>
${searchForm()}
<p>Per: ${per === 'thema' ? html`<strong>thema</strong> · <a href="${beheerPaths.overview}?per=wethouder${round ? `&ronde=${round.slug}` : ''}">wethouder</a>`
    : html`<a href="${beheerPaths.overview}?per=thema${round ? `&ronde=${round.slug}` : ''}">thema</a> · <strong>wethouder</strong>`}</p>
<div class="table-scroll" role="region" aria-labelledby="overzicht-titel" tabindex="0"><table>
<caption id="overzicht-titel">Afspraken per ${per === 'thema' ? 'thema' : 'wethouder'} en hoe ver ze zijn</caption>
<thead><tr><th scope="col">${per === 'thema' ? 'Thema' : 'Wethouder'}</th><th scope="col" class="amount">Afspraken</th>${workColumns.map((c) => html`<th scope="col" class="amount">${columnLabels[c]}</th>`)}</tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${g.label}</th><td class="amount">${g.actions.length}</td>${workColumns.map((c) => html`<td class="amount">${count(g.actions, c)}</td>`)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">Totaal</th><td class="amount">${view.actions.length}</td>${workColumns.map((c) => html`<td class="amount">${count(view.actions, c)}</td>`)}</tr></tfoot>
</table></div>`
}

/** An editor's own list: the actions assigned to them, each with where it stands. */
export function myListPage(view: AgreementView, slugs: readonly string[], work: Map<string, ActionWork>, name: string): SafeHtml {
  const mine = view.actions.filter((a) => slugs.includes(a.action.slug))
  const state = (w: ActionWork | undefined) => workColumns.filter((c) => w?.[c]).map((c) => columnLabels[c]).join(', ') || 'Beoordeeld'
  return html`<h1>Mijn lijst</h1>
<p class="lead">${mine.length === 0 ? `Er zijn nog geen afspraken aan ${name} toegewezen.` : `${mine.length === 1 ? '1 afspraak is' : `${mine.length} afspraken zijn`} aan ${name} toegewezen.`}</p>
${mine.length > 0 ? html`<ul class="action-list">${mine.map((a) => html`<li><a href="${beheerPaths.action(a.action.slug)}">${a.action.text}</a>
<span class="meta">${state(work.get(a.action.slug))}</span></li>`)}</ul>` : ''}`
}
