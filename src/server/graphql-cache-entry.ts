import { etagOf, prepareAnswer, type Encoding, type PreparedAnswer } from './prepared-answer.js'
import { policyHeaders, type RoutePolicy } from './route-policy.js'

/** The /graphql route's policy: the route table uses it, and the cache warming gives its answers the same headers. */
export const graphqlRoutePolicy: RoutePolicy = {
  csp: 'data', cors: true, vary: 'Accept, Authorization', compression: 'prepared', inFlight: 'limited', errors: 'graphql',
}

/** The Cache-Control of a cacheable public answer that read no published progress. */
export function graphqlCacheControl(maxAgeSeconds: number): string {
  return maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds}` : 'public, no-cache'
}

/** The headers of a GraphQL answer made outside a request (the warming): the route's policy, then the answer's own. */
export function graphqlAnswerHeaders(answerHeaders: Record<string, string>): Record<string, string> {
  return { ...policyHeaders(graphqlRoutePolicy), ...answerHeaders }
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
 * content type and bytes, and the encoding `wanted` prepared at once (the
 * others follow with `completeEncodings`).
 */
export function graphqlCacheEntry(status: number, headers: Record<string, string>, body: Buffer, tags: CacheEntryTags, wanted: Encoding): Promise<PreparedAnswer> {
  // Progress changes with each publication: clients and CDNs revalidate (a 304 costs little) rather than keep a stale copy.
  headers['cache-control'] = tags.editorial ? 'public, no-cache' : tags.cacheControl
  headers.etag = etagOf(body, headers['content-type'])
  return prepareAnswer({ status, headers, body, generation: tags.generation, publication: tags.editorial ? tags.publication : undefined }, wanted)
}
