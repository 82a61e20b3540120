import { buildDatabase } from '../src/build/build-database.js'
import { databaseIsStale } from '../src/build/database-is-stale.js'
import { loadConfig, projectRoot } from '../src/config.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Builds the database once before the suite when it is missing or older than
 * the data, and points EDITORIAL_DATABASE at a temporary folder for the whole
 * run (test files and the servers they spawn inherit it), so no test ever
 * opens the project's editorial store. The folder is removed afterwards.
 */
export default async function setup(): Promise<() => void> {
  const editorialDir = mkdtempSync(join(tmpdir(), 'open-akkoord-test-editorial-'))
  process.env.EDITORIAL_DATABASE = join(editorialDir, 'editorial.sqlite')
  const config = loadConfig({})
  const inputs = [config.dataDir, join(projectRoot, 'db/source'), join(projectRoot, 'src/store/migrations')]
  if (databaseIsStale(config.databasePath, inputs)) {
    await buildDatabase({ dataDir: config.dataDir, databasePath: config.databasePath, root: projectRoot })
  }
  return () => rmSync(editorialDir, { recursive: true, force: true })
}
