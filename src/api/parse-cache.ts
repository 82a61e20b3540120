import type { DocumentNode } from 'graphql'
import type { YogaServerOptions } from 'graphql-yoga'
import { BoundedCache } from '../memory/bounded-cache.js'
import { stringBytes } from '../memory/heap-size.js'

type ParseCaches = Exclude<YogaServerOptions<object, object>['parserAndValidationCache'], boolean | undefined>

/**
 * Heap per token of a parsed document: the token itself (graphql-js keeps the
 * whole token list, linked from the locations) and its share of the syntax
 * nodes and locations. Measured on Node 20 by tests/hostile/memory-bounds.test.ts.
 */
const bytesPerToken = 300
/** A cached parse error: the error, its message, locations and source reference. */
const errorBytes = 2_000

/** The heap a parsed document holds: its text (kept as the source of every location) and its tokens. */
export function documentBytes(key: string, document: DocumentNode): number {
  let tokens = 0
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens += 1
  return stringBytes(key) + tokens * bytesPerToken
}

/**
 * yoga's parse and validation caches, bounded by the heap they hold
 * (PARSE_CACHE_BYTES, split between parsed documents and parse errors).
 * Validation results are kept per document object, so they go with it.
 * False when the budget is 0: nothing is cached.
 */
export function boundedParseCaches(maxBytes: number): ParseCaches | false {
  if (maxBytes <= 0) return false
  return {
    documentCache: new BoundedCache<DocumentNode>(Math.floor(maxBytes * 0.8), documentBytes),
    errorCache: new BoundedCache<unknown>(Math.floor(maxBytes * 0.2), (key) => 2 * stringBytes(key) + errorBytes),
  }
}
