import type { ServerResponse } from 'node:http'
import type { SafeHtml } from '../web/html.js'
import { pagePolicy } from './security-headers.js'

/**
 * Sends an editorial page: never stored by a browser or a proxy (no-store),
 * never indexed, and under the page policy (forms post only to this origin).
 */
export function sendBeheerPage(response: ServerResponse, status: number, body: SafeHtml, extraHeaders: Record<string, string> = {}): true {
  const text = body.toString()
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
    'content-security-policy': pagePolicy(text),
    ...extraHeaders,
  })
  response.end(text)
  return true
}

/** Answers a form post or a signed-out visit with 303 See Other: the browser then GETs the location. */
export function redirectTo(response: ServerResponse, location: string): true {
  response.writeHead(303, { location, 'cache-control': 'no-store', 'content-length': '0' })
  response.end()
  return true
}
