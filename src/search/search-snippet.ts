import type { SearchRow, SearchTerms } from '../read-model/search-records.js'
import { escapeHtml } from '../reports/html/escape-html.js'
import { wordForms } from './dutch-stems.js'

/** A highlighted stretch of a snippet: character offsets into its plain text. */
interface Highlight {
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
  const { folded, stem } = wordForms(word)
  return terms.some((term) => folded.startsWith(term) || stem.startsWith(term))
}

type Token = { start: number; end: number; hit: boolean }

/** The words of a text, each marked whether it matches a term. */
const tokenize = (text: string, terms: readonly string[]): Token[] =>
  [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, hit: matches(m[0], terms) }))

const isNumber = (text: string, t: Token) => /^[\d.]+$/.test(text.slice(t.start, t.end))

/** A flattened table (the financial tables): at least a third of its words are amounts or years. */
function isTable(text: string, tokens: readonly Token[]): boolean {
  return tokens.length > 20 && tokens.filter((t) => isNumber(text, t)).length * 3 >= tokens.length
}

/** Whether a text is a flattened table, whose snippets are one table row. */
export function looksLikeTable(text: string): boolean {
  return isTable(text, tokenize(text, []))
}

/** The window of `maxWords` words with the first match near its start. */
function aroundMatch(count: number, first: number, maxWords: number): [number, number] {
  const from = count <= maxWords ? 0 : Math.max(0, Math.min(Math.max(first, 0) - 6, count - maxWords))
  return [from, Math.min(count, from + maxWords)]
}

/**
 * The table row of the first match: its label (the words since the previous
 * row's amounts) and its own amounts, rather than a window of other rows' numbers.
 */
function tableRow(text: string, tokens: readonly Token[], first: number): [number, number] {
  let from = first
  while (from > 0 && first - from < 8 && !isNumber(text, tokens[from - 1]!)) from--
  let to = first + 1
  while (to < tokens.length && to - first < 8 && !isNumber(text, tokens[to]!)) to++
  while (to < tokens.length && to - first < 14 && isNumber(text, tokens[to]!)) to++
  return [from, to]
}

/** Makes a snippet of at most `maxWords` words around the first match in the text. */
export function makeSnippet(text: string, terms: readonly string[], maxWords = 32): Snippet & { matched: boolean } {
  const tokens = tokenize(text, terms)
  const first = tokens.findIndex((t) => t.hit)
  const [from, to] = first >= 0 && isTable(text, tokens) ? tableRow(text, tokens, first)
    : aroundMatch(tokens.length, first, maxWords)
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

/**
 * The snippet of a search hit: from its text where the words match there;
 * otherwise the title that matched followed by the start of the text, so
 * hits found through one heading (four actions under "Zwembad") each show
 * the matched words in their own context.
 */
export function hitSnippet(row: Pick<SearchRow, 'title' | 'body'>, terms: SearchTerms): Snippet {
  const searched = [...terms.words, ...terms.stems]
  const inBody = makeSnippet(row.body, searched)
  if (inBody.matched || row.title === '') return inBody
  return makeSnippet(row.body === '' ? row.title : `${row.title} — ${row.body}`, searched)
}
