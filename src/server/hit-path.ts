import type { IncomingMessage, ServerResponse } from 'node:http'
import { awaitsEncoding, sendPrepared } from './prepared-answer.js'
import { nextRequestId } from './request-id.js'
import type { ResponseCache } from './response-cache.js'

/**
 * The key a request's answer is remembered under on the hit path: the raw
 * request target, and for /graphql the Accept header too (it picks the media
 * type). Web pages and assets are the same whatever the Accept.
 */
export function targetKey(request: IncomingMessage): string {
  const url = request.url ?? '/'
  return url.startsWith('/graphql') ? `${url}\n${request.headers.accept ?? ''}` : url
}

/** What the hit path reads, all held in memory: no query, no parse. */
export interface HitPathState {
  cache: ResponseCache
  /** The database generation new requests are answered from. */
  generation(): number
  /** The editorial publication generation, as last noticed (src/editorial/progress-snapshot.ts). */
  publication(): number
}

/**
 * Answers a repeated GET or HEAD from the response cache before any other
 * work: no URL parsing, routing, admission or compression, only the headers
 * and encoded bodies prepared when the entry was admitted. Signed-in requests
 * and anything the cache does not hold, or holds from an older generation,
 * return undefined and take the full path; an answered request returns its request id.
 */
export function answerFromCache(request: IncomingMessage, response: ServerResponse, state: HitPathState): string | undefined {
  const method = request.method
  if ((method !== 'GET' && method !== 'HEAD') || request.headers.authorization !== undefined) return undefined
  const entry = state.cache.byTarget(targetKey(request))
  if (entry === undefined || entry.generation !== state.generation()) return undefined
  if (entry.publication !== undefined && entry.publication !== state.publication()) return undefined
  // An encoding still being made: the route waits for it (rare, right after a miss), the hit path never does.
  if (awaitsEncoding(request, entry)) return undefined
  const requestId = nextRequestId()
  sendPrepared(request, response, entry, requestId)
  return requestId
}
