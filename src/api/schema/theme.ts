import { agreementArgDescription, agreementOf, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { ActionRef, AgreementRef, BudgetLineRef, PortfolioRef, SourceRef, ThemeRef, TopicRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(ThemeRef, {
  description: 'A theme of the agreement ("Ontmoeten", "Wonen", ...): a chapter with a vision, topics and the actions under them.',
  id: nodeIdOf('theme'),
  loadMany: loadNodesOf('theme'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the theme within its agreement.' }),
    name: t.exposeString('name', { description: 'The theme\'s name.' }),
    position: t.exposeInt('position', { description: 'The theme\'s place in the agreement (1-based).' }),
    heading: t.string({ description: 'The theme\'s heading, as printed.', resolve: (theme) => theme.heading.text }),
    vision: t.string({
      nullable: true, description: 'The theme\'s vision: the block describing the municipality in the future, quoted whole; null when the theme has none.',
      resolve: (theme) => theme.vision?.text ?? null,
    }),
    visionSource: t.field({
      type: SourceRef, nullable: true, description: 'Where the vision stands in the source text.',
      resolve: (theme) => (theme.vision ? sourceOf(theme.vision.text, theme.vision.source, theme.agreementId) : null),
    }),
    visionShort: t.string({
      nullable: true, description: 'The shorter vision text for this theme in the agreement\'s opening vision chapter; null when there is none.',
      resolve: (theme) => theme.visionShort?.text ?? null,
    }),
    visionShortSource: t.field({
      type: SourceRef, nullable: true, description: 'Where the short vision stands in the source text.',
      resolve: (theme) => (theme.visionShort ? sourceOf(theme.visionShort.text, theme.visionShort.source, theme.agreementId) : null),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the theme\'s heading stands in the source text.',
      resolve: (theme) => sourceOf(theme.heading.text, theme.heading.source, theme.agreementId),
    }),
    topics: t.field({
      type: [TopicRef], description: 'The theme\'s topics, in document order.', complexity: { field: 1, multiplier: 8 },
      resolve: (theme, _args, ctx) => ctx.loaders.of(theme.agreementId).children('topic', 'themeId', theme.id),
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'Every action under the theme\'s topics, in document order (Query.actions pages and filters them).',
      complexity: { field: 1, multiplier: 40 },
      resolve: (theme, _args, ctx) => ctx.loaders.of(theme.agreementId).children('action', 'themeId', theme.id),
    }),
    actionsConnection: nestedActionConnection(t, 'Every action under the theme\'s topics, paged, filtered and sorted.', (theme, s) => s.children('action', 'themeId', theme.id)),
    budgetLines: t.field({
      type: [BudgetLineRef], description: 'The budget lines assigned to this theme, in table order.', complexity: { field: 1, multiplier: 8 },
      resolve: (theme, _args, ctx) => ctx.loaders.of(theme.agreementId).children('budgetLine', 'themeId', theme.id),
    }),
    portfolios: t.field({
      type: [PortfolioRef], description: 'The portfolios responsible for at least one of the theme\'s actions, in portfolio order.',
      complexity: { field: 1, multiplier: 5 },
      resolve: (theme, _args, ctx) => ctx.loaders.of(theme.agreementId).portfoliosOfTheme(theme.id),
    }),
    agreement: t.field({
      type: AgreementRef, description: 'The agreement the theme belongs to.',
      resolve: (theme, _args, ctx) => agreementOf(ctx, theme.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  themes: t.field({
    type: [ThemeRef], description: 'The themes of an agreement, in document order.', complexity: { field: 1, multiplier: 8 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('theme'),
  }),
  theme: t.field({
    type: ThemeRef, nullable: true, description: 'One theme by slug; null when the agreement has no theme with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the theme (for example "wonen").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('theme', args.slug),
  }),
}))
