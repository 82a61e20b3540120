import { commitmentCount } from '../../read-model/canonical-action.js'
import type { AgreementView } from '../../read-model/agreement-view.js'
import { formatDate, joinList } from '../../reports/dutch-text.js'
import { formatEuro } from '../../reports/format-euro.js'
import { cc0Iri } from '../../model/cc0.js'
import { html, type SafeHtml } from '../html.js'
import { searchForm } from './search-form.js'

/** A file of the published dumps, as the home page links it. */
export interface PublishedFile {
  name: string
  title: string
}

/** The agreement at a glance, with the ways in: themes, aldermen, districts, search, reports and data. */
export function homePage(view: AgreementView, chart: SafeHtml, files: readonly PublishedFile[], progress?: SafeHtml): SafeHtml {
  const { agreement } = view
  return html`
<h1>${agreement.title}</h1>
<p class="lead">${agreement.subtitle} van de gemeente ${agreement.municipality}: wat het college van ${agreement.periodStart} tot
${agreement.periodEnd} wil doen, wat het kost en wie ervoor verantwoordelijk is. Elke afspraak staat er letterlijk zoals in het akkoord.</p>
<dl class="facts">
  <dt>Periode</dt><dd>${agreement.periodStart}-${agreement.periodEnd}</dd>
  <dt>Gepresenteerd</dt><dd>${formatDate(agreement.presentedOn)}</dd>
  <dt>Coalitie</dt><dd>${joinList(view.parties.map((p) => p.name))}</dd>
  <dt>Afspraken</dt><dd>${view.actions.length} concrete afspraken in ${view.themes.length} thema's: ${commitmentCount(view.actions.map((a) => a.action))} afzonderlijke toezeggingen
  (een zin die een eerdere toezegging herhaalt, telt niet opnieuw); ${view.actions.filter((a) => a.action.wholeCollege).length} ervan horen bij het college als geheel</dd>
</dl>
${searchForm('')}
${progress}
<h2 id="themas">Thema's</h2>
<ul class="cards">${view.themes.map(({ theme, topics }) => {
    const count = topics.reduce((sum, t) => sum + t.actions.length, 0)
    return html`<li><a href="/thema/${theme.slug}">${theme.name}</a><p>${count} ${count === 1 ? 'afspraak' : 'afspraken'} in ${topics.length} onderwerpen</p></li>`
  })}</ul>
<h2 id="begroting">Begroting</h2>
<p>Extra geld dat het akkoord per jaar inzet, bovenop de bestaande begroting. "2026 e.v." loopt ook na 2026 door (structureel).</p>
<figure class="chart" tabindex="0" aria-label="Extra uitgaven per jaar">${chart}</figure>
<div class="table-scroll"><table>
  <caption>Totaal extra middeleninzet per jaar</caption>
  <thead><tr><th scope="col">Jaar</th><th scope="col" class="amount">Bedrag</th></tr></thead>
  <tbody>${view.budget.years.map((y) => html`<tr><th scope="row">${y.continuing ? `${y.year} e.v.` : String(y.year)}</th><td class="amount">${formatEuro(y.amount)}</td></tr>`)}</tbody>
</table></div>
<p><a href="/rapporten#budget">Het volledige begrotingsoverzicht per regel</a></p>
<h2 id="wethouders">Wethouders</h2>
<ul class="cards">${view.portfolios.map((p) => html`<li><a href="/wethouder/${p.portfolio.slug}">${p.holder.name}</a>
  <p>${p.party.name} · wijkwethouder van ${joinList(p.districts.map((d) => d.name))}</p></li>`)}</ul>
<h2 id="wijken">Wijken</h2>
<ul class="cards">${view.districts.map((d) => {
    const alderman = view.portfolios.find((p) => p.portfolio.id === d.portfolioId)!
    return html`<li><a href="/wijk/${d.slug}">${d.name}</a><p>Wijkwethouder: ${alderman.holder.name}</p></li>`
  })}</ul>
<h2 id="rapporten">Rapporten</h2>
<p>Maak een samenvatting als PDF om te printen of als toegankelijke webpagina: het hele akkoord, een thema, een wethouder,
een wijk of de begroting. <a href="/rapporten">Naar de rapportenmaker</a>.</p>
<h2 id="data">Data en API</h2>
<p>Voor ontwikkelaars en open-dataportalen. Alle gegevens zijn vrij te gebruiken onder
<a href="${cc0Iri}" lang="en">CC0 1.0</a>.</p>
<ul>
  <li><a href="/graphql">GraphQL API</a> met GraphiQL om vragen uit te proberen, en het <a href="/schema.graphql">schema</a></li>
  <li>DCAT-catalogus voor portalen: <a href="/data/catalog.ttl">Turtle</a> en <a href="/data/catalog.jsonld">JSON-LD</a></li>
  <li><a href="/data/">Alle downloads</a>${files.length > 0 ? html`:<ul>${files.map((f) => html`<li><a href="/data/${f.name}">${f.title}</a></li>`)}</ul>` : ''}</li>
  <li>Het brondocument: <a href="/data/source/bestuursakkoord-assen-2022-2026.txt">de tekst van het akkoord</a> (SHA-256 <code>${agreement.sourceSha256}</code>)</li>
</ul>`
}
