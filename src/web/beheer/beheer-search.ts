import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { statusLabel } from '../../reports/progress/progress-labels.js'
import { stemWord, words } from '../../search/dutch-stems.js'
import { html, type SafeHtml } from '../html.js'
import { actionContext } from '../pages/action-page.js'
import { beheerPaths } from './beheer-paths.js'

/** What the editors' list is searched with: words, and whose list (an account name, "niemand" for unassigned). */
export interface BeheerSearch {
  text: string
  assignee: string
}

/** The longest search text read; the rest is ignored. */
const maxSearchChars = 200

/** The search of a request to /beheer (`zoek`, `toegewezen`). */
export function parseBeheerSearch(params: URLSearchParams): BeheerSearch {
  return { text: (params.get('zoek') ?? '').trim().slice(0, maxSearchChars), assignee: (params.get('toegewezen') ?? '').trim().slice(0, 100) }
}

/** Whether a word of the search meets a word of the row: the same stem ("woning" finds "woningen"), or the start of it ("zwem" finds "zwembad"). */
function meets(term: string, row: readonly string[]): boolean {
  const stem = stemWord(term)
  return row.some((word) => word.startsWith(term) || stemWord(word) === stem)
}

/**
 * The actions a search finds: every word must occur in the action's text,
 * slug, number, theme, topic, aldermen, public status or assignee (folded,
 * Dutch stems; in agreement order). The list's filters have been applied first.
 */
export function searchActions(view: AgreementView, actions: readonly ActionView[], search: BeheerSearch, progress: ProgressSnapshot, assignees: Map<string, string>): ActionView[] {
  const terms = words(search.text)
  const wanted = search.assignee
  return actions.filter((a) => {
    const assignee = assignees.get(a.action.slug)
    if (wanted && (wanted === 'niemand' ? assignee !== undefined : assignee !== wanted)) return false
    if (terms.length === 0) return true
    const { theme, topic } = actionContext(view, a)
    const row = words([a.action.text, a.action.slug, String(a.action.id), theme?.theme.name, topic?.topic.title, ...a.portfolios.map((p) => p.holder.name),
      statusLabel(progress.statusOf(a.action.slug)), assignee].filter(Boolean).join(' '))
    return terms.every((term) => meets(term, row))
  })
}

/** The search field and the assignee choice of the editors' list (a GET form, so a search is a link to share). */
export function searchFields(search: BeheerSearch, accounts: readonly string[]): SafeHtml {
  return html`<div class="field field-wide"><label for="zoek">Zoeken</label>
<p class="hint" id="zoek-hint">Woorden uit de tekst, het nummer of de korte naam van de afspraak, een thema, wethouder, status of toegewezen redacteur.</p>
<input id="zoek" name="zoek" type="search" value="${search.text}" aria-describedby="zoek-hint"></div>
<div class="field"><label for="toegewezen">Toegewezen aan</label>
<select id="toegewezen" name="toegewezen"><option value="">Iedereen</option><option value="niemand"${search.assignee === 'niemand' ? html` selected` : ''}>Niemand</option>${accounts.map((name) =>
    html`<option value="${name}"${search.assignee === name ? html` selected` : ''}>${name}</option>`)}</select></div>`
}

/** A small search form for other pages of /beheer (the overview): it searches the editors' list. */
export function searchForm(): SafeHtml {
  return html`<form class="filters" method="get" action="${beheerPaths.actions}" role="search">
<div class="field"><label for="zoek">Zoek een afspraak</label>
<input id="zoek" name="zoek" type="search"></div>
<button type="submit">Zoeken</button>
</form>`
}
