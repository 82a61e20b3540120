import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import { agreementOf } from '../agreement-arg.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { publicProgress } from '../editorial-context.js'
import type { ActionRecord } from '../../read-model/records.js'
import { ProgressStatusEnum } from './progress-enums.js'
import { ProgressSummaryRef } from './progress-refs.js'
import { AgreementRef, DistrictRef, PortfolioRef, ThemeRef } from './refs.js'

const StatusCountRef = builder.objectRef<{ status: ProgressStatus; count: number }>('ProgressStatusCount')
builder.objectType(StatusCountRef, {
  description: 'How many actions have one status.',
  fields: (t) => ({
    status: t.field({ type: ProgressStatusEnum, description: 'The status.', resolve: (c) => c.status }),
    count: t.exposeInt('count', { description: 'How many actions have it.' }),
  }),
})

builder.objectType(ProgressSummaryRef, {
  description: 'How far a group of actions got: the number of actions per status, from published assessments only.',
  fields: (t) => ({
    total: t.int({ description: 'The number of actions in the group.', resolve: (s) => Object.values(s).reduce((a, b) => a + b, 0) }),
    assessed: t.int({ description: 'The number of actions with a published assessment (all but NOT_ASSESSED).', resolve: (s) => Object.values(s).reduce((a, b) => a + b, 0) - s.NOT_ASSESSED }),
    counts: t.field({
      type: [StatusCountRef], description: 'The count of every status, in vocabulary order, zeros included.',
      resolve: (s) => progressStatuses.map((status) => ({ status, count: s[status] })),
    }),
  }),
})

/** The summary of some actions of one agreement. */
function summarize(ctx: ApiContext, agreementId: number, actions: (snapshot: ReturnType<ApiContext['loaders']['of']>) => readonly ActionRecord[]) {
  return publicProgress(ctx.editorial, agreementOf(ctx, agreementId).slug).summarize(actions(ctx.loaders.of(agreementId)).map((a) => a.slug))
}

const description = (group: string) => `How far the actions ${group} got: the number per progress status (published assessments only).`

builder.objectFields(AgreementRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('of the agreement'),
    resolve: (agreement, _args, ctx) => summarize(ctx, agreement.id, (s) => s.list('action')),
  }),
}))

builder.objectFields(ThemeRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('under the theme'),
    resolve: (theme, _args, ctx) => summarize(ctx, theme.agreementId, (s) => s.children('action', 'themeId', theme.id)),
  }),
}))

builder.objectFields(PortfolioRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('the portfolio is responsible for'),
    resolve: (portfolio, _args, ctx) => summarize(ctx, portfolio.agreementId,
      (s) => s.linked('actionPortfolio', 'portfolioId', portfolio.id, 'action', 'actionId', 'byPosition')),
  }),
}))

builder.objectFields(DistrictRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('that name the district'),
    resolve: (district, _args, ctx) => summarize(ctx, district.agreementId,
      (s) => s.linked('actionDistrict', 'districtId', district.id, 'action', 'actionId', 'byPosition')),
  }),
}))
