import { runTsxJson } from './child-process.js'

/** One request of a load mix. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
}

/** What a load run is asked to do. */
export interface LoadOptions {
  base: string
  requests: readonly LoadRequest[]
  connections: number
  durationSeconds: number
}

/** What a load run measured. */
export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  total: number
  errors: number
  timeouts: number
  non2xx: number
  /** Answers by status class, as autocannon counts them. */
  statusClasses: Record<string, number>
}

/**
 * Drives a server with autocannon from a separate process, so the load
 * generator never shares an event loop (or a core's time slices) with the
 * server it measures. Each connection cycles through the requests in order.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  return runTsxJson<LoadResult>('bench/load-child.ts', [JSON.stringify(options)])
}
