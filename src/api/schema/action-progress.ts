import { agreementOf } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { publicProgress } from '../editorial-context.js'
import { listPage } from '../list-page.js'
import { pageCost } from '../pagination.js'
import { ProgressStatusEnum } from './progress-enums.js'
import { ProgressAssessmentRef, ProgressRevisionRef, TargetMeasurementRef } from './progress-refs.js'
import { ActionRef, TargetRef } from './refs.js'

builder.objectFields(ActionRef, (t) => ({
  progressStatus: t.field({
    type: ProgressStatusEnum, description: 'How far the commitment got: the status of its latest published assessment that is not retracted; NOT_ASSESSED without one.',
    resolve: (action, _args, ctx) => publicProgress(ctx.editorial, agreementOf(ctx, action.agreementId).slug).statusOf(action.slug),
  }),
  progress: t.field({
    type: ProgressAssessmentRef, nullable: true, description: 'The latest published assessment that is not retracted; null when the action is NOT_ASSESSED.',
    resolve: (action, _args, ctx) => publicProgress(ctx.editorial, agreementOf(ctx, action.agreementId).slug).progressOf(action.slug),
  }),
  progressHistory: t.connection({
    type: ProgressRevisionRef,
    description: 'Every published assessment and retraction of the action, newest revision first. Drafts are not part of it.',
    complexity: pageCost,
    resolve: (action, args, ctx) => {
      const history = publicProgress(ctx.editorial, agreementOf(ctx, action.agreementId).slug).history('action', action.slug)
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
