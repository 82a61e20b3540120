import { builder } from '../builder.js'
import { MoneyRef, useMoneyInstead } from './money.js'
import { BudgetAmountRef } from './refs.js'

builder.objectType(BudgetAmountRef, {
  description: 'The amount of a budget line in one year of the financial table.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The budget year.' }),
    amount: t.exposeInt('amount', { description: 'The amount in whole euros (the table prints thousands; they are multiplied out).', deprecationReason: useMoneyInstead('money') }),
    money: t.field({ type: MoneyRef, description: 'The amount with its currency (the table prints thousands; they are multiplied out).', resolve: (a) => a.amount }),
    continuing: t.exposeBoolean('continuing', { description: 'Whether the amount continues in later years (the table\'s "2026 ev" column: "en verder").' }),
    inferred: t.exposeBoolean('inferred', {
      description: 'Whether the year of this amount was inferred: the extracted table lost its column positions, so some amounts were placed by reasoning.',
    }),
    inferenceReason: t.exposeString('inferenceReason', { nullable: true, description: 'Why the amount is placed in this year, when it was inferred; null otherwise.' }),
  }),
})
