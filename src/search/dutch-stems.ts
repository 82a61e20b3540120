import { createRequire } from 'node:module'

interface Stemmer {
  stem(word: string): string
}
const require = createRequire(import.meta.url)
const dutch: Stemmer = (require('snowball-stemmers') as { newStemmer(language: string): Stemmer }).newStemmer('dutch')

/** Lower-cases and strips diacritics, so "Financiën" and "financien" meet. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a text, folded, in order (letters and digits only). */
export function words(text: string): string[] {
  return foldDiacritics(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The Dutch Snowball stem of one folded word ("woningen" and "woning" give "woning"). */
export function stemWord(word: string): string {
  return dutch.stem(word)
}

/** The stems of a text joined by spaces: the column the search index matches stems on. */
export function stemText(text: string): string {
  return words(text).map(stemWord).join(' ')
}
