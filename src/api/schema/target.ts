import { builder } from '../builder.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, SourceRef, TargetRef } from './refs.js'
import { sourceOf } from './source.js'
import { frequencyOf, TargetDeadlineKindEnum, TargetFrequencyRef } from './target-timing.js'

builder.node(TargetRef, {
  description: 'A quantified or dated commitment inside an action ("minimaal 3000 nieuwe woningen", "binnen vier jaar").',
  id: nodeIdOf('target'),
  loadMany: loadNodesOf('target'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the target within its agreement.' }),
    description: t.exposeString('description', { description: 'A short description of what is promised.' }),
    value: t.exposeFloat('value', { nullable: true, description: 'The number promised, decimals where the text has them; null for a target that is only dated. Euro amounts are whole euros.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'The unit of `value` ("woningen", "euro", "procent"); null when there is no value.' }),
    isMinimum: t.exposeBoolean('isMinimum', { description: 'Whether the value is a minimum ("minimaal", "ten minste").' }),
    deadline: t.expose('deadline', { type: 'LocalDate', nullable: true, description: 'The date by which it is promised; periods such as "binnen vier jaar" are resolved against the presentation date.' }),
    deadlineKind: t.field({
      type: TargetDeadlineKindEnum, nullable: true,
      description: 'What `deadline` means: a date, or the end of the council term; null when there is no deadline.',
      resolve: (target) => (target.deadline === null ? null : target.deadlineKind ?? 'date'),
    }),
    dateInferred: t.exposeBoolean('dateInferred', {
      description: 'Whether `deadline` or `startDate` was derived by the curators ("binnen vier jaar" from the presentation date) rather than given by the text; `dateReason` says how.',
    }),
    dateReason: t.exposeString('dateReason', {
      nullable: true, description: 'How the date was read, in Dutch, citing the source line; null when the target has no date.',
    }),
    frequency: t.field({
      type: TargetFrequencyRef, nullable: true, description: 'How often a recurring commitment happens ("elke maand"); null when it is not recurring.',
      resolve: frequencyOf,
    }),
    startDate: t.expose('startDate', { type: 'LocalDate', nullable: true, description: 'The date from which it applies; null when the text gives none.' }),
    text: t.exposeString('text', { description: 'The words of the action that state the target, quoted verbatim.' }),
    action: t.field({
      type: ActionRef, description: 'The action the target belongs to.',
      resolve: (target, _args, ctx) => ctx.loaders.of(target.agreementId).byId('action', target.actionId)!,
    }),
    source: t.field({
      type: SourceRef, description: 'Where the target\'s words stand in the source text.',
      resolve: (target) => sourceOf(target.text, target.source, target.agreementId),
    }),
  }),
})
