import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Whether a submitted form token is the expected one, compared in constant time. */
export function tokensMatch(expected: string | undefined, submitted: string | null | undefined): boolean {
  if (typeof expected !== 'string' || typeof submitted !== 'string' || expected.length === 0) return false
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(submitted, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Whether a form post comes from a page of this site, by what the browser
 * says: Sec-Fetch-Site must be same-origin when sent, and Origin, when sent,
 * must be the public address's origin or the host the request was sent to.
 * A client that sends neither is judged by the form token alone.
 */
export function isSameOriginPost(request: IncomingMessage, publicBaseUrl: string): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return false
  const origin = request.headers.origin
  if (origin === undefined) return true
  try {
    const parsed = new URL(origin)
    return parsed.origin === new URL(publicBaseUrl).origin || (request.headers.host !== undefined && parsed.host === request.headers.host)
  } catch {
    // "null" (a sandboxed frame, a file) and anything unparsable are not us.
    return false
  }
}
