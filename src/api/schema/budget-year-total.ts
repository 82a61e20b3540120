import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { MoneyRef, useMoneyInstead } from './money.js'
import { loadNodesOf, nodeIdOf } from '../node-loading.js'
import { BudgetYearTotalRef, SourceRef } from './refs.js'
import { sourceOf } from './source.js'

builder.node(BudgetYearTotalRef, {
  description: 'One year of the financial table\'s totals row: the published total beside the sum of the lines, so differences show.',
  id: nodeIdOf('budgetTotal'),
  loadMany: loadNodesOf('budgetTotal'),
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The budget year.' }),
    label: t.exposeString('heading', { description: 'The column heading as printed ("begroting 2022", "2026 ev").' }),
    rowLabel: t.exposeString('label', { description: 'The label of the totals row as printed, the same for every year ("Totaal extra middeleninzet bestuursakkoord 2022-2026").' }),
    amount: t.exposeInt('amount', { description: 'The published total for the year, whole euros.', deprecationReason: useMoneyInstead('money') }),
    money: t.field({ type: MoneyRef, description: 'The published total for the year, with its currency.', resolve: (total) => total.amount }),
    computed: t.int({
      description: 'The sum of the budget lines\' amounts in this year, whole euros.', deprecationReason: useMoneyInstead('computedMoney'),
      resolve: (total, _args, ctx) => ctx.loaders.of(total.agreementId).budgetSums.get(total.year) ?? 0,
    }),
    computedMoney: t.field({
      type: MoneyRef, description: 'The sum of the budget lines\' amounts in this year, with its currency.',
      resolve: (total, _args, ctx) => ctx.loaders.of(total.agreementId).budgetSums.get(total.year) ?? 0,
    }),
    continuing: t.exposeBoolean('continuing', { description: 'Whether the amounts continue in later years (the "2026 ev" column: "en verder").' }),
    source: t.field({
      type: SourceRef, description: 'Where the totals row stands in the source text; the text is the printed row, amounts in thousands.',
      resolve: (total) => sourceOf(total.text, total.source, total.agreementId),
    }),
  }),
})

builder.queryFields((t) => ({
  budgetTotals: t.field({
    type: [BudgetYearTotalRef], description: 'The totals row of an agreement\'s financial table, one per year, by year.', complexity: { field: 1, multiplier: 5 },
    args: { agreement: t.arg.string({ description: agreementArgDescription }) },
    resolve: (_root, args, ctx) => snapshotFromArg(ctx, args.agreement).list('budgetTotal'),
  }),
}))
