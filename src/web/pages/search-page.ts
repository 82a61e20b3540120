import { html, type SafeHtml } from '../html.js'
import { searchForm } from './search-form.js'

/** One hit as the search page shows it. */
export interface SearchHitView {
  kind: string
  title: string
  /** The matching passage, with the matched words marked. */
  snippet: SafeHtml
  href: string
}

/** The search results page: the answer to the search form when JavaScript is off. */
export function searchPage(query: string, result: { total: number; hits: SearchHitView[] } | { error: string }): SafeHtml {
  return html`
<h1>Zoeken</h1>
${searchForm(query)}
${'error' in result ? html`<p role="alert">De zoekterm ${result.error}.</p>`
    : html`<h2 id="resultaten">${result.total === 0 ? 'Niets gevonden' : `${result.total} ${result.total === 1 ? 'resultaat' : 'resultaten'}`} voor “${query}”</h2>
<ol class="hits">${result.hits.map((hit) => html`<li><span class="hit-kind">${hit.kind}</span><br><a href="${hit.href}">${hit.title}</a><p>${hit.snippet}</p></li>`)}</ol>`}`
}
