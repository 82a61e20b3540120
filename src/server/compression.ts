import compression from 'compression'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { acceptedEncoding, etagSuffix } from './prepared-answer.js'

/** Types compression's own list (mime-db) does not mark compressible, though they are text or compress well. */
const alsoCompressible = /^application\/(?:x-ndjson|vnd\.sqlite3)\b/

/**
 * gzip or brotli, as the client's Accept-Encoding prefers, for every
 * compressible response of the server over 1 KiB. Partial content (a Range
 * request) is never compressed, so ranges always count uncompressed bytes.
 */
const compressible = (request: IncomingMessage, response: ServerResponse): boolean => {
  if (request.headers.range !== undefined || response.statusCode === 206) return false
  const type = String(response.getHeader('content-type') ?? '')
  return alsoCompressible.test(type) || compression.filter(request as Parameters<typeof compression.filter>[0], response as Parameters<typeof compression.filter>[1])
}
const middleware = compression({ filter: compressible })

/** A HEAD gets the head its GET would: the middleware leaves HEADs alone, so the encoding is named here. */
function encodeHead(request: IncomingMessage, response: ServerResponse, encoding: string): boolean {
  if (request.method !== 'HEAD' || response.statusCode !== 200 || response.hasHeader('content-encoding')) return false
  if (Number(response.getHeader('content-length') ?? 1024) < 1024 || !compressible(request, response)) return false
  response.setHeader('content-encoding', encoding)
  response.removeHeader('content-length')
  return true
}

/**
 * The stream compression policy of a route (files, whose bodies are not kept
 * in memory): what the handler writes is compressed on its way out. A
 * compressed answer is another representation, so its ETag gets the
 * encoding's suffix, as prepared answers' do; a validator with that suffix is
 * handed to the handler as the plain one, and its 304 names the suffixed one again.
 */
export function compressResponse(request: IncomingMessage, response: ServerResponse): void {
  const encoding = acceptedEncoding(request.headers['accept-encoding'])
  const suffix = encoding === 'identity' ? '' : etagSuffix[encoding]
  const ifNoneMatch = request.headers['if-none-match']
  const askedSuffixed = suffix !== '' && ifNoneMatch !== undefined && ifNoneMatch.includes(`${suffix}"`)
  if (askedSuffixed) request.headers['if-none-match'] = ifNoneMatch.replaceAll(`${suffix}"`, '"')
  // Wrapped before the middleware wraps it: this runs after it has chosen the Content-Encoding, just before the head goes out.
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse
  response.writeHead = ((...args: unknown[]) => {
    const etag = response.getHeader('etag')
    const encoded = suffix !== '' && (encodeHead(request, response, encoding) || response.getHeader('content-encoding') === encoding)
    if (typeof etag === 'string' && suffix !== '' && (encoded || (response.statusCode === 304 && askedSuffixed))) {
      response.setHeader('etag', etag.replace(/"$/, `${suffix}"`))
    }
    return writeHead(...args)
  }) as ServerResponse['writeHead']
  // The middleware sets up its wrapping synchronously and then calls next; there is nothing to wait for.
  middleware(request as Parameters<typeof middleware>[0], response as Parameters<typeof middleware>[1], () => {})
}
