import { startBareServer, type RecordedAnswer } from './bare-server.js'
import { cpuSeconds } from './child-process.js'
import { runLoad, type LoadResult } from './load.js'
import { startMercuriusServer } from './mercurius-server.js'
import { recordAnswer } from './record-answer.js'
import { loadRequestOf, throughputScenarios, type Scenario } from './scenarios.js'
import { benchEditorialPath, startServerProcess, type ServerProcess } from './server-process.js'

/** A load run with the CPU the measured process spent per answer. */
export interface MeasuredRun extends LoadResult {
  cpuMsPerAnswer: number
}

/** One scenario measured against the real server, the bare server and (uncached) the Mercurius peer, side by side. */
export interface ThroughputRow {
  scenario: string
  server: MeasuredRun
  bare: MeasuredRun
  /** Server req/s over bare req/s in the same run. */
  ratio: number
  /** Server CPU per answer over bare CPU per answer in the same run. */
  cpuRatio: number
  /** The same scenario against the --baseline checkout (before), driven right after the server (after). */
  baseline?: MeasuredRun
  baselineRatio?: number
  baselineCpuRatio?: number
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
  /** Another checkout of the project (e.g. a git worktree of main) measured beside this one: before and after in one run. */
  baseline?: string
  /** Only the scenarios whose name contains this text (e.g. "cache hit"). */
  scenarios?: string
}

/** The servers a scenario may run against: cache on, cache off, cache on at the default log level. */
interface ServerSet {
  cached: ServerProcess
  uncached: ServerProcess
  info: ServerProcess
}

async function startServerSet(env: Record<string, string>, checkout?: string): Promise<ServerSet> {
  const cached = await startServerProcess({ ...env }, undefined, [], checkout)
  const uncached = await startServerProcess({ ...env, RESPONSE_CACHE_BYTES: '0' }, undefined, [], checkout)
  const info = await startServerProcess({ ...env, LOG_LEVEL: 'info' }, undefined, [], checkout)
  return { cached, uncached, info }
}

const serverFor = (set: ServerSet, scenario: Scenario) => (scenario.logLevel === 'info' ? set.info : scenario.cached ? set.cached : set.uncached)

/** The scenario whose CPU per answer must stay near bare's: a small cache hit is the server's own overhead and nothing else. */
export const smallHitScenario = 'repeated GET query (cache hit)'
export const maxSmallHitCpuRatio = 1.3

/** A message when CPU per small hit exceeds 1.3x the bare server's, for the bench to fail with. */
export function cpuGuard(rows: readonly ThroughputRow[]): string | undefined {
  const row = rows.find((r) => r.scenario === smallHitScenario)
  if (!row || row.cpuRatio <= maxSmallHitCpuRatio) return undefined
  return `CPU per small cache hit is ${row.cpuRatio.toFixed(2)}x the bare server's (${(row.server.cpuMsPerAnswer * 1000).toFixed(1)} µs against ${(row.bare.cpuMsPerAnswer * 1000).toFixed(1)} µs); at most ${maxSmallHitCpuRatio}x is allowed`
}

/**
 * Measures every throughput scenario: the real server twice (response cache
 * on for the cached scenarios, RESPONSE_CACHE_BYTES=0 for the uncached ones),
 * the bare server answering with the same recorded bytes, and for uncached
 * scenarios the Mercurius peer (and with a baseline checkout, its server too). Each scenario's runs go back to back, so all
 * see the same machine noise; CPU per answer is read from /proc, since
 * throughput on two cores is partly capped by the load generator.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputRow[]> {
  const servers = await startServerSet({ ...options.env })
  // The baseline reads its own checkout's database (built at its start when missing or stale): this one's may have a
  // schema the older server refuses, which stopped every before/after run of a change that adds a migration.
  const baseline = options.baseline === undefined ? undefined : await startServerSet({ ...options.env }, options.baseline)
  const peer = await startMercuriusServer({ EDITORIAL_DATABASE: benchEditorialPath, LOG_LEVEL: 'silent', ...options.env })
  const stops: (() => Promise<unknown>)[] = [...[servers, baseline].flatMap((set) => (set ? Object.values(set).map((s) => s.stop) : [])), peer.stop]
  const rows: ThroughputRow[] = []
  try {
    const recorded = []
    for (const scenario of throughputScenarios.filter((s) => options.scenarios === undefined || s.name.includes(options.scenarios!))) {
      const server = serverFor(servers, scenario)
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
      const before = baseline === undefined ? undefined : await drive(serverFor(baseline, r.scenario).base, serverFor(baseline, r.scenario).pid)
      const bareResult = await drive(bare.base, bare.pid)
      const peerResult = r.scenario.cached ? undefined : await drive(peer.base, peer.pid)
      rows.push({
        scenario: r.scenario.name, server, bare: bareResult, ratio: server.requestsPerSecond / bareResult.requestsPerSecond,
        cpuRatio: server.cpuMsPerAnswer / bareResult.cpuMsPerAnswer,
        ...(before ? { baseline: before, baselineRatio: before.requestsPerSecond / bareResult.requestsPerSecond, baselineCpuRatio: before.cpuMsPerAnswer / bareResult.cpuMsPerAnswer } : {}),
        ...(peerResult ? { peer: peerResult, peerRatio: peerResult.requestsPerSecond / bareResult.requestsPerSecond } : {}),
        sqlStatements: r.sqlStatements, bodyBytes: r.answer.body.length,
      })
    }
  } finally {
    await Promise.all(stops.map((stop) => stop()))
  }
  return rows
}
