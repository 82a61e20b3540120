import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import { html, type SafeHtml } from '../html.js'
import { statusBadge } from '../progress/progress-blocks.js'
import { searchForm } from './search-form.js'

/** One hit as the search page shows it. */
export interface SearchHitView {
  kind: string
  title: string
  /** The matching passage, with the matched words marked. */
  snippet: SafeHtml
  href: string
  /** An action's published status. */
  status?: ProgressStatus
  /** A topic's actions that matched through its heading only: each reachable from the topic's hit. */
  actions?: SearchHitAction[]
}

/** An action listed under its topic's hit. */
export interface SearchHitAction {
  title: string
  href: string
  status: ProgressStatus
}

function hitItem(hit: SearchHitView): SafeHtml {
  return html`<li><span class="hit-kind">${hit.kind}</span><br><a href="${hit.href}">${hit.title}</a>${hit.status ? html` ${statusBadge(hit.status)}` : ''}${hit.snippet.value === '' ? '' : html`<p>${hit.snippet}</p>`}${hit.actions?.length
    ? html`<ul class="hit-actions" aria-label="Afspraken bij ${hit.title}">${hit.actions.map((a) => html`<li><a href="${a.href}">${a.title}</a> ${statusBadge(a.status)}</li>`)}</ul>` : ''}</li>`
}

/** What the page shows before anything is searched: how to search, instead of "nothing found for ''". */
const emptyState = html`<h2 id="resultaten">Waar zoekt u naar?</h2>
<p>Typ een of meer woorden uit het akkoord. U vindt de thema's, onderwerpen en afspraken waarin ze staan, en de wethouders
en wijken die erbij horen. Een woord vindt ook zijn vormen: <em>woning</em> vindt ook <em>woningen</em>.</p>`

/**
 * The search results page: the answer to the search form when JavaScript is
 * off. The outcome stands in one region that site.js replaces as a whole, so
 * results of an earlier search never stay above or below new ones.
 */
export function searchPage(query: string, result: { total: number; hits: SearchHitView[] } | { error: string } | 'empty'): SafeHtml {
  return html`
<h1>Zoeken</h1>
${searchForm(query)}
<div data-search-outcome>
${result === 'empty' ? emptyState : 'error' in result ? html`<p role="alert">De zoekterm ${result.error}.</p>`
    : html`<h2 id="resultaten">${result.total === 0 ? 'Niets gevonden' : `${result.total} ${result.total === 1 ? 'resultaat' : 'resultaten'}`} voor “${query}”</h2>
${result.total > result.hits.length ? html`<p class="note">De eerste ${result.hits.length} staan hieronder. Maak de zoekopdracht specifieker om de rest te vinden.</p>` : ''}
<ol class="hits">${result.hits.map(hitItem)}</ol>`}
</div>`
}
