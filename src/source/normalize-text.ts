/**
 * Normalises lines of the source text into the form records quote: white space
 * (tabs, runs of spaces, line breaks) folded to one space, and a word broken
 * over a line end joined again.
 *
 * A hyphen at the very end of a line, after a letter, with the next line going
 * on in lower case, is a hyphenation break and is dropped ("centrum-" /
 * "management"). After a digit or a quote it is a real hyphen and stays, with
 * no space ("CO2-uitstoot", "‘rode loper’-beleid"). A hyphen followed by a
 * space before the break ends a word and stays as it is ("sport- en").
 */
export function normalizeLines(lines: readonly string[]): string {
  let text = ''
  let brokenWord = false
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim()
    if (line === '') continue
    if (text === '') text = line
    else if (brokenWord && /^\p{Ll}/u.test(line)) text = (/\p{L}-$/u.test(text) ? text.slice(0, -1) : text) + line
    else text += ' ' + line
    brokenWord = /-$/.test(raw)
  }
  return text
}

/** Folds white space only, for text written by hand (quotes in data files). */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
