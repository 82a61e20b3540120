/** Every render slot is busy and the queue is full: the caller should answer 503 and come back later. */
export class RenderQueueFullError extends Error {
  override readonly name = 'RenderQueueFullError'
  constructor(readonly active: number, readonly waiting: number) {
    super(`report rendering is busy: ${active} rendering, ${waiting} waiting`)
  }
}

/**
 * Runs at most `concurrency` tasks at once and lets at most `queue` more wait;
 * a task beyond that is refused at once with RenderQueueFullError, so a flood
 * of requests costs a refusal each, not memory and time.
 */
export class RenderLimiter {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(readonly concurrency: number, readonly queue: number) {}

  get active(): number { return this.running }
  get queued(): number { return this.waiting.length }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new RenderQueueFullError(this.running, this.waiting.length)
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    } else {
      this.running += 1
    }
    try {
      return await task()
    } finally {
      // Hand the slot straight to the next waiter, so running stays counted.
      const next = this.waiting.shift()
      if (next) next()
      else this.running -= 1
    }
  }
}
