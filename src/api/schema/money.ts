import { builder } from '../builder.js'
import { deprecated } from '../deprecation.js'

/** The currencies amounts are in: the agreement's financial table is in euros, and nothing else is. */
const CurrencyCodeEnum = builder.enumType('CurrencyCode', {
  description: 'An ISO 4217 currency code.',
  values: { EUR: { description: 'The euro.' } },
})

/** A Money object's parent: an amount in whole euros, as the read model keeps every amount. */
export const MoneyRef = builder.objectRef<number>('Money').implement({
  description: 'An amount with its currency. The agreement prints thousands of euros; amounts here are multiplied out to whole units.',
  fields: (t) => ({
    amount: t.int({ description: 'The amount in whole units of the currency.', resolve: (amount) => amount }),
    currencyCode: t.field({ type: CurrencyCodeEnum, description: 'The currency (always EUR for this agreement).', resolve: () => 'EUR' as const }),
  }),
})

/** The deprecation reason of the plain Int amount beside a Money field. */
export function useMoneyInstead(field: string): string {
  return deprecated(`Use \`${field}\`: the same amount with its currency.`)
}
