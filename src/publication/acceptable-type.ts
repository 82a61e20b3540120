/**
 * The media type of `offered` the client accepts best (the first offer on a
 * tie), or null when its Accept header rules every one out (q=0 or no
 * matching range): then the answer is 406, not a format the client did not
 * ask for. No Accept header accepts anything (RFC 9110, 12.5.1).
 */
export function acceptableType(accept: string | undefined, offered: readonly string[]): string | null {
  if (!accept || !accept.trim()) return offered[0]!
  let best: string | null = null
  let bestWeight = 0
  for (const type of offered) {
    const w = weight(accept, type)
    if (w > bestWeight) [best, bestWeight] = [type, w]
  }
  return best
}

/** The q-value the Accept header gives a type: the most specific matching range wins. */
function weight(accept: string, type: string): number {
  const major = type.split('/')[0]
  const found: Record<'exact' | 'group' | 'any', number | null> = { exact: null, group: null, any: null }
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().split(';')
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1)
    const r = range.trim().toLowerCase()
    const kind = r === type ? 'exact' : r === `${major}/*` ? 'group' : r === '*/*' ? 'any' : null
    if (kind) found[kind] = Number.isNaN(q) ? 0 : Math.min(1, Math.max(0, q))
  }
  return found.exact ?? found.group ?? found.any ?? 0
}

/** The body of a 406: what the resource can be had as. */
export const notAcceptableText = (offered: readonly string[]): string => `Not acceptable: this resource is available as ${offered.join(', ')}.\n`
