import { filterBudgetLines } from '../../read-model/snapshot-budget-lines.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { MoneyRef, useMoneyInstead } from './money.js'
import { actionListDeprecation, nestedActionConnection } from './action-connection.js'
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
      resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).byId('budgetCategory', line.categoryId)!,
    }),
    amounts: t.field({
      type: [BudgetAmountRef], description: 'The line\'s amounts per year, by year; years without an amount are left out.', complexity: { field: 1, multiplier: 5 },
      resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).children('budgetAmount', 'budgetLineId', line.id),
    }),
    total: t.int({
      description: 'The sum of the line\'s amounts over the printed years, whole euros (a continuing amount is counted once).',
      deprecationReason: useMoneyInstead('totalMoney'), resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).lineTotal(line.id),
    }),
    totalMoney: t.field({
      type: MoneyRef, description: 'The sum of the line\'s amounts over the printed years (a continuing amount counted once), with its currency.',
      resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).lineTotal(line.id),
    }),
    theme: t.field({
      type: ThemeRef, nullable: true, description: 'The theme the line serves; null for a line that serves no single theme.',
      resolve: (line, _args, ctx) => (line.themeId === null ? null : ctx.loaders.of(line.agreementId).byId('theme', line.themeId)),
    }),
    topics: t.field({
      type: [TopicRef], description: 'The topics the line funds.', complexity: { field: 1, multiplier: 3 },
      resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).linked('budgetLineTopic', 'budgetLineId', line.id, 'topic', 'topicId'),
    }),
    actions: t.field({
      deprecationReason: actionListDeprecation,
      type: [ActionRef], description: 'The actions the line funds, in document order.', complexity: { field: 1, multiplier: 3 },
      resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).linked('budgetLineAction', 'budgetLineId', line.id, 'action', 'actionId'),
    }),
    actionsConnection: nestedActionConnection(t, 'The actions the line funds, paged, filtered and sorted.', (line, s) => s.linked('budgetLineAction', 'budgetLineId', line.id, 'action', 'actionId', 'byPosition')),
    portfolios: t.field({
      type: [PortfolioRef], description: 'The portfolios responsible for the line, in portfolio order.', complexity: { field: 1, multiplier: 2 },
      resolve: (line, _args, ctx) => ctx.loaders.of(line.agreementId).linked('budgetLinePortfolio', 'budgetLineId', line.id, 'portfolio', 'portfolioId', 'byPosition'),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the line stands in the source text; the text is the printed row, amounts in thousands.',
      resolve: (line) => sourceOf(line.text, line.source, line.agreementId),
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
    resolve: (_root, args, ctx) => {
      const snapshot = snapshotFromArg(ctx, args.agreement)
      return filterBudgetLines(snapshot, resolveBudgetLineFilter(snapshot, args.filter))
    },
  }),
  budgetLine: t.field({
    type: BudgetLineRef, nullable: true, description: 'One budget line by slug; null when the agreement has no line with that slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'The slug of the line (for example "meedoenbeleid").' }),
      agreement: t.arg.string({ description: agreementArgDescription }),
    },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).byKey('budgetLine', args.slug),
  }),
}))
