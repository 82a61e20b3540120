import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { measureLatency, queryData, type Latency } from './latency.js'
import { measureJob, type JobMeasure } from './pdf-and-dump.js'
import { scaleQueries } from './scenarios.js'
import { startServerProcess } from './server-process.js'
import { ensureSyntheticDatabase, type SyntheticDatabase } from './synthetic-databases.js'

/** Everything measured at one scale. */
export interface ScalePoint {
  database: SyntheticDatabase
  dump: JobMeasure
  latencies: Latency[]
}

/**
 * For each scale: the synthetic database (built or reused, in dir), the dump
 * of it in a child process (time, peak RSS, bytes written), then a server over
 * it (response cache off) and the sequential latency of each scale query.
 */
export async function measureScale(scales: readonly number[], dir: string, samples: number, log: (line: string) => void): Promise<ScalePoint[]> {
  const points: ScalePoint[] = []
  for (const scale of scales) {
    const database = await ensureSyntheticDatabase(scale, dir)
    log(`  ${scale}x: database ${database.reused ? 'reused' : 'built'} (${(database.bytes / 1e6).toFixed(1)} MB, build ${Math.round(database.buildMs)} ms)`)
    const publication = join(dir, `publication-${scale}x`)
    rmSync(publication, { recursive: true, force: true })
    const dump = await measureJob(['dump', publication], { DATABASE_PATH: database.path })
    log(`  ${scale}x: dump ${Math.round(dump.ms)} ms, peak ${(dump.maxRssBytes / 1e6).toFixed(0)} MB, ${(dump.outputBytes / 1e6).toFixed(1)} MB written`)
    // The dump just written is newer than the database, so the server does not write the publication again.
    const server = await startServerProcess({ DATABASE_PATH: database.path, PUBLICATION_DIR: publication, RESPONSE_CACHE_BYTES: '0' })
    try {
      const page = await queryData<{ actions: { edges: { node: { id: string } }[] } }>(server.base, scaleQueries.actionsPage())
      const ids = page.actions.edges.map((edge) => edge.node.id)
      const latencies = []
      for (const scenario of [scaleQueries.actionsPage(), scaleQueries.node(ids[0]!), scaleQueries.nodes(ids), scaleQueries.themePage(), scaleQueries.search()]) {
        latencies.push(await measureLatency(server.base, scenario, samples))
      }
      points.push({ database, dump, latencies })
    } finally {
      await server.stop()
      rmSync(publication, { recursive: true, force: true })
    }
  }
  return points
}
