import type { EncodedBodies } from './encoded-body.js'
import { BoundedCache } from '../memory/bounded-cache.js'
import { bufferBytes, entryOverheadBytes, recordBytes, stringBytes } from '../memory/heap-size.js'

/** A response kept for repeat requests: the bytes and headers sent, and the database generation they came from. */
export interface CachedResponse {
  status: number
  headers: Record<string, string>
  body: Buffer
  etag: string
  generation: number
  /** For an answer that read published progress: the editorial publication generation it was computed at. */
  publication?: number
  /** The headers of an answer from this entry, content-length and x-cache HIT included, built once so a hit copies nothing (GraphQL entries). */
  hitHeaders?: Record<string, string>
  /** The body compressed once for compressed hits (bodies of 1 KiB and more). */
  encoded?: EncodedBodies
}

/**
 * The heap an entry holds: the key, the body and its Buffer, both header maps
 * and the entry itself. Counting only the key and body made small entries
 * (most API answers are a few hundred bytes) about a tenth of their real size.
 */
export function cachedResponseBytes(key: string, entry: CachedResponse): number {
  // The etag and the hit headers' values are the same strings as in `headers`, but for the two added ones.
  return entryOverheadBytes + stringBytes(key) + bufferBytes(entry.body) + recordBytes(entry.headers) + recordBytes(entry.hitHeaders, true) + (entry.hitHeaders ? 64 : 0)
    + (entry.encoded ? bufferBytes(entry.encoded.br) + bufferBytes(entry.encoded.gzip) : 0)
}

/**
 * An in-memory LRU of GraphQL responses and web pages, bounded by the heap it
 * holds (RESPONSE_CACHE_BYTES). The data only changes when the database is
 * rebuilt and reopened, so an entry stays valid until then; reopening clears
 * the cache, and each entry carries its generation so an answer computed from
 * an older database is never kept.
 */
export class ResponseCache {
  private readonly entries: BoundedCache<CachedResponse>
  hits = 0
  misses = 0

  constructor(readonly maxBytes: number) {
    this.entries = new BoundedCache(maxBytes, cachedResponseBytes)
  }

  get enabled(): boolean {
    return this.maxBytes > 0
  }

  /** The heap the entries hold now, by the estimate they were admitted with. */
  get bytes(): number {
    return this.entries.bytes
  }

  /** The entry for a key, made most recently used. */
  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    if (entry) this.hits += 1
    else this.misses += 1
    return entry
  }

  /** Stores an entry, evicting the least recently used ones to stay within the byte budget. */
  set(key: string, entry: CachedResponse): void {
    if (this.enabled) this.entries.set(key, entry)
  }

  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
