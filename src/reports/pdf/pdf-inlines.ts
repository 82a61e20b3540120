import type { ContentText } from 'pdfmake/interfaces.js'
import type { RichText } from '../report-model.js'

/** Text runs as pdfmake inlines. Language marks have no PDF counterpart without tagging, so they are dropped. */
export function pdfInlines(content: RichText): ContentText[] {
  return content.map((run) => ({
    text: run.text,
    ...(run.strong ? { bold: true } : {}),
    ...(run.em ? { italics: true } : {}),
    ...(run.sup ? { sup: true } : {}),
    ...(run.href ? { link: run.href, style: 'link' } : {}),
  }))
}
