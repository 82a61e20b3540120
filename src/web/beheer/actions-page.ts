import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses } from '../../editorial/progress-vocabulary.js'
import type { AgreementView } from '../../read-model/agreement-view.js'
import { statusLabel } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { actionContext } from '../pages/action-page.js'
import { filterActions, type ActionFilters } from '../pages/actions-list-page.js'
import { statusBadge } from '../progress/progress-blocks.js'
import { beheerPaths } from './beheer-paths.js'
import { searchActions, searchFields, type BeheerSearch } from './beheer-search.js'
import { selectField } from './form-controls.js'

/**
 * The editors' list: every action with its published status and its open
 * drafts, filterable by theme, alderman and status with a plain GET form
 * (the public list's filters, so both lists agree), and searchable by words
 * and by assignee (src/web/beheer/beheer-search.ts).
 */
export function beheerActionsPage(view: AgreementView, filters: ActionFilters, progress: ProgressSnapshot, openDrafts: Map<string, number>,
  search: BeheerSearch = { text: '', assignee: '' }, assignees: Map<string, string> = new Map(), accounts: readonly string[] = []): SafeHtml {
  const actions = searchActions(view, filterActions(view, filters, progress), search, progress, assignees)
  const values = { thema: filters.thema ?? '', wethouder: filters.wethouder ?? '', status: filters.status ?? '' }
  return html`<h1>Afspraken beheren</h1>
<p class="lead">Kies een afspraak om de voortgang vast te leggen. De status is wat nu op de openbare site staat; concepten wachten op een beoordelaar.</p>
<form class="filters" method="get" action="${beheerPaths.actions}">
<fieldset><legend>Zoeken en filteren</legend>
${searchFields(search, accounts)}
${selectField('thema', 'Thema', view.themes.map((t) => ({ value: t.theme.slug, label: t.theme.name })), values, [], false, 'Alle')}
${selectField('wethouder', 'Wethouder', view.portfolios.map((p) => ({ value: p.portfolio.slug, label: p.holder.name })), values, [], false, 'Alle')}
${selectField('status', 'Status', progressStatuses.map((s) => ({ value: s, label: statusLabel(s) })), values, [], false, 'Alle')}
<button type="submit">Toon afspraken</button>
</fieldset>
</form>
<h2 id="resultaat">${actions.length === 1 ? '1 afspraak' : `${actions.length} afspraken`}${search.text ? html` met “${search.text}”` : ''}</h2>
${actions.length === 0 ? html`<p>Geen afspraken met deze keuze. <a href="${beheerPaths.actions}">Toon alle afspraken</a>.</p>` : html`<ul class="action-list">${actions.map((a) => {
    const { theme } = actionContext(view, a)
    const drafts = openDrafts.get(a.action.slug) ?? 0
    const assignee = assignees.get(a.action.slug)
    return html`<li>${statusBadge(progress.statusOf(a.action.slug))} <a href="${beheerPaths.action(a.action.slug)}">${a.action.text}</a>
  <span class="meta">nr. ${String(a.action.id)} · ${theme ? theme.theme.name : 'Bestuursstijl'}${assignee ? html` · ${assignee}` : ''}${drafts > 0 ? html` · <strong>${drafts === 1 ? '1 concept' : `${drafts} concepten`}</strong>` : ''}</span></li>`
  })}</ul>`}`
}
