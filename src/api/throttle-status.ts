/**
 * Where a client stands in its points budget, in the names Shopify's
 * `extensions.cost.throttleStatus` uses: the bucket's size, what is left
 * now, and how many points come back per second.
 */
export interface ThrottleStatus {
  maximumAvailable: number
  currentlyAvailable: number
  restoreRate: number
  /** Seconds until the bucket is full again (0 when it is). */
  secondsToFull: number
}
