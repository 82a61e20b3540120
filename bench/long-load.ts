import { runLoad, type LoadResult } from './load.js'
import { mixedLoad } from './scenarios.js'
import { startServerProcess } from './server-process.js'

/** The long mixed load against one server process. */
export interface LongLoad {
  /** Whether the response cache was on (the default) or off (every request executed). */
  responseCache: boolean
  durationSeconds: number
  connections: number
  distinctRequests: number
  result: LoadResult
  rssAfterWarmupBytes: number
  rssAfterRunBytes: number
  /** RSS after the run over RSS after warm-up (target: at most 1.2). */
  rssGrowth: number
  serverExitCode: number | null
}

const themes = ['ontmoeten', 'opgroeien-onderwijs-en-bewegen', 'meedoen', 'ondernemen', 'verduurzamen', 'wonen', 'organisatie-en-financien']
// Words of the agreement, FTS operators and a quote among them: what a search box receives.
const words = [
  'woningbouw', 'wonen', 'duurzaam', 'energie', 'sport', 'onderwijs', 'armoede', 'zorg', 'jeugd', 'cultuur', 'veiligheid', 'wijk',
  'ondernemers', 'binnenstad', 'verkeer', 'fiets', 'natuur', 'klimaat', 'water', 'werk', 'basisbanen', 'inwoners', 'raad', 'financiën',
  'begroting', 'lasten', 'ozb', 'kinderopvang', 'mantelzorg', 'vrijwilligers', 'dorpen', 'kloosterveen', 'noorderpark', 'centrum',
  'wonen OR zorg', 'sport AND jeugd', '"sociale woningbouw"', 'energie*', 'NOT wonen', 'assen',
]

/**
 * Runs the mixed load (search, theme pages, filtered pages, overview; a
 * bounded set of variables) at the given concurrency against one server
 * process (default settings, or the response cache off): a warm-up that fills the cache and the JIT,
 * then the measured run; the server's RSS is read from /proc after each.
 */
export async function runLongLoad(options: { durationSeconds: number; warmupSeconds: number; connections: number; responseCache: boolean }): Promise<LongLoad> {
  // With the cache off every request runs GraphQL and SQL: the run then looks for leaks on the path that allocates most.
  const server = await startServerProcess(options.responseCache ? {} : { RESPONSE_CACHE_BYTES: '0' })
  const requests = mixedLoad(themes, words)
  let measured: { result: LoadResult; rssAfterWarmupBytes: number; rssAfterRunBytes: number }
  try {
    await runLoad({ base: server.base, requests, connections: options.connections, durationSeconds: options.warmupSeconds })
    const rssAfterWarmupBytes = await server.rss()
    const result = await runLoad({ base: server.base, requests, connections: options.connections, durationSeconds: options.durationSeconds })
    measured = { result, rssAfterWarmupBytes, rssAfterRunBytes: await server.rss() }
  } catch (error) {
    await server.stop()
    throw error
  }
  const serverExitCode = await server.stop()
  const { result, rssAfterWarmupBytes, rssAfterRunBytes } = measured
  return {
    responseCache: options.responseCache, durationSeconds: options.durationSeconds, connections: options.connections, distinctRequests: requests.length,
    result, rssAfterWarmupBytes, rssAfterRunBytes, rssGrowth: rssAfterRunBytes / rssAfterWarmupBytes, serverExitCode,
  }
}
