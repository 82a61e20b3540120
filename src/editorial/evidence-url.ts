/**
 * Characters a WHATWG URL serialiser leaves as they are but an IRI (RFC 3987)
 * or a Turtle IRIREF may not hold: spaces and controls, `<>"{}|\^` and the backtick.
 */
const notInIri = /[\u0000-\u0020<>"{}|\\^`\u007f]/g

/**
 * An evidence link as stored and published: parsed with the WHATWG URL parser
 * and serialised, then every character an IRI may not hold percent-encoded,
 * so the same link is one IRI in Turtle, JSON-LD, CSV and HTML. A query such
 * as `?family=Roboto|Open+Sans` is kept in meaning (`%7C` is the same byte).
 * Undefined when the text is not an absolute http(s) URL.
 */
export function normalizeEvidenceUrl(text: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(text.trim())
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  return parsed.href.replace(notInIri, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}
