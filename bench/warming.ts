import { readManifest } from '../src/api/persisted-documents.js'
import { cpuSeconds } from './child-process.js'
import { startServerProcess } from './server-process.js'

/** What warming the response cache took on a server start, and whether the first request of a warmed document was a hit. */
export interface WarmingMeasure {
  /** The server's own report (src/server/cache-warming.ts): answers admitted, the heap they hold, wall time. */
  report: { answers: number; bytes: number; ms: number; stopped?: string }
  /** CPU the server spent from its first answered request until warming was done (mostly warming). */
  cpuMs: number
  /** Resident memory of the warmed server against one started with warming off, both once idle. */
  rssBytes: number
  rssColdBytes: number
  /** x-cache of the first request for each trusted document that needs no variables. */
  firstRequests: Record<string, string | null>
}

/**
 * Starts a server with the default warming (LOG_LEVEL=info, to read its
 * report from the log) beside one with warming off, and asks each trusted
 * document that needs no variables once: on the warmed server the first
 * request must be a hit.
 */
export async function measureWarming(): Promise<WarmingMeasure> {
  const cold = await startServerProcess({ WARM_CACHE_MS: '0' })
  const warm = await startServerProcess({ LOG_LEVEL: 'info', WARM_CACHE_MS: '10000' })
  try {
    const cpuAtReady = await cpuSeconds(warm.pid)
    let log = ''
    const report = await new Promise<WarmingMeasure['report']>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no warming report in the log within 60 s: ${log.slice(-500)}`)), 60_000)
      const look = (chunk: Buffer) => {
        log += chunk.toString()
        const line = log.split('\n').find((l) => l.includes('"response cache warmed"'))
        if (!line) return
        clearTimeout(timer)
        warm.child.stdout!.off('data', look)
        resolve((JSON.parse(line) as { warming: WarmingMeasure['report'] }).warming)
      }
      warm.child.stdout!.on('data', look)
    })
    const cpuMs = ((await cpuSeconds(warm.pid)) - cpuAtReady) * 1000
    const firstRequests: Record<string, string | null> = {}
    for (const name of ['ThemesOverview', 'BudgetOverview', 'TargetsByDeadline', 'ActionsPage']) {
      const id = readManifest().operations.find((o) => o.name === name)!.id
      const answer = await fetch(`${warm.base}/graphql?documentId=sha256:${id}`, { headers: { accept: 'application/graphql-response+json' } })
      await answer.arrayBuffer()
      firstRequests[name] = answer.headers.get('x-cache')
    }
    return { report, cpuMs, rssBytes: await warm.rss(), rssColdBytes: await cold.rss(), firstRequests }
  } finally {
    await Promise.all([warm.stop(), cold.stop()])
  }
}
