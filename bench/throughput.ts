import { startBareServer, type RecordedAnswer } from './bare-server.js'
import { cpuSeconds } from './child-process.js'
import { runLoad, type LoadResult } from './load.js'
import { startMercuriusServer } from './mercurius-server.js'
import { recordAnswer } from './record-answer.js'
import { loadRequestOf, throughputScenarios } from './scenarios.js'
import { benchEditorialPath, startServerProcess } from './server-process.js'

/** A load run with the CPU the measured process spent per answer. */
export interface MeasuredRun extends LoadResult {
  cpuMsPerAnswer: number
}

/** One scenario measured against the real server, the bare server and (uncached) the Mercurius peer, side by side. */
export interface ThroughputRow {
  scenario: string
  server: MeasuredRun
  bare: LoadResult
  /** Server req/s over bare req/s in the same run. */
  ratio: number
  /** Fastify + Mercurius + jit on the same schema and resolvers (uncached scenarios only), and its ratio to bare. */
  peer?: MeasuredRun
  peerRatio?: number
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
 * the bare server answering with the same recorded bytes, and for uncached
 * scenarios the Mercurius peer. Each scenario's runs go back to back, so all
 * see the same machine noise; CPU per answer is read from /proc, since
 * throughput on two cores is partly capped by the load generator.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputRow[]> {
  const cachedServer = await startServerProcess({ ...options.env })
  const uncachedServer = await startServerProcess({ ...options.env, RESPONSE_CACHE_BYTES: '0' })
  const peer = await startMercuriusServer({ EDITORIAL_DATABASE: benchEditorialPath, LOG_LEVEL: 'silent', ...options.env })
  const stops: (() => Promise<unknown>)[] = [cachedServer.stop, uncachedServer.stop, peer.stop]
  const rows: ThroughputRow[] = []
  try {
    const recorded = []
    for (const scenario of throughputScenarios) {
      const server = scenario.cached ? cachedServer : uncachedServer
      recorded.push({ scenario, server, ...(await recordAnswer(server.base, scenario)) })
    }
    const bare = await startBareServer(new Map<string, RecordedAnswer>(recorded.map((r) => [r.path, r.answer])))
    stops.push(bare.stop)
    for (const r of recorded) {
      const requests = [loadRequestOf(r.scenario)]
      /** Warms up, then measures, reading the measured process's CPU around the measured run only. */
      const drive = async (base: string, pid?: number): Promise<MeasuredRun> => {
        if (options.warmupSeconds > 0) await runLoad({ base, requests, connections: options.connections, durationSeconds: options.warmupSeconds })
        const before = pid === undefined ? 0 : await cpuSeconds(pid)
        const result = await runLoad({ base, requests, connections: options.connections, durationSeconds: options.durationSeconds })
        const spent = pid === undefined ? 0 : (await cpuSeconds(pid)) - before
        return { ...result, cpuMsPerAnswer: spent * 1000 / Math.max(1, result.total) }
      }
      const server = await drive(r.server.base, r.server.pid)
      const bareResult = await drive(bare.base)
      const peerResult = r.scenario.cached ? undefined : await drive(peer.base, peer.pid)
      rows.push({
        scenario: r.scenario.name, server, bare: bareResult, ratio: server.requestsPerSecond / bareResult.requestsPerSecond,
        ...(peerResult ? { peer: peerResult, peerRatio: peerResult.requestsPerSecond / bareResult.requestsPerSecond } : {}),
        sqlStatements: r.sqlStatements, bodyBytes: r.answer.body.length,
      })
    }
  } finally {
    await Promise.all(stops.map((stop) => stop()))
  }
  return rows
}
