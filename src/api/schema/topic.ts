import { deprecated } from '../deprecation.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { filterIds } from '../filter-slugs.js'
import { storedListConnection } from '../list-connection.js'
import { pageCost } from '../pagination.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
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
      deprecationReason: deprecated('Use `parentTheme`: `theme` is nullable on Action and BudgetLine, so the three could not be selected together in a search without aliases.'),
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).byId('theme', topic.themeId)!,
    }),
    parentTheme: t.field({
      type: ThemeRef, description: 'The theme the topic belongs to.',
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).byId('theme', topic.themeId)!,
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'The actions the topic states, in document order.', complexity: { field: 1, multiplier: 15 },
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).children('action', 'topicId', topic.id),
    }),
    actionsConnection: nestedActionConnection(t, 'The actions the topic states, paged, filtered and sorted.', (topic, s) => s.children('action', 'topicId', topic.id)),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'The budget lines that fund this topic, in table order.', complexity: { field: 1, multiplier: 3 },
      resolve: (topic, _args, ctx) => ctx.loaders.of(topic.agreementId).linked('budgetLineTopic', 'topicId', topic.id, 'budgetLine', 'budgetLineId', 'byPosition'),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the topic stands in the source text.',
      resolve: (topic) => sourceOf(topic.text, topic.source, topic.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  topics: t.connection({
    type: TopicRef, nullable: true, description: 'The topics of an agreement, in document order (theme by theme). Cursors stay valid as long as the database is not rebuilt.',
    args: {
      agreement: t.arg.string({ description: agreementArgDescription }),
      theme: t.arg.stringList({ description: 'Theme slugs: only the topics of these themes.' }),
    },
    complexity: pageCost,
    resolve: (_root, args, ctx) => {
      const snapshot = snapshotFromArg(ctx, args.agreement)
      const themes = filterIds(snapshot, 'theme', 'theme', 'theme', args.theme)
      return storedListConnection(snapshot.list('topic'), 'Topic', args, themes && ((topic) => themes.includes(topic.themeId)))
    },
  }, { name: 'TopicConnection', description: 'A page of topics, with the total number that pass the filter.' }, { name: 'TopicEdge', description: 'A topic in a page, with its cursor.' }),
  topic: t.field({
    type: TopicRef, nullable: true, description: 'One topic by slug; null when the agreement has no topic with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the topic (for example "basisbanen").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('topic', args.slug),
  }),
}))
