import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import { summarizeCommitments } from '../../read-model/commitment-summary.js'
import type { ReportTheme } from '../../reports/report-theme.js'
import { html, type SafeHtml } from '../html.js'
import { progressSummaryBlock, type SummaryOptions } from './progress-blocks.js'

/**
 * The "Voortgang" section of the home, theme, alderman and district pages: the
 * given actions' progress counted per commitment, as /voortgang and the
 * progress report count it.
 */
export function progressSection(progress: ProgressSnapshot, actions: readonly ActionView[], theme: ReportTheme, options: SummaryOptions): SafeHtml {
  const summary = summarizeCommitments(progress, actions)
  return html`<section class="progress" aria-labelledby="voortgang">
<h2 id="voortgang">Voortgang</h2>
${progressSummaryBlock(summary, theme, options)}
</section>`
}
