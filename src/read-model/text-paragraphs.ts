import type { AgreementRecord, SourceRange } from './records.js'
import { sourceLines, sourceText } from './source-text.js'

/** A record whose text is a passage of the source: a topic or a section. */
export interface Passage {
  text: string
  source: SourceRange
}

/** How many characters of a paragraph's end identify where it ends in the passage's text. */
const TAIL = 40

/** The end of a sentence: a full stop, question or exclamation mark, or colon, maybe followed by a closing quote. */
const sentenceEnd = /[.!?:…]['"’”)]?$/u

const cache = new WeakMap<Passage, string[]>()

/**
 * The paragraphs of a passage, as the source prints them: its text cut where
 * the source has a blank line. A passage's text leaves out its heading, so a
 * run of lines that does not end inside the text (the heading, a stray page
 * footer) joins the paragraph after it, and so does a run that stops mid-sentence
 * (a page break). The paragraphs together are the text.
 */
export function textParagraphs(agreement: AgreementRecord, passage: Passage): string[] {
  const known = cache.get(passage)
  if (known) return known
  const { startLine, endLine } = passage.source
  const lines = sourceLines(agreement, startLine, endLine)
  const runs: [number, number][] = []
  let start: number | null = null
  lines.forEach((line, i) => {
    const number = startLine + i
    if (line.trim() === '') {
      if (start !== null) runs.push([start, number - 1])
      start = null
    } else start ??= number
  })
  if (start !== null) runs.push([start, endLine])

  const paragraphs: string[] = []
  let cursor = 0
  for (const [from, to] of runs.slice(0, -1)) {
    const run = sourceText(agreement, from, to)
    const tail = run.slice(-TAIL)
    const at = passage.text.indexOf(tail, cursor)
    if (at < 0) continue
    const end = at + tail.length
    const paragraph = passage.text.slice(cursor, end).trim()
    // A blank line inside a sentence is a page break of the printed document, not the end of a paragraph.
    if (!sentenceEnd.test(paragraph)) continue
    paragraphs.push(paragraph)
    cursor = end
  }
  const rest = passage.text.slice(cursor).trim()
  if (rest !== '') paragraphs.push(rest)
  cache.set(passage, paragraphs)
  return paragraphs
}

/**
 * The context of a sentence quoted from a passage (an action): the paragraph
 * that holds it, so a reader sees what "daarom" and "Deze" refer to. Null when
 * the sentence is not in the passage.
 */
export function quoteContext(agreement: AgreementRecord, passage: Passage, quote: string): string | null {
  return textParagraphs(agreement, passage).find((p) => p.includes(quote))
    ?? (passage.text.includes(quote) ? passage.text : null)
}
