import { progressStatusDefinitions, progressStatuses } from '../../editorial/progress-vocabulary.js'
import { html, type SafeHtml } from '../html.js'
import { statusBadge } from '../progress/progress-blocks.js'

/** "Wat de statussen betekenen": each status with its definition, the same words as in the reports and the vocabulary. */
export function statusesPage(): SafeHtml {
  return html`<h1>Wat de statussen betekenen</h1>
<p class="lead">Bij elke afspraak staat hoe ver die is. De gemeente kiest een van deze statussen, met een toelichting en de bronnen
waaruit het blijkt. Een collega controleert elke beoordeling voordat die hier verschijnt.</p>
<dl class="status-definitions">${progressStatuses.map((s) => html`<dt>${statusBadge(s)}</dt><dd>${progressStatusDefinitions[s]}</dd>`)}</dl>
<p>Een beoordeling hoort bij een rapportageronde met een peildatum: de stand van zaken op die datum. Een gesloten ronde verandert niet meer;
een correctie verschijnt in een volgende ronde.</p>`
}
