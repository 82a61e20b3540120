import type { IncomingMessage } from 'node:http'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import Negotiator from 'negotiator'
import type { CachedResponse } from './response-cache.js'

/** A cached body compressed once, in each encoding the server offers. */
export interface EncodedBodies {
  br: Buffer
  gzip: Buffer
}

/** Below this the compression middleware sends bodies as they are; cached answers follow the same rule. */
const thresholdBytes = 1024
const offered = ['br', 'gzip', 'identity']
const preferred = ['br', 'gzip']

/**
 * Compresses a body for the response cache. Compressing at admission costs a
 * miss a fraction of a millisecond; every compressed hit after it is a copy of
 * bytes instead of a fresh compression stream. Brotli at quality 5 is about as
 * fast as the middleware's 4 on small JSON and a little smaller.
 */
export function encodeBody(body: Buffer): EncodedBodies | undefined {
  if (body.length < thresholdBytes) return undefined
  return { br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), gzip: gzipSync(body) }
}

/** The encoding a request accepts best among the offered ones, as the compression middleware negotiates it. */
function acceptedEncoding(request: IncomingMessage): keyof EncodedBodies | undefined {
  if (request.headers['accept-encoding'] === undefined) return undefined
  // negotiator 1 takes the server's preference for ties as an option (what compression passes); its types predate it.
  const negotiator = new Negotiator(request) as unknown as { encoding(available: string[], options: { preferred: string[] }): string | undefined }
  const choice = negotiator.encoding(offered, { preferred })
  return choice === 'br' || choice === 'gzip' ? choice : undefined
}

/** What a cached entry sends to this request: its stored compressed bytes when the client accepts them, else the body. */
export function bodyToSend(request: IncomingMessage, entry: CachedResponse): { body: Buffer; headers: Record<string, string> } {
  const encoding = entry.encoded && acceptedEncoding(request)
  if (!encoding) return { body: entry.body, headers: { 'content-length': String(entry.body.length) } }
  const body = entry.encoded![encoding]
  return { body, headers: { 'content-encoding': encoding, 'content-length': String(body.length) } }
}
