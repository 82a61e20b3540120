import { commitmentProgress } from '../../editorial/commitment-progress.js'
import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import { canonicalSlugs } from '../../read-model/canonical-action.js'
import { summarizeCommitments } from '../../read-model/commitment-summary.js'
import { isForEveryDistrict } from '../../read-model/for-every-district.js'
import type { ActionRecord } from '../../read-model/records.js'
import { agreementOf } from '../agreement-arg.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { publicProgress } from '../editorial-context.js'
import { ProgressCountUnitEnum, unitArgs, type ProgressCountUnit } from './progress-count-unit.js'
import { ProgressStatusEnum } from './progress-enums.js'
import { ProgressSummaryRef, type CountedProgress } from './progress-refs.js'
import { AgreementRef, DistrictRef, PortfolioRef, ThemeRef } from './refs.js'

const StatusCountRef = builder.objectRef<{ status: ProgressStatus; count: number }>('ProgressStatusCount')
builder.objectType(StatusCountRef, {
  description: 'How many actions (or commitments, per the summary\'s unit) have one status.',
  fields: (t) => ({
    status: t.field({ type: ProgressStatusEnum, description: 'The status.', resolve: (c) => c.status }),
    count: t.exposeInt('count', { description: 'How many actions have it; commitments when the summary\'s unit is COMMITMENT.' }),
  }),
})

const sum = (s: CountedProgress) => Object.values(s.counts).reduce((a, b) => a + b, 0)

builder.objectType(ProgressSummaryRef, {
  description: 'How far a group of actions got: the number of actions (or of distinct commitments, with unit: COMMITMENT) per status, '
    + 'from published assessments only.',
  fields: (t) => ({
    total: t.int({ description: 'The number of actions in the group; of distinct commitments when the unit is COMMITMENT.', resolve: sum }),
    assessed: t.int({
      description: 'The number of actions (or commitments, per the unit) with a published assessment (all but NOT_ASSESSED).',
      resolve: (s) => sum(s) - s.counts.NOT_ASSESSED,
    }),
    counts: t.field({
      type: [StatusCountRef], description: 'The count of every status, in vocabulary order, zeros included.',
      resolve: (s) => progressStatuses.map((status) => ({ status, count: s.counts[status] })),
    }),
    unit: t.field({
      type: ProgressCountUnitEnum, description: 'What the counts count: the unit the summary was asked for (SENTENCE unless the field\'s unit argument said otherwise).',
      resolve: (s) => s.unit,
    }),
  }),
})

/**
 * Some actions' progress per status in the unit asked for. SENTENCE counts each action by its own slug, as the field
 * always has; COMMITMENT counts through summarizeCommitments with progress read per commitment, exactly as the site
 * and the progress reports count. `agreementActions` are all the agreement's actions, which say what restates what.
 */
export function countProgress(progress: ProgressSnapshot, agreementActions: readonly ActionRecord[], actions: readonly ActionRecord[], unit: ProgressCountUnit): CountedProgress {
  if (unit === 'SENTENCE') return { unit, counts: progress.summarize(actions.map((a) => a.slug)) }
  const perCommitment = commitmentProgress(progress, canonicalSlugs(agreementActions))
  return { unit, counts: summarizeCommitments(perCommitment, actions.map((action) => ({ action }))).counts }
}

/** The summary of some actions of one agreement, read from the request's published progress. */
function summarize(ctx: ApiContext, agreementId: number, unit: ProgressCountUnit, actions: (snapshot: AgreementSnapshot) => readonly ActionRecord[]) {
  const snapshot = ctx.loaders.of(agreementId)
  return countProgress(publicProgress(ctx.editorial, agreementOf(ctx, agreementId).slug), snapshot.list('action'), actions(snapshot), unit)
}

const description = (group: string, pages: string) => `How far the actions ${group} got: the number per progress status (published assessments only). `
  + `Counts actions (sentences) unless unit: COMMITMENT asks for the distinct commitments: then the numbers of ${pages} and of the progress report.`

builder.objectFields(AgreementRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('of the agreement', 'the website\'s /voortgang and home page'),
    args: unitArgs(t.arg),
    resolve: (agreement, args, ctx) => summarize(ctx, agreement.id, args.unit, (s) => s.list('action')),
  }),
}))

builder.objectFields(ThemeRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('under the theme', 'the theme\'s page (/thema/<slug>), its row on /voortgang'), args: unitArgs(t.arg),
    resolve: (theme, args, ctx) => summarize(ctx, theme.agreementId, args.unit, (s) => s.children('action', 'themeId', theme.id)),
  }),
}))

builder.objectFields(PortfolioRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef, description: description('the portfolio is responsible for', 'the alderman\'s page (/wethouder/<slug>)'), args: unitArgs(t.arg),
    resolve: (portfolio, args, ctx) => summarize(ctx, portfolio.agreementId, args.unit,
      (s) => s.linked('actionPortfolio', 'portfolioId', portfolio.id, 'action', 'actionId', 'byPosition')),
  }),
}))

/**
 * The actions of a district's summary: those that name it, and with `everyDistrict` also the commitments for the
 * districts in general, as the district's page and its report count them.
 */
function districtActions(snapshot: AgreementSnapshot, districtId: number, everyDistrict: boolean): readonly ActionRecord[] {
  const named = snapshot.linked('actionDistrict', 'districtId', districtId, 'action', 'actionId', 'byPosition')
  if (!everyDistrict) return named
  const ids = new Set(named.map((a) => a.id))
  return snapshot.list('action').filter((a) => ids.has(a.id)
    || isForEveryDistrict(a.text, a.topicId === null ? undefined : snapshot.byId('topic', a.topicId)?.title))
}

builder.objectFields(DistrictRef, (t) => ({
  progressSummary: t.field({
    type: ProgressSummaryRef,
    description: 'How far the actions that name the district got: the number per progress status (published assessments only). '
      + 'Counts actions (sentences) unless unit: COMMITMENT asks for the distinct commitments; with unit: COMMITMENT and includeEveryDistrict: true, '
      + 'the numbers of the district\'s page (/wijk/<slug>) and of its progress report.',
    args: {
      ...unitArgs(t.arg),
      includeEveryDistrict: t.arg.boolean({
        required: true, defaultValue: false,
        description: 'Also count the actions for the districts in general ("in iedere wijk", "wijkgericht"), which name no district, '
          + 'as the district\'s page on the website and its report do. False (the default): only the actions that name the district, as before.',
      }),
    },
    resolve: (district, args, ctx) => summarize(ctx, district.agreementId, args.unit, (s) => districtActions(s, district.id, args.includeEveryDistrict)),
  }),
}))
