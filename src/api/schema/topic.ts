import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, BudgetLineRef, SourceRef, ThemeRef, TopicRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(TopicRef, {
  description: 'A topic within a theme: a headed paragraph of the agreement, and the actions it states.',
  id: nodeIdOf('topic'),
  loadMany: loadNodesOf('topic'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the topic within its agreement.' }),
    title: t.exposeString('title', { description: 'The topic\'s heading, as printed.' }),
    position: t.exposeInt('position', { description: 'The topic\'s place within its theme (1-based).' }),
    text: t.exposeString('text', { description: 'The topic\'s whole text, white space folded.' }),
    theme: t.field({
      type: ThemeRef, description: 'The theme the topic belongs to.',
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).byId('theme', topic.themeId)!,
    }),
    actions: t.field({
      type: [ActionRef], description: 'The actions the topic states, in document order.', complexity: { field: 1, multiplier: 5 },
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).children('action', 'topicId', topic.id),
    }),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'The budget lines that fund this topic, in table order.', complexity: { field: 1, multiplier: 2 },
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).linked('budgetLineTopic', 'topicId', topic.id, 'budgetLine', 'budgetLineId', 'byPosition'),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the topic stands in the source text.',
      resolve: (topic) => sourceOf(topic.text, topic.source),
    }),
  }),
})

builder.queryFields((t) => ({
  topic: t.field({
    type: TopicRef, nullable: true, description: 'One topic by slug; null when the agreement has no topic with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the topic (for example "basisbanen").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('topic', args.slug),
  }),
}))
