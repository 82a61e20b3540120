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
}

/**
 * An in-memory LRU of GraphQL responses, bounded by the bytes it holds. The
 * data only changes when the database is rebuilt and reopened, so an entry
 * stays valid until then; reopening clears the cache, and each entry carries
 * its generation so an answer computed from an older database is never kept.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>()
  private bytes = 0
  hits = 0
  misses = 0

  constructor(readonly maxBytes: number) {}

  get enabled(): boolean {
    return this.maxBytes > 0
  }

  /** The entry for a key, made most recently used. */
  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key)
    if (!entry) {
      this.misses += 1
      return undefined
    }
    this.hits += 1
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  /** Stores an entry, evicting the least recently used ones to stay within the byte budget. */
  set(key: string, entry: CachedResponse): void {
    const size = key.length + entry.body.length
    if (!this.enabled || size > this.maxBytes / 4) return
    const previous = this.entries.get(key)
    if (previous) {
      this.entries.delete(key)
      this.bytes -= key.length + previous.body.length
    }
    this.entries.set(key, entry)
    this.bytes += size
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldKey)
      this.bytes -= oldKey.length + old.body.length
    }
  }

  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }

  get size(): number {
    return this.entries.size
  }
}
