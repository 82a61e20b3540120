import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { BudgetCategoryRef, BudgetLineRef, SourceRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(BudgetCategoryRef, {
  description: 'A category of the financial table ("Van incidenteel beleid naar structureel beleid", "Nieuw beleid", ...).',
  id: nodeIdOf('budgetCategory'),
  loadMany: loadNodesOf('budgetCategory'),
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'The stable, URL-safe name of the category within its agreement.' }),
    name: t.exposeString('name', { description: 'The category\'s heading, as printed.' }),
    position: t.exposeInt('position', { description: 'The category\'s place in the table (1-based).' }),
    lines: t.field({
      type: [BudgetLineRef], description: 'The lines of this category, in table order.', complexity: { field: 1, multiplier: 10 },
      resolve: (category, _args, ctx) => ctx.loaders.of(category.agreementId).children('budgetLine', 'categoryId', category.id),
    }),
    source: t.field({
      type: SourceRef, description: 'Where the category heading stands in the source text.',
      resolve: (category) => sourceOf(category.name, category.source, category.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  budgetCategories: t.field({
    type: [BudgetCategoryRef], description: 'The categories of an agreement\'s financial table, in table order.', complexity: { field: 1, multiplier: 5 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('budgetCategory'),
  }),
}))
