import { runLoad, type LoadResult } from './load.js'
import { recordAnswer } from './record-answer.js'
import { loadRequestOf, throughputScenarios } from './scenarios.js'
import { startServerProcess } from './server-process.js'

/** One worker against two, on the same query and load. */
export interface ClusterComparison {
  scenario: string
  oneWorker: LoadResult
  twoWorkers: LoadResult
  /** Two workers' req/s over one's. */
  speedup: number
}

/**
 * Serves the uncached nested theme query from WORKERS=1 and WORKERS=2 (the
 * response cache off, so every request is computed) and drives both alike.
 */
export async function compareWorkers(options: { durationSeconds: number; warmupSeconds: number; connections: number }): Promise<ClusterComparison> {
  const scenario = throughputScenarios.find((s) => s.name === 'nested theme page uncached')!
  const requests = [loadRequestOf(scenario)]
  const measure = async (workers: number) => {
    const server = await startServerProcess({ RESPONSE_CACHE_BYTES: '0', WORKERS: String(workers) })
    try {
      await recordAnswer(server.base, scenario)
      // Each worker warms up its own JIT; the warm-up load reaches both.
      if (options.warmupSeconds > 0) await runLoad({ base: server.base, requests, connections: options.connections, durationSeconds: options.warmupSeconds })
      return await runLoad({ base: server.base, requests, connections: options.connections, durationSeconds: options.durationSeconds })
    } finally {
      await server.stop()
    }
  }
  const oneWorker = await measure(1)
  const twoWorkers = await measure(2)
  return { scenario: scenario.name, oneWorker, twoWorkers, speedup: twoWorkers.requestsPerSecond / oneWorker.requestsPerSecond }
}
