import { findBudgetLines } from '../../read-model/budget-lines-filtered.js'
import { agreementArgDescription, agreementFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { byPosition, loadLinked } from '../load-all.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { BudgetLineFilter, resolveBudgetLineFilter } from './budget-line-filter.js'
import { ActionRef, BudgetAmountRef, BudgetCategoryRef, BudgetLineRef, PortfolioRef, SourceRef, ThemeRef, TopicRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(BudgetLineRef, {
  description: 'A line of the financial table ("Financiële doorrekening"): extra money for one purpose, per year, in whole euros.',
  id: nodeIdOf('budgetLine'),
  loadMany: loadNodesOf('budgetLine'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the line within its agreement.' }),
    name: t.exposeString('name', { description: 'The line\'s name verbatim from the source, misspellings included.' }),
    displayName: t.exposeString('displayName', { description: 'The line\'s name corrected for display (capitalised, misspellings fixed).' }),
    position: t.exposeInt('position', { description: 'The line\'s place in the table (1-based).' }),
    category: t.field({
      type: BudgetCategoryRef, description: 'The category the line is listed under.',
      resolve: (line, _args, ctx) => ctx.loaders.byId('budgetCategory').load(line.categoryId).then((c) => c!),
    }),
    amounts: t.field({
      type: [BudgetAmountRef], description: 'The line\'s amounts per year, by year; years without an amount are left out.', complexity: { field: 1, multiplier: 5 },
      resolve: (line, _args, ctx) => ctx.loaders.childrenOf('budgetAmount', 'budgetLineId').load(line.id),
    }),
    total: t.int({
      description: 'The sum of the line\'s amounts over the printed years, whole euros (a continuing amount is counted once).',
      resolve: async (line, _args, ctx) => (await ctx.loaders.childrenOf('budgetAmount', 'budgetLineId').load(line.id)).reduce((sum, a) => sum + a.amount, 0),
    }),
    theme: t.field({
      type: ThemeRef, nullable: true, description: 'The theme the line serves; null for a line that serves no single theme.',
      resolve: (line, _args, ctx) => (line.themeId === null ? null : ctx.loaders.byId('theme').load(line.themeId)),
    }),
    topics: t.field({
      type: [TopicRef], description: 'The topics the line funds.', complexity: { field: 1, multiplier: 3 },
      resolve: async (line, _args, ctx) => loadLinked(ctx.loaders, 'budgetLineTopic', 'budgetLineId', line.id, 'topic', 'topicId'),
    }),
    actions: t.field({
      type: [ActionRef], description: 'The actions the line funds, in document order.', complexity: { field: 1, multiplier: 3 },
      resolve: async (line, _args, ctx) => loadLinked(ctx.loaders, 'budgetLineAction', 'budgetLineId', line.id, 'action', 'actionId'),
    }),
    portfolios: t.field({
      type: [PortfolioRef], description: 'The portfolios responsible for the line, in portfolio order.', complexity: { field: 1, multiplier: 2 },
      resolve: async (line, _args, ctx) => byPosition(await loadLinked(ctx.loaders, 'budgetLinePortfolio', 'budgetLineId', line.id, 'portfolio', 'portfolioId')),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the line stands in the source text; the text is the printed row, amounts in thousands.',
      resolve: (line) => sourceOf(line.text, line.source),
    }),
  }),
})

builder.queryFields((t) => ({
  budgetLines: t.field({
    type: [BudgetLineRef], description: 'The lines of an agreement\'s financial table, filtered, in table order.', complexity: { field: 1, multiplier: 30 },
    args: {
      agreement: t.arg.string({ description: agreementArgDescription }),
      filter: t.arg({ type: BudgetLineFilter, description: 'Narrows the list; omitted: every line.' }),
    },
    resolve: async (_root, args, ctx) => {
      const agreement = await agreementFromArg(ctx, args.agreement)
      return findBudgetLines(ctx.db, agreement.id, await resolveBudgetLineFilter(ctx, agreement, args.filter))
    },
  }),
  budgetLine: t.field({
    type: BudgetLineRef, nullable: true, description: 'One budget line by slug; null when the agreement has no line with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the line (for example "meedoenbeleid").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: async (_root, args, ctx) => ctx.loaders.byKey('budgetLine').load(`${(await agreementFromArg(ctx, args.agreement)).id}/${args.slug}`),
  }),
}))
