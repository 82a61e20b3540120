/**
 * A least-recently-used cache bounded by the heap its entries hold, as
 * `sizeOf` estimates it, rather than by their number: yoga's default parse
 * cache keeps 1,024 documents for an hour whatever their size, and a large
 * distinct document holds about half a megabyte of syntax tree.
 * An entry larger than a quarter of the budget is not kept at all.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>()
  private held = 0

  constructor(readonly maxBytes: number, private readonly sizeOf: (key: string, value: V) => number) {}

  /** The heap the entries hold, by the estimate they were admitted with. */
  get bytes(): number {
    return this.held
  }

  get size(): number {
    return this.entries.size
  }

  get(key: string): V | undefined {
    const kept = this.entries.get(key)
    if (!kept) return undefined
    this.entries.delete(key)
    this.entries.set(key, kept)
    return kept.value
  }

  /** The value for a key without making it most recently used (a lookup on a hot path that another cache's recency covers). */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value
  }

  set(key: string, value: V): void {
    const bytes = this.sizeOf(key, value)
    this.delete(key)
    if (bytes > this.maxBytes / 4) return
    this.entries.set(key, { value, bytes })
    this.held += bytes
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  clear(): void {
    this.entries.clear()
    this.held = 0
  }

  private delete(key: string): void {
    const kept = this.entries.get(key)
    if (!kept) return
    this.entries.delete(key)
    this.held -= kept.bytes
  }
}
