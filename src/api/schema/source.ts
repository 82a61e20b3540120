import type { SourceRange } from '../../read-model/records.js'
import { builder } from '../builder.js'
import { SourceRef, type SourceShape } from './refs.js'

/** The Source of a record quoted as one text. */
export function sourceOf(text: string, range: SourceRange): SourceShape {
  return { startLine: range.startLine, endLine: range.endLine, text }
}

builder.objectType(SourceRef, {
  description: 'Where a record stands in the published agreement text, and the text it quotes. Line numbers are 1-based and inclusive, '
    + 'in the source file named on the agreement (`Agreement.sourceFile`, checked by `Agreement.sourceSha256`).',
  fields: (t) => ({
    startLine: t.exposeInt('startLine', { description: 'The first line of the quote (1-based).' }),
    endLine: t.exposeInt('endLine', { description: 'The last line of the quote (1-based, inclusive).' }),
    text: t.exposeString('text', {
      description: 'The quoted text, verbatim except that white space is folded to single spaces and words hyphenated at a line end are joined.',
    }),
  }),
})
