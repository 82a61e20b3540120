import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { AgreementView } from '../../read-model/agreement-view.js'
import { describeTarget, formatDate } from '../../reports/dutch-text.js'
import { datePart, formatMeasurement } from '../../reports/progress/progress-labels.js'
import { shortTitle } from '../search-hits.js'
import { html, type SafeHtml } from '../html.js'
import { webPaths } from '../web-paths.js'
import { statusBadge } from './progress-blocks.js'

/** How many publications the home page lists. */
const recentChangeCount = 5

/**
 * "Recent gewijzigd" on the home page: the latest publications, newest first,
 * each linked to its action's page; nothing while nothing is published.
 */
export function recentChanges(view: AgreementView, progress: ProgressSnapshot, feedHref: string | null): SafeHtml | '' {
  const recent = progress.recent(recentChangeCount)
  if (recent.length === 0) return ''
  return html`<section class="recent" aria-labelledby="recent">
<h2 id="recent">Recent gewijzigd</h2>
<ol class="recent-changes">${recent.map((revision) => change(view, revision))}</ol>
${feedHref ? html`<p><a href="${feedHref}">Alle wijzigingen als feed (Atom)</a></p>` : ''}
</section>`
}

function change(view: AgreementView, revision: RevisionRecord): SafeHtml {
  const action = revision.subject.type === 'action'
    ? view.actions.find((a) => a.action.slug === revision.subject.slug)
    : view.actions.find((a) => a.targets.some((t) => t.slug === revision.subject.slug))
  if (!action) return html``
  const target = action.targets.find((t) => t.slug === revision.subject.slug)
  const what = revision.kind === 'retraction' ? html`<strong>Ingetrokken</strong>`
    : revision.kind === 'measurement' ? html`<strong>Meting: ${formatMeasurement(revision.value ?? 0)}${target?.unit ? ` ${target.unit}` : ''}</strong>${target ? ` (${describeTarget(target)})` : ''}`
      : statusBadge(revision.status as ProgressStatus)
  return html`<li><span class="meta">${formatDate(datePart(revision.publication!.publishedAt))}</span> ${what}<br>
<a href="${webPaths.action(action.action.slug)}">${shortTitle(action.action.text)}</a></li>`
}
