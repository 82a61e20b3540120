import type { TargetRecord } from '../../read-model/records.js'
import { builder } from '../builder.js'

/** What a target's deadline means. */
export const TargetDeadlineKindEnum = builder.enumType('TargetDeadlineKind', {
  description: 'What a target\'s deadline means.',
  values: {
    DATE: { value: 'date', description: 'A date the text gives or that follows from it ("met ingang van 1 juli 2022", "binnen vier jaar").' },
    TERM_END: { value: 'term_end', description: 'The end of the council term ("deze raadsperiode"): the next municipal elections.' },
  } as const,
})

const FrequencyPeriodEnum = builder.enumType('FrequencyPeriod', {
  description: 'The period a recurring commitment repeats in.',
  values: {
    WEEK: { value: 'week', description: 'Per week.' },
    MONTH: { value: 'month', description: 'Per month.' },
    YEAR: { value: 'year', description: 'Per year.' },
  } as const,
})

/** A recurring commitment's rhythm. */
export const TargetFrequencyRef = builder.objectRef<{ count: number; period: NonNullable<TargetRecord['frequencyPeriod']> }>('TargetFrequency')

builder.objectType(TargetFrequencyRef, {
  description: 'How often a recurring commitment happens: `count` times per `period` ("twee keer per jaar" is 2 per YEAR).',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'How many times per period.' }),
    period: t.field({ type: FrequencyPeriodEnum, description: 'The period.', resolve: (frequency) => frequency.period }),
  }),
})

/** The frequency of a target, or null when it is not recurring. */
export function frequencyOf(target: TargetRecord): { count: number; period: NonNullable<TargetRecord['frequencyPeriod']> } | null {
  return target.frequencyCount !== null && target.frequencyPeriod !== null ? { count: target.frequencyCount, period: target.frequencyPeriod } : null
}
