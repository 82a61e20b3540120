import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServerProcess } from './server-process.js'

/** Process start to first answered query, in milliseconds. */
export interface ColdStart {
  /** The database and the publication already built (the usual restart). */
  builtMs: number
  /** A first start: the database is built and the publication written before the server listens. */
  firstBuildMs: number
}

/**
 * Starts the real server from nothing twice: once over the built database,
 * once with DATABASE_PATH and PUBLICATION_DIR in an empty temporary folder.
 */
export async function measureColdStart(): Promise<ColdStart> {
  const built = await startServerProcess()
  await built.stop()
  const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-bench-cold-'))
  try {
    const first = await startServerProcess({ DATABASE_PATH: join(dir, 'db.sqlite'), PUBLICATION_DIR: join(dir, 'publication') })
    await first.stop()
    return { builtMs: built.readyMs, firstBuildMs: first.readyMs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
