import { createHash } from 'node:crypto'
import { printedSchema } from '../api/executable-schema.js'
import { corsHeaders, etagMatches, sendPreflight } from './http-helpers.js'
import type { RouteHandler } from './route.js'

/** /schema.graphql: the printed, sorted SDL, the same text as the committed schema.graphql. */
export function createSchemaRoute(): RouteHandler {
  const body = Buffer.from(printedSchema(), 'utf8')
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  return async (request, response, url) => {
    if (url.pathname !== '/schema.graphql') return false
    if (request.method === 'OPTIONS') {
      sendPreflight(request, response, 'GET, HEAD, OPTIONS')
      return true
    }
    const headers = { ...corsHeaders, etag, 'cache-control': 'public, max-age=300', 'content-type': 'text/plain; charset=utf-8' }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD, OPTIONS', 'content-length': '0' })
      response.end()
    } else if (etagMatches(request.headers['if-none-match'], etag)) {
      response.writeHead(304, headers)
      response.end()
    } else {
      response.writeHead(200, { ...headers, 'content-length': String(body.length) })
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    return true
  }
}
