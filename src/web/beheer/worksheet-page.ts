import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import type { WorksheetRowError } from '../../editorial/worksheet-rows.js'
import { fileSize } from '../../reports/dutch-text.js'
import { html, type SafeHtml } from '../html.js'
import { csrfField } from './beheer-layout.js'
import { beheerPaths } from './beheer-paths.js'

/**
 * The worksheet page: download the round's worksheet, upload it filled in (up
 * to maxBytes, WORKSHEET_MAX_BYTES); a refusal names every row, or the file
 * when the whole of it was refused.
 */
export function worksheetPage(round: ReportingRound | null, csrfToken: string, outcome: { errors: readonly WorksheetRowError[]; notice: string | null }, maxBytes: number): SafeHtml {
  const { errors } = outcome
  const refused = errors.every((e) => e.row === 0) ? 'Het werkblad is' : errors.length === 1 ? '1 rij is' : `${errors.length} rijen zijn`
  return html`<h1>Werkblad</h1>
${outcome.notice ? html`<p class="notice" role="status">${outcome.notice}</p>` : ''}
${errors.length > 0 ? html`<div class="error-summary" role="alert" aria-labelledby="fouten-titel" tabindex="-1">
<h2 id="fouten-titel">${refused} geweigerd; er is niets opgeslagen</h2>
<ul>${errors.map((e) => html`<li><strong>${e.row > 0 ? `Rij ${e.row}` : 'Werkblad'}${e.action ? ` (${e.action})` : ''}:</strong> ${e.messages.join(' ')}</li>`)}</ul>
</div>` : ''}
<p class="lead">Werkt uw team in Excel? Download het werkblad${round ? ` van ${round.name}` : ''}: één rij per toezegging (een zin die dezelfde toezegging
herhaalt staat in de kolom “Ook verwoord in”) en daaronder een rij per doel, met wat nu gepubliceerd is.
Vul per afspraak die u beoordeelt “Nieuwe status” in, per doel dat u meet “Nieuwe waarde” (zoals 1.850), dan de kolommen daarna, en upload het werkblad hier.</p>
<p><a class="button secondary" href="${beheerPaths.worksheetFile}" download>Werkblad downloaden (xlsx)</a></p>
<h2 id="uploaden">Ingevuld werkblad uploaden</h2>
<p>Elke ingevulde rij wordt een concept, gecontroleerd met dezelfde regels als het formulier. Is één rij niet in orde, dan wordt niets opgeslagen
en staat hier welke rijen en waarom. Een collega-beoordelaar publiceert de concepten (vier ogen). Datums schrijft u als dag-maand-jaar.
Het bestand mag ten hoogste ${fileSize(maxBytes)} groot zijn.</p>
<form class="record-form" method="post" action="${beheerPaths.worksheet}" enctype="multipart/form-data">${csrfField(csrfToken)}
<div class="field"><label for="werkblad">Werkblad (xlsx)</label><input id="werkblad" name="werkblad" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required></div>
<button type="submit">Werkblad inlezen</button>
</form>`
}
