import { builder } from '../builder.js'

/** What a progress summary counts: the agreement's sentences, or the distinct commitments they state. */
export type ProgressCountUnit = 'SENTENCE' | 'COMMITMENT'

export const ProgressCountUnitEnum = builder.enumType('ProgressCountUnit', {
  description: 'What a progress summary counts. The agreement\'s 185 sentences ("afspraken", the actions) hold 173 distinct commitments: '
    + 'a sentence may restate an earlier one (Action.sameAs). The site and the progress reports count commitments.',
  values: {
    SENTENCE: {
      value: 'SENTENCE',
      description: 'Every action (sentence) once, by the assessment recorded on its own slug, so a sentence that restates a commitment counts again, '
        + 'and as not assessed unless it was assessed itself. What progressSummary has counted since it was released; the default.',
    },
    COMMITMENT: {
      value: 'COMMITMENT',
      description: 'Every distinct commitment once, by its published status (Action.progressStatus), however many of its sentences are in the group. '
        + 'The numbers the website shows: /voortgang, the progress sections of the home, theme, alderman and district pages, and the progress reports.',
    },
  } as const,
})

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never

/**
 * The `unit` argument of every progressSummary field. It defaults to SENTENCE, what the field counted when it was
 * released, so a query without it is answered as before; non-null, so an explicit null is refused, not read as a default.
 */
export function unitArgs(arg: PothosSchemaTypes.FieldBuilder<Types, unknown>['arg']) {
  return {
    unit: arg({
      type: ProgressCountUnitEnum, required: true, defaultValue: 'SENTENCE',
      description: 'What to count: SENTENCE (the default: the actions one by one, as this field has always counted) '
        + 'or COMMITMENT (distinct commitments: the numbers the website and the progress reports show for the same group).',
    }),
  }
}
