import type { ReportListing } from '../../reports/report-catalogue.js'
import type { ReportType } from '../../reports/report-model.js'
import { html, type SafeHtml } from '../html.js'

const groups: { type: ReportType; label: string }[] = [
  { type: 'full', label: 'Het hele akkoord' },
  { type: 'budget', label: 'Begroting' },
  { type: 'theme', label: "Thema's" },
  { type: 'portfolio', label: 'Wethouders' },
  { type: 'district', label: 'Wijken' },
  { type: 'progress', label: 'Voortgang' },
]

/**
 * The report builder. The form works without JavaScript: it asks /rapporten/maken,
 * which redirects to the report itself. With JavaScript, choosing a report shows
 * its HTML version in the preview below. Every report is also listed as plain links.
 */
export function reportsPage(reports: readonly ReportListing[]): SafeHtml {
  const value = (r: ReportListing) => (r.slug ? `${r.type}/${r.slug}` : r.type)
  return html`
<h1>Rapporten maken</h1>
<p class="lead">Kies een samenvatting van het akkoord: als PDF om te printen of te delen, of als toegankelijke webpagina.</p>
<form action="/rapporten/maken" method="get" data-report-builder>
  <fieldset>
    <legend>Welk rapport?</legend>
    <div class="field">
      <label for="rapport">Onderwerp</label>
      <select id="rapport" name="rapport" required>
        ${groups.map((g) => html`<optgroup label="${g.label}">${reports.filter((r) => r.type === g.type).map((r) =>
          html`<option value="${value(r)}" data-html="${r.html}" data-pdf="${r.pdf}">${r.title}</option>`)}</optgroup>`)}
      </select>
    </div>
    <fieldset class="choices">
      <legend>Formaat</legend>
      <div class="radio-row">
        <label><input type="radio" name="formaat" value="pdf" checked> PDF (om te printen)</label>
        <label><input type="radio" name="formaat" value="html"> Webpagina (toegankelijk)</label>
      </div>
    </fieldset>
    <button type="submit">Rapport maken</button>
  </fieldset>
</form>
<section aria-labelledby="voorbeeld-kop" data-report-preview hidden>
  <h2 id="voorbeeld-kop">Voorbeeld</h2>
  <p class="note">Zo ziet de toegankelijke versie eruit. <a data-preview-pdf href="#">Download de PDF</a>.</p>
  <iframe class="preview" title="Voorbeeld van het gekozen rapport" data-preview-frame></iframe>
</section>
<h2 id="alle-rapporten">Alle rapporten</h2>
${groups.map((g) => html`<h3 id="${g.type}">${g.label}</h3>
<ul>${reports.filter((r) => r.type === g.type).map((r) => html`<li>${r.title}: <a href="${r.pdf}" download>PDF<span class="visually-hidden"> van ${r.title}</span></a> · <a href="${r.html}">webpagina<span class="visually-hidden"> van ${r.title}</span></a></li>`)}</ul>`)}`
}
