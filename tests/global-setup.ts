import { buildDatabase } from '../src/build/build-database.js'
import { databaseIsStale } from '../src/build/database-is-stale.js'
import { loadConfig, projectRoot } from '../src/config.js'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase, dropTestDatabases, testPostgresServer } from './editorial-target.js'

/**
 * Builds the database once before the suite when it is missing or older than
 * the data, and points EDITORIAL_DATABASE at a temporary folder for the whole
 * run (test files and the servers they spawn inherit it), so no test ever
 * opens the project's editorial store. The folder is removed afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const editorialDir = mkdtempSync(join(tmpdir(), 'open-akkoord-test-editorial-'))
  process.env.EDITORIAL_DATABASE = join(editorialDir, 'editorial.sqlite')
  // Under OPEN_AKKOORD_TEST_POSTGRES the run's editorial store is a new PostgreSQL database, and so is every
  // store a test makes (tests/editorial-target.ts); all are named after the run and dropped at its end.
  const prefix = `oa_test_${randomBytes(4).toString('hex')}`
  if (testPostgresServer) {
    process.env.OPEN_AKKOORD_TEST_PG_PREFIX = prefix
    process.env.EDITORIAL_DATABASE_URL = await createTestDatabase(prefix)
  }
  const config = loadConfig({})
  const inputs = [config.dataDir, join(projectRoot, 'db/source'), join(projectRoot, 'src/store/migrations')]
  if (databaseIsStale(config.databasePath, inputs)) {
    await buildDatabase({ dataDir: config.dataDir, databasePath: config.databasePath, root: projectRoot })
  }
  return async () => {
    rmSync(editorialDir, { recursive: true, force: true })
    if (testPostgresServer) await dropTestDatabases(prefix)
  }
}
