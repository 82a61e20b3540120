import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { measureLatency, queryData, type Latency } from './latency.js'
import { measureJob, type JobMeasure } from './pdf-and-dump.js'
import { scaleQueries } from './scenarios.js'
import { startServerProcess } from './server-process.js'
import { ensureSyntheticDatabase, type SyntheticDatabase } from './synthetic-databases.js'

/** Everything measured at one scale. */
export interface ScalePoint {
  database: SyntheticDatabase
  dump: JobMeasure
  /** The same dump by the baseline checkout (`--baseline`), measured just before. */
  baselineDump?: JobMeasure
  latencies: Latency[]
}

/** One public address for the dump and the server over it. */
const baseUrl = 'http://localhost:8080'

/**
 * Dumps the database into a fresh folder in a child process of the checkout
 * (this one, or cwd) and measures it. With the public address and the
 * editorial store the server will be given: a publication written with
 * others (the address defaults to the port's) is stale for that server,
 * which then writes it again before it answers (at 1000x, for longer than the
 * bench waits).
 */
async function measureDump(database: SyntheticDatabase, publication: string, editorial: string, cwd?: string): Promise<JobMeasure> {
  rmSync(publication, { recursive: true, force: true })
  return measureJob(['dump', publication, 'editorial'], { DATABASE_PATH: database.path, EDITORIAL_DATABASE: editorial, PUBLIC_BASE_URL: baseUrl }, cwd)
}

const dumpLine = (dump: JobMeasure) => `${Math.round(dump.ms)} ms, peak ${(dump.maxRssBytes / 1e6).toFixed(0)} MB, ${(dump.outputBytes / 1e6).toFixed(1)} MB written`

/**
 * For each scale: the synthetic database (built or reused, in dir), the dump
 * of it in a child process (time, peak RSS per part, bytes written), with a
 * baseline checkout's dump of the same database just before when one is
 * given, then a server over it (response cache off) and the sequential
 * latency of each scale query.
 */
export async function measureScale(scales: readonly number[], dir: string, samples: number, log: (line: string) => void, baseline?: string): Promise<ScalePoint[]> {
  const points: ScalePoint[] = []
  for (const scale of scales) {
    const database = await ensureSyntheticDatabase(scale, dir)
    log(`  ${scale}x: database ${database.reused ? 'reused' : 'built'} (${(database.bytes / 1e6).toFixed(1)} MB, build ${Math.round(database.buildMs)} ms)`)
    const publication = join(dir, `publication-${scale}x`)
    const editorial = join(dir, 'editorial', 'editorial.sqlite')
    const baselineDump = baseline ? await measureDump(database, publication, editorial, resolve(baseline)) : undefined
    if (baselineDump) log(`  ${scale}x: dump before (${baseline}) ${dumpLine(baselineDump)}`)
    const dump = await measureDump(database, publication, editorial)
    log(`  ${scale}x: dump ${dumpLine(dump)}`)
    // The dump just written has the server's database, address and editorial store, so the server does not write it again.
    const server = await startServerProcess({ DATABASE_PATH: database.path, PUBLICATION_DIR: publication, EDITORIAL_DATABASE: editorial, PUBLIC_BASE_URL: baseUrl, RESPONSE_CACHE_BYTES: '0' })
    try {
      const page = await queryData<{ actions: { edges: { node: { id: string } }[] } }>(server.base, scaleQueries.actionsPage())
      const ids = page.actions.edges.map((edge) => edge.node.id)
      const latencies = []
      for (const scenario of [scaleQueries.actionsPage(), scaleQueries.node(ids[0]!), scaleQueries.nodes(ids), scaleQueries.themePage(), scaleQueries.search()]) {
        latencies.push(await measureLatency(server.base, scenario, samples))
      }
      points.push({ database, dump, ...(baselineDump ? { baselineDump } : {}), latencies })
    } finally {
      await server.stop()
      rmSync(publication, { recursive: true, force: true })
    }
  }
  return points
}
