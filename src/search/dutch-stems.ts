import { createRequire } from 'node:module'

interface Stemmer {
  stem(word: string): string
}
const require = createRequire(import.meta.url)
const dutch: Stemmer = (require('snowball-stemmers') as { newStemmer(language: string): Stemmer }).newStemmer('dutch')

/** Lower-cases and strips diacritics, so "Financiën" and "financien" meet. */
function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a text, folded, in order (letters and digits only). */
export function words(text: string): string[] {
  return foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Stems already computed: snippets stem every word of every hit, and an agreement uses a few thousand words. */
const stems = new Map<string, string>()
const maxStems = 50_000

/** The Dutch Snowball stem of one folded word ("woningen" and "woning" give "woning"). */
export function stemWord(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    stem = dutch.stem(word)
    if (stems.size >= maxStems) stems.clear()
    stems.set(word, stem)
  }
  return stem
}

/** A word of a text as the index matches it: folded, and its stem. */
export interface WordForms {
  folded: string
  stem: string
}

/** Forms already made: snippets fold and stem every word of every hit, and an agreement uses a few thousand words. */
const forms = new Map<string, WordForms>()

/** The folded form and the stem of one word as written in a text ("Woningen": "woningen", "woning"). */
export function wordForms(word: string): WordForms {
  let known = forms.get(word)
  if (known === undefined) {
    const folded = foldDiacritics(word)
    known = { folded, stem: stemWord(folded) }
    if (forms.size >= maxStems) forms.clear()
    forms.set(word, known)
  }
  return known
}

/** The stems of a text joined by spaces: the column the search index matches stems on. */
export function stemText(text: string): string {
  return words(text).map(stemWord).join(' ')
}
