import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import type { ReportTheme } from '../../reports/report-theme.js'
import { html, type SafeHtml } from '../html.js'
import { progressSummaryBlock, type SummaryOptions } from './progress-blocks.js'

/** The "Voortgang" section of the home, theme, alderman and district pages: the summary of the given actions. */
export function progressSection(progress: ProgressSnapshot, actions: readonly ActionView[], theme: ReportTheme, options: SummaryOptions): SafeHtml {
  const summary = progress.summarize(actions.map((a) => a.action.slug))
  return html`<section class="progress" aria-labelledby="voortgang">
<h2 id="voortgang">Voortgang</h2>
${progressSummaryBlock(summary, theme, options)}
</section>`
}
