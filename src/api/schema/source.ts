import { sourceTextPath } from '../../publication/write-datapackage.js'
import type { AgreementRecord, SourceRange } from '../../read-model/records.js'
import { builder } from '../builder.js'
import { SourceRef, type SourceShape } from './refs.js'

/** The Source of a record quoted as one text. */
export function sourceOf(text: string, range: SourceRange, agreementId: number): SourceShape {
  return { startLine: range.startLine, endLine: range.endLine, text, agreementId }
}

/** Where this server serves an agreement's source text: a path on the API's own host. */
export function sourceTextUrl(agreement: Pick<AgreementRecord, 'sourceFile'>): string {
  return `/data/${sourceTextPath(agreement.sourceFile)}`
}

builder.objectType(SourceRef, {
  description: 'Where a record stands in the published agreement text, and the text it quotes. Line numbers are 1-based and inclusive, '
    + 'in the source text this server serves at `url` (`Agreement.sourceUrl`, checked by `Agreement.sourceSha256`).',
  fields: (t) => ({
    startLine: t.exposeInt('startLine', { description: 'The first line of the quote (1-based).' }),
    endLine: t.exposeInt('endLine', { description: 'The last line of the quote (1-based, inclusive).' }),
    text: t.exposeString('text', {
      description: 'The quoted text, verbatim except that white space is folded to single spaces and words hyphenated at a line end are joined.',
    }),
    url: t.string({
      description: 'The source text as this server serves it (a path on the API\'s own host, like `Agreement.sourceUrl`), with a text/plain '
        + 'fragment (RFC 5147) selecting the quoted lines: `#line=11,14` is lines 12 to 14.',
      resolve: (source, _args, ctx) => `${sourceTextUrl(ctx.loaders.agreementById(source.agreementId)!)}#line=${source.startLine - 1},${source.endLine}`,
    }),
  }),
})
