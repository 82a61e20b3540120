import type { ThrottleStatus } from '../api/throttle-status.js'

interface Bucket {
  points: number
  at: number
}

/**
 * A points budget per client: a bucket of `points` that refills evenly over
 * `windowSeconds` (a leaky bucket, as Shopify's), charged with the cost of
 * each executed answer. A client whose bucket is empty is refused until it
 * refills; an answer from the response cache costs nothing. At most
 * `maxClients` buckets are kept: the least recently seen go first (a full
 * bucket is the same as none).
 */
export class PointsBudget {
  private readonly buckets = new Map<string, Bucket>()
  readonly restoreRate: number

  constructor(readonly points: number, readonly windowSeconds: number, private readonly maxClients = 100_000, private readonly now = () => Date.now()) {
    this.restoreRate = points / windowSeconds
  }

  /** The bucket of a client, refilled to now and marked as most recently seen. */
  private bucket(client: string): Bucket {
    const now = this.now()
    const kept = this.buckets.get(client)
    const bucket = kept
      ? { points: Math.min(this.points, kept.points + ((now - kept.at) / 1000) * this.restoreRate), at: now }
      : { points: this.points, at: now }
    this.buckets.delete(client)
    this.buckets.set(client, bucket)
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!)
    return bucket
  }

  /** Where a client stands now. */
  status(client: string): ThrottleStatus {
    const { points } = this.bucket(client)
    return {
      maximumAvailable: this.points,
      currentlyAvailable: Math.floor(points),
      restoreRate: Math.round(this.restoreRate * 100) / 100,
      secondsToFull: Math.ceil((this.points - points) / this.restoreRate),
    }
  }

  /** Whether the client may run a request: something is left in its bucket. */
  allows(client: string): boolean {
    return this.bucket(client).points >= 1
  }

  /** Seconds until a client with an empty bucket has a point again. */
  retryAfter(client: string): number {
    return Math.max(1, Math.ceil((1 - this.bucket(client).points) / this.restoreRate))
  }

  /** Takes the cost of an answer from the client's bucket (which may go below zero: the next requests wait for it). */
  charge(client: string, cost: number): ThrottleStatus {
    this.bucket(client).points -= Math.max(0, cost)
    return this.status(client)
  }

  /** The IETF RateLimit-Policy and RateLimit header values for a status (draft-ietf-httpapi-ratelimit-headers). */
  headers(status: ThrottleStatus): Record<string, string> {
    return {
      'ratelimit-policy': `"points";q=${this.points};w=${this.windowSeconds}`,
      ratelimit: `"points";r=${Math.max(0, status.currentlyAvailable)};t=${status.secondsToFull}`,
    }
  }
}
