import { createHash } from 'node:crypto'
import { corsHeaders } from './http-helpers.js'
import { encodeBody } from './encoded-body.js'
import type { CachedResponse } from './response-cache.js'

/** The Cache-Control of a cacheable public answer that read no published progress. */
export function graphqlCacheControl(maxAgeSeconds: number): string {
  return maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}` : 'public, no-cache'
}

/** The headers of a GraphQL answer before the route decides whether it is cached: CORS and Vary, then the answer's own. */
export function graphqlAnswerHeaders(answerHeaders: Record<string, string>): Record<string, string> {
  return { ...corsHeaders, vary: 'Accept, Authorization', ...answerHeaders }
}

/** What a cached answer is tagged with: whether it read published progress, and the generations it was computed at. */
export interface CacheEntryTags {
  /** The answer read published progress: revalidated by clients, valid for one publication generation. */
  editorial: boolean
  cacheControl: string
  generation: number
  publication: number
}

/**
 * The response-cache entry of a cacheable GraphQL answer (the route's misses
 * and the cache warming make them alike): Cache-Control, an ETag of the
 * content type and bytes, the hit headers built once, and the compressed bodies.
 * Sets Cache-Control and ETag on `headers`, which the miss is sent with.
 */
export function graphqlCacheEntry(status: number, headers: Record<string, string>, body: Buffer, tags: CacheEntryTags): CachedResponse {
  // Progress changes with each publication: clients and CDNs revalidate (a 304 costs little) rather than keep a stale copy.
  headers['cache-control'] = tags.editorial ? 'public, no-cache' : tags.cacheControl
  headers.etag = `"${createHash('sha256').update(headers['content-type'] ?? '').update('\n').update(body).digest('base64url').slice(0, 32)}"`
  const hitHeaders = { ...headers, 'content-length': String(body.length), 'x-cache': 'HIT' }
  return {
    status, headers, body, etag: headers.etag, generation: tags.generation, hitHeaders,
    publication: tags.editorial ? tags.publication : undefined, encoded: encodeBody(body),
  }
}
