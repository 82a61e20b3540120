import compression from 'compression'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Types compression's own list (mime-db) does not mark compressible, though they are text or compress well. */
const alsoCompressible = /^application\/(?:x-ndjson|vnd\.sqlite3)\b/

/**
 * gzip or brotli, as the client's Accept-Encoding prefers, for every
 * compressible response of the server over 1 KiB. Partial content (a Range
 * request) is never compressed, so ranges always count uncompressed bytes.
 */
const middleware = compression({
  filter: (request, response) => {
    if (request.headers.range !== undefined || response.statusCode === 206) return false
    const type = String(response.getHeader('content-type') ?? '')
    return alsoCompressible.test(type) || compression.filter(request, response)
  },
})

/** Wraps the response so that what the routes write is compressed on its way out. */
export function compressResponse(request: IncomingMessage, response: ServerResponse): void {
  // The middleware sets up its wrapping synchronously and then calls next; there is nothing to wait for.
  middleware(request as Parameters<typeof middleware>[0], response as Parameters<typeof middleware>[1], () => {})
}
