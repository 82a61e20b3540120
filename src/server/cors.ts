import type { IncomingMessage, ServerResponse } from 'node:http'
import { corsHeaders, sendPreflight } from './http-helpers.js'

/** The public, read-only paths a script on any origin may read: the API, the data, the linked data. */
const openPaths = /^\/(?:graphql|schema\.graphql|data(?:\/|$)|id\/|def(?:\/|$|\.))/

/**
 * CORS for the public paths: every answer allows any origin and exposes the
 * validators and range headers to scripts; a preflight (OPTIONS with
 * Access-Control-Request-Method) is answered here with 204. Returns true
 * when it answered. /graphql answers its own preflight (it allows POST).
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
  if (!openPaths.test(url.pathname)) return false
  for (const [name, value] of Object.entries(corsHeaders)) response.setHeader(name, value)
  if (request.method !== 'OPTIONS' || url.pathname === '/graphql') return false
  if (request.headers['access-control-request-method'] === undefined) {
    response.writeHead(204, { allow: 'GET, HEAD, OPTIONS', 'content-length': '0' })
    response.end()
    return true
  }
  sendPreflight(request, response, 'GET, HEAD, OPTIONS')
  return true
}
