import type { ActionView } from '../../read-model/agreement-view.js'
import type { TargetRecord } from '../../read-model/records.js'
import { describeTarget } from '../../reports/dutch-text.js'
import { formatMeasurement } from '../../reports/progress/progress-labels.js'
import { html, type SafeHtml } from '../html.js'
import { beheerPaths } from './beheer-paths.js'
import type { EditorialHistory, FormState } from './action-page.js'
import { revisionForm } from './revision-form.js'
import { revisionHistory } from './revision-items.js'

/** A target in the editorial screens: what it promises, its measurements (drafts included) and the form to record one. */
export function beheerTargetPage(target: TargetRecord, action: ActionView, history: EditorialHistory, csrfToken: string, state: FormState): SafeHtml {
  const latest = history.revisions[0]?.revision ?? 0
  return html`<h1><span class="kicker">Doel:</span> ${describeTarget(target)}</h1>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ''}
<dl class="facts">
  <dt>Afspraak</dt><dd><a href="${beheerPaths.action(action.action.slug)}">${action.action.text}</a></dd>
  ${target.value !== null ? html`<dt>Doelwaarde</dt><dd>${target.isMinimum ? 'minimaal ' : ''}${formatMeasurement(target.value)}${target.unit ? ` ${target.unit}` : ''}</dd>` : ''}
  <dt>Tekst in het akkoord</dt><dd>${target.text}</dd>
</dl>
<h2 id="vastleggen">Meting vastleggen</h2>
${revisionForm({ action: beheerPaths.target(target.slug), csrfToken, record: { kind: 'measurement', unit: target.unit }, latestRevision: latest, values: state.values, errors: state.errors, editing: history.editing })}
<h2 id="metingen">Metingen en concepten</h2>
${revisionHistory(history.revisions, history.returns, target.unit, history.comments, history.replaced)}`
}
