import type { ContentText } from 'pdfmake/interfaces.js'
import type { RichText } from '../report-model.js'
import { tagged, type StructNode } from './pdf-structure.js'

/**
 * Text runs as pdfmake inlines, each carrying its structure element: the
 * block's own, a Link under it for a link, or a Span that spells out a terse
 * mark ("*" is "afgeleid jaar") or names another language.
 */
export function pdfInlines(content: RichText, node: StructNode): ContentText[] {
  return content.map((run) => {
    const inline: ContentText = {
      text: run.text,
      ...(run.strong ? { bold: true } : {}),
      ...(run.em ? { italics: true } : {}),
      ...(run.sup ? { sup: true } : {}),
      ...(run.mark ? { style: 'mark' } : {}),
      ...(run.href ? { link: run.href, style: 'link' } : {}),
    }
    const own = run.href ? node.child('Link')
      : run.alt || run.lang ? node.child('Span', { ...(run.alt ? { actual: run.alt } : {}), ...(run.lang ? { lang: run.lang } : {}) })
      : node
    return tagged(inline, own)
  })
}
