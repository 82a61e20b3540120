import type { AgreementView } from '../read-model/agreement-view.js'
import { buildBudgetReport } from './build-budget-report.js'
import { buildDistrictReport } from './build-district-report.js'
import { buildFullReport } from './build-full-report.js'
import { buildPortfolioReport } from './build-portfolio-report.js'
import { buildThemeReport } from './build-theme-report.js'
import { checkReportSlug } from './report-catalogue.js'
import { createReportContext } from './report-context.js'
import type { Report, ReportType } from './report-model.js'
import { commitmentProgress } from '../editorial/commitment-progress.js'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import type { ProgressPicture } from './progress/build-progress-report.js'
import { buildProgressReport } from './progress/build-progress-report.js'
import { progressReportSubject } from './progress/progress-report-subject.js'

export interface ReportRequest {
  type: ReportType
  slug: string | null
}

export interface ReportSource {
  view: AgreementView
  /** The label of the published budget totals row. */
  totalsLabel: string
  /** The public address of the service, for the colophon's links. */
  baseUrl: string
  /** The published progress, read at the current publication generation; the progress report needs it. */
  progress?: ProgressPicture
}

/**
 * Builds the report model of one request. Throws UnknownReportSlugError when
 * the slug does not fit the type, and BudgetTotalsMismatchError when the
 * budget lines do not add up to the published totals.
 */
export function buildReport(source: ReportSource, request: ReportRequest): Report {
  const { type, slug } = request
  checkReportSlug(source.view, type, slug)
  // The full report lists chapters only; the shorter ones list sections too.
  const ctx = createReportContext(source.view, { totalsLabel: source.totalsLabel, baseUrl: source.baseUrl, type, slug, tocDepth: type === 'full' ? 1 : 2 })
  switch (type) {
    case 'full': return buildFullReport(ctx)
    case 'theme': return buildThemeReport(ctx, slug!)
    case 'portfolio': return buildPortfolioReport(ctx, slug!)
    case 'district': return buildDistrictReport(ctx, slug!)
    case 'budget': return buildBudgetReport(ctx)
    case 'progress':
      if (!source.progress) throw new Error('the progress report needs the published progress: open the editorial store')
      // A copy of a commitment reports its canonical action's progress.
      return buildProgressReport(ctx, progressReportSubject(source.view, slug)!, {
        ...commitmentProgress(source.progress, canonicalSlugs(source.view.actions.map((a) => a.action))), round: source.progress.round,
      })
  }
}
