import { BoundedCache } from '../memory/bounded-cache.js'
import { bufferBytes, entryOverheadBytes, recordBytes, stringBytes } from '../memory/heap-size.js'
import type { PreparedAnswer } from './prepared-answer.js'

/** A response kept for repeat requests: every encoding prepared, tagged with the generations it was computed at. */
export type CachedResponse = PreparedAnswer

/**
 * The heap an entry holds: the key, each variant's body and its two header
 * maps, and the entry itself. Counting only the key and body made small
 * entries (most API answers are a few hundred bytes) about a tenth of their real size.
 */
export function cachedResponseBytes(key: string, entry: CachedResponse): number {
  let bytes = entryOverheadBytes + stringBytes(key)
  for (const variant of Object.values(entry.variants)) {
    // The 304's header values are the same strings as the 200's.
    bytes += bufferBytes(variant.body) + recordBytes(variant.headers) + recordBytes(variant.notModified, true) + 64
  }
  return bytes
}

/**
 * An in-memory LRU of GraphQL responses and web pages, bounded by the heap it
 * holds (RESPONSE_CACHE_BYTES). The data only changes when the database is
 * rebuilt and reopened, so an entry stays valid until then; reopening clears
 * the cache, and each entry carries its generation so an answer computed from
 * an older database is never kept.
 *
 * Besides the routes' own keys it keeps aliases: the raw request target (and
 * for /graphql the Accept header) under which an entry was last asked for, so
 * the server answers a repeat before routing or parsing anything.
 */
export class ResponseCache {
  private readonly entries: BoundedCache<CachedResponse>
  private readonly aliases: BoundedCache<string>
  hits = 0
  misses = 0

  constructor(readonly maxBytes: number) {
    // An eighth of the budget holds aliases (two strings each): a flood of distinct targets for one entry evicts aliases, never entries.
    const aliasBytes = Math.floor(maxBytes / 8)
    this.entries = new BoundedCache(maxBytes - aliasBytes, cachedResponseBytes)
    this.aliases = new BoundedCache(aliasBytes, (raw) => entryOverheadBytes + stringBytes(raw) + 16)
  }

  get enabled(): boolean {
    return this.maxBytes > 0
  }

  /** The heap the entries and aliases hold now, by the estimate they were admitted with. */
  get bytes(): number {
    return this.entries.bytes + this.aliases.bytes
  }

  /** The entry for a key, made most recently used. */
  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    if (entry) this.hits += 1
    else this.misses += 1
    return entry
  }

  /** The entry a raw request target was last answered from, if it is still kept (the hit path's only lookup). */
  byTarget(target: string): CachedResponse | undefined {
    // The entry's recency is what evicts; an alias only follows it.
    const key = this.aliases.peek(target)
    const entry = key === undefined ? undefined : this.entries.get(key)
    if (entry) this.hits += 1
    return entry
  }

  /** Stores an entry, evicting the least recently used ones to stay within the byte budget, and names the target it answered. */
  set(key: string, entry: CachedResponse, target?: string): void {
    if (!this.enabled) return
    this.entries.set(key, entry)
    if (target !== undefined) this.aliases.set(target, key)
  }

  /** Names another raw target for a kept entry. */
  alias(target: string, key: string): void {
    if (this.enabled) this.aliases.set(target, key)
  }

  clear(): void {
    this.entries.clear()
    this.aliases.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
