import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { statusLabel } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { statusBadge } from '../progress/progress-blocks.js'
import { subjectActions, type ProgressSubjectType } from '../../reports/progress/subject-actions.js'
import { webPaths } from '../web-paths.js'
import { actionContext } from './action-page.js'

/** The filters of the action list, by their query parameter: all optional. */
export interface ActionFilters {
  thema?: string
  wethouder?: string
  wijk?: string
  status?: ProgressStatus
}

const subjectParameters: [keyof ActionFilters & ('thema' | 'wethouder' | 'wijk'), ProgressSubjectType][] = [
  ['thema', 'theme'], ['wethouder', 'portfolio'], ['wijk', 'district'],
]

/**
 * Reads the filters from a query string; a value that names nothing gives an
 * error message for the reader, so a typo is never shown as "no actions".
 */
export function parseActionFilters(view: AgreementView, params: URLSearchParams): { filters: ActionFilters } | { error: string } {
  const filters: ActionFilters = {}
  for (const [name, type] of subjectParameters) {
    const value = params.get(name)
    if (!value) continue
    if (!subjectActions(view, type, value)) return { error: `Er is geen ${name} "${value}".` }
    filters[name] = value
  }
  const status = params.get('status')
  if (status) {
    if (!(progressStatuses as readonly string[]).includes(status)) return { error: `Er is geen status "${status}".` }
    filters.status = status as ProgressStatus
  }
  return { filters }
}

/** The filters as a canonical query string (fixed order), for links and cache keys. */
export function filterQuery(filters: ActionFilters): string {
  const params = new URLSearchParams()
  for (const key of ['thema', 'wethouder', 'wijk', 'status'] as const) if (filters[key]) params.set(key, filters[key]!)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The actions that pass every filter, in agreement order. */
export function filterActions(view: AgreementView, filters: ActionFilters, progress: ProgressSnapshot): ActionView[] {
  let actions = view.actions
  for (const [name, type] of subjectParameters) {
    const value = filters[name]
    if (value) {
      const allowed = new Set(subjectActions(view, type, value))
      actions = actions.filter((a) => allowed.has(a))
    }
  }
  return filters.status ? actions.filter((a) => progress.statusOf(a.action.slug) === filters.status) : actions
}

function select(name: string, label: string, options: { value: string; label: string }[], selected: string | undefined): SafeHtml {
  return html`<div class="field"><label for="filter-${name}">${label}</label>
<select id="filter-${name}" name="${name}"><option value="">Alle</option>${options.map((o) =>
    html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.label}</option>`)}</select></div>`
}

/** Every action with its status, filterable by theme, alderman, district and status with a plain GET form. */
export function actionsListPage(view: AgreementView, filters: ActionFilters, progress: ProgressSnapshot): SafeHtml {
  const actions = filterActions(view, filters, progress)
  return html`
<h1>Afspraken en hun voortgang</h1>
<p class="lead">Alle ${view.actions.length} afspraken van het akkoord met de status van hun voortgang. Kies een thema, wethouder, wijk of status om de lijst te beperken.</p>
<form class="filters" method="get" action="/afspraken">
<fieldset><legend>Filteren</legend>
${select('thema', 'Thema', view.themes.map((t) => ({ value: t.theme.slug, label: t.theme.name })), filters.thema)}
${select('wethouder', 'Wethouder', view.portfolios.map((p) => ({ value: p.portfolio.slug, label: p.holder.name })), filters.wethouder)}
${select('wijk', 'Wijk', view.districts.map((d) => ({ value: d.slug, label: d.name })), filters.wijk)}
${select('status', 'Status', progressStatuses.map((s) => ({ value: s, label: statusLabel(s) })), filters.status)}
<button type="submit">Toon afspraken</button>
</fieldset>
</form>
<h2 id="resultaat">${actions.length === 1 ? '1 afspraak' : `${actions.length} afspraken`}</h2>
${actions.length === 0 ? html`<p>Geen afspraken met deze keuze. <a href="/afspraken">Toon alle afspraken</a>.</p>` : html`<ul class="action-list">${actions.map((a) => {
    const { theme } = actionContext(view, a)
    return html`<li>${statusBadge(progress.statusOf(a.action.slug))} <a href="${webPaths.action(a.action.slug)}">${a.action.text}</a>
  <span class="meta">${theme ? theme.theme.name : 'Bestuursstijl'}</span></li>`
  })}</ul>`}`
}
