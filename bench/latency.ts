import { graphqlHeaders, pathOf, type Scenario } from './scenarios.js'

/** Sequential latency of one query: one request at a time, so it is the query's cost, not queueing. */
export interface Latency {
  scenario: string
  p50Ms: number
  p99Ms: number
  sqlStatements: number
}

/** A query that failed during a latency run: names it and the answer. */
export class LatencyQueryError extends Error {
  override readonly name = 'LatencyQueryError'
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!

/** Asks the query `samples` times after a warm-up, one at a time, and returns p50/p99 and its SQL statement count. */
export async function measureLatency(base: string, scenario: Scenario, samples: number): Promise<Latency> {
  const url = `${base}${pathOf(scenario)}`
  const times: number[] = []
  let sqlStatements = Number.NaN
  // The warm-up lets the server's JIT settle first, so the first scale measured is not the slowest by accident.
  for (let i = -Math.max(50, samples); i < samples; i++) {
    const started = performance.now()
    const response = await fetch(url, { headers: graphqlHeaders })
    const body = await response.json() as { errors?: unknown; extensions?: { sqlStatements?: number } }
    const ms = performance.now() - started
    if (response.status !== 200 || body.errors) throw new LatencyQueryError(`${scenario.name}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`)
    sqlStatements = body.extensions?.sqlStatements ?? Number.NaN
    if (i >= 0) times.push(ms)
  }
  times.sort((a, b) => a - b)
  return { scenario: scenario.name, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99), sqlStatements }
}

/** Runs a query once and returns its data (the bench uses it to find IDs to look up). */
export async function queryData<T>(base: string, scenario: Scenario): Promise<T> {
  const response = await fetch(`${base}${pathOf(scenario)}`, { headers: graphqlHeaders })
  const body = await response.json() as { data?: T; errors?: unknown }
  if (!body.data || body.errors) throw new LatencyQueryError(`${scenario.name}: ${JSON.stringify(body).slice(0, 300)}`)
  return body.data
}
