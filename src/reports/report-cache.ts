/**
 * A small least-recently-used cache of rendered reports, with single flight:
 * while one request renders a report, identical requests wait for that render
 * instead of starting their own.
 */
export class ReportCache<V> {
  private readonly entries = new Map<string, V>()
  private readonly inFlight = new Map<string, Promise<V>>()

  constructor(readonly maxEntries: number) {}

  get size(): number { return this.entries.size }

  get(key: string): V | undefined {
    const value = this.entries.get(key)
    if (value !== undefined) {
      // Re-insert to mark as most recently used.
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }

  /** The cached value, the render in flight for the same key, or a new render whose result is kept. */
  async getOrCreate(key: string, create: () => Promise<V>): Promise<V> {
    const cached = this.get(key)
    if (cached !== undefined) return cached
    const pending = this.inFlight.get(key)
    if (pending) return pending
    const promise = create().then((value) => {
      this.set(key, value)
      return value
    }).finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, promise)
    return promise
  }

  private set(key: string, value: V): void {
    if (this.maxEntries === 0) return
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
  }
}
