import { agreementOf } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { publicProgress } from '../editorial-context.js'
import { listPage } from '../list-page.js'
import { pageCost } from '../pagination.js'
import { ProgressStatusEnum } from './progress-enums.js'
import { ProgressAssessmentRef, ProgressRevisionRef, TargetMeasurementRef } from './progress-refs.js'
import { ActionRef, TargetRef } from './refs.js'
import { commitmentStatuses } from '../status-filter.js'
import type { ApiContext } from '../context.js'
import type { ActionRecord } from '../../read-model/records.js'

/** Progress belongs to a commitment: every sentence of it (Action.sameAs) reads the commitment's. */
const progressOf = (ctx: ApiContext, action: ActionRecord) => commitmentStatuses(ctx, ctx.loaders.of(action.agreementId))

builder.objectFields(ActionRef, (t) => ({
  progressStatus: t.field({
    type: ProgressStatusEnum, description: 'How far the commitment got: the status of its latest published assessment that is not retracted; NOT_ASSESSED without one. A copy (sameAs) reports its canonical action\'s.',
    resolve: (action, _args, ctx) => progressOf(ctx, action).statusOf(action.slug),
  }),
  progress: t.field({
    type: ProgressAssessmentRef, nullable: true, description: 'The latest published assessment that is not retracted (of the canonical action for a copy); null when the action is NOT_ASSESSED.',
    resolve: (action, _args, ctx) => progressOf(ctx, action).progressOf(action.slug),
  }),
  progressHistory: t.connection({
    type: ProgressRevisionRef,
    description: 'Every published assessment and retraction of the action, newest revision first. Drafts are not part of it.',
    complexity: pageCost,
    resolve: (action, args, ctx) => {
      const history = progressOf(ctx, action).history('action', action.slug)
      return listPage(args, 'ProgressHistory', history, (r) => r.revision, 'desc')
    },
  }, { name: 'ProgressRevisionConnection', description: 'A page of progress revisions.' }, { name: 'ProgressRevisionEdge', description: 'A progress revision in a page, with its cursor.' }),
}))

builder.objectFields(TargetRef, (t) => ({
  measurements: t.connection({
    type: TargetMeasurementRef,
    description: 'The published measurements of the target that are not retracted, newest revision first.',
    complexity: pageCost,
    resolve: (target, args, ctx) => {
      const list = publicProgress(ctx.editorial, agreementOf(ctx, target.agreementId).slug).measurementsOf(target.slug)
      return listPage(args, 'Measurements', list, (r) => r.revision, 'desc')
    },
  }, { name: 'TargetMeasurementConnection', description: 'A page of target measurements.' }, { name: 'TargetMeasurementEdge', description: 'A measurement in a page, with its cursor.' }),
}))
