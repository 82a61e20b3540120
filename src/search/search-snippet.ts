import type { SearchRow, SearchTerms } from '../read-model/search-records.js'
import { escapeHtml } from '../reports/html/escape-html.js'
import { foldDiacritics, stemWord } from './dutch-stems.js'

/** A highlighted stretch of a snippet: character offsets into its plain text. */
export interface Highlight {
  start: number
  length: number
}

/** A window of a matched text with the words that matched marked. */
export interface Snippet {
  /** The plain text of the window, with "…" where the text was cut. */
  text: string
  highlights: Highlight[]
  /** The same window as HTML: the text escaped, each match in <mark>. */
  html: string
}

/**
 * Whether a word of the text matches one of the search terms the way the
 * index does: the folded word, or its Dutch stem, starts with a searched word
 * or stem. This is why the snippet is made here rather than by FTS5's
 * snippet(): a match through the stems column ("woningen" for "woning") has no
 * position in the text column that snippet() could mark.
 */
function matches(word: string, terms: readonly string[]): boolean {
  const folded = foldDiacritics(word)
  const stem = stemWord(folded)
  return terms.some((term) => folded.startsWith(term) || stem.startsWith(term))
}

/** Makes a snippet of at most `maxWords` words around the first match in the text. */
export function makeSnippet(text: string, terms: readonly string[], maxWords = 32): Snippet & { matched: boolean } {
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, hit: matches(m[0], terms) }))
  const first = tokens.findIndex((t) => t.hit)
  const from = tokens.length <= maxWords ? 0 : Math.max(0, Math.min(Math.max(first, 0) - 6, tokens.length - maxWords))
  const to = Math.min(tokens.length, from + maxWords)
  const startChar = from === 0 ? 0 : tokens[from]!.start
  const endChar = to >= tokens.length ? text.length : tokens[to - 1]!.end
  const prefix = from === 0 ? '' : '…'
  const suffix = endChar < text.length ? '…' : ''
  const body = text.slice(startChar, endChar)
  const highlights: Highlight[] = []
  let html = prefix
  let cursor = startChar
  for (const token of tokens.slice(from, to)) {
    if (!token.hit) continue
    highlights.push({ start: prefix.length + token.start - startChar, length: token.end - token.start })
    html += `${escapeHtml(text.slice(cursor, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`
    cursor = token.end
  }
  html += escapeHtml(text.slice(cursor, endChar)) + suffix
  return { text: prefix + body + suffix, highlights, html, matched: first >= 0 }
}

/** The snippet of a search hit: from its text where the words match there, otherwise from its title. */
export function hitSnippet(row: Pick<SearchRow, 'title' | 'body'>, terms: SearchTerms): Snippet {
  const searched = [...terms.words, ...terms.stems]
  const inBody = makeSnippet(row.body, searched)
  return inBody.matched || row.title === '' ? inBody : makeSnippet(row.title, searched)
}
