import { html, type SafeHtml } from '../html.js'

/**
 * The search box. Without JavaScript it submits to /zoeken; with it, site.js
 * asks the GraphQL API and shows the hits below the box as you type.
 */
export function searchForm(query: string): SafeHtml {
  return html`<form class="search" role="search" action="/zoeken" method="get" data-live-search>
  <label for="zoekterm">Zoeken in het akkoord</label>
  <div class="search-row">
    <input type="search" id="zoekterm" name="q" value="${query}" autocomplete="off" maxlength="200" aria-describedby="zoekhulp">
    <button type="submit">Zoeken</button>
  </div>
  <p id="zoekhulp" class="note">Bijvoorbeeld: zwembad, woningen, financiën of Kloosterveen.</p>
  <div aria-live="polite" data-search-results></div>
</form>`
}
