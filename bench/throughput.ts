import { startBareServer, type RecordedAnswer } from './bare-server.js'
import { runLoad, type LoadResult } from './load.js'
import { recordAnswer } from './record-answer.js'
import { loadRequestOf, throughputScenarios } from './scenarios.js'
import { startServerProcess } from './server-process.js'

/** One scenario measured against the real server and the bare server, side by side. */
export interface ThroughputRow {
  scenario: string
  server: LoadResult
  bare: LoadResult
  /** Server req/s over bare req/s in the same run. */
  ratio: number
  sqlStatements: number
  bodyBytes: number
}

/** How long and how hard each scenario is driven. */
export interface ThroughputOptions {
  durationSeconds: number
  warmupSeconds: number
  connections: number
  /** Settings for the server children (e.g. a synthetic DATABASE_PATH); the cache setting is the bench's. */
  env?: Record<string, string>
}

/**
 * Measures every throughput scenario: the real server twice (response cache
 * on for the cached scenarios, RESPONSE_CACHE_BYTES=0 for the uncached ones),
 * and the bare server answering with the same recorded bytes. Each pair runs
 * back to back, so both see the same machine noise.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputRow[]> {
  const cachedServer = await startServerProcess({ ...options.env })
  const uncachedServer = await startServerProcess({ ...options.env, RESPONSE_CACHE_BYTES: '0' })
  const stops: (() => Promise<unknown>)[] = [cachedServer.stop, uncachedServer.stop]
  const rows: ThroughputRow[] = []
  try {
    const recorded = []
    for (const scenario of throughputScenarios) {
      const base = scenario.cached ? cachedServer.base : uncachedServer.base
      recorded.push({ scenario, base, ...(await recordAnswer(base, scenario)) })
    }
    const bare = await startBareServer(new Map<string, RecordedAnswer>(recorded.map((r) => [r.path, r.answer])))
    stops.push(bare.stop)
    for (const r of recorded) {
      const requests = [loadRequestOf(r.scenario)]
      const drive = async (base: string) => {
        if (options.warmupSeconds > 0) await runLoad({ base, requests, connections: options.connections, durationSeconds: options.warmupSeconds })
        return runLoad({ base, requests, connections: options.connections, durationSeconds: options.durationSeconds })
      }
      const server = await drive(r.base)
      const bareResult = await drive(bare.base)
      rows.push({
        scenario: r.scenario.name, server, bare: bareResult, ratio: server.requestsPerSecond / bareResult.requestsPerSecond,
        sqlStatements: r.sqlStatements, bodyBytes: r.answer.body.length,
      })
    }
  } finally {
    await Promise.all(stops.map((stop) => stop()))
  }
  return rows
}
