import { buildDatabase } from '../src/build/build-database.js'
import { databaseIsStale } from '../src/build/database-is-stale.js'
import { loadConfig, projectRoot } from '../src/config.js'
import { join } from 'node:path'

/** Builds the database once before the suite when it is missing or older than the data. */
export default async function setup(): Promise<void> {
  const config = loadConfig({})
  const inputs = [config.dataDir, join(projectRoot, 'db/source'), join(projectRoot, 'src/store/migrations')]
  if (databaseIsStale(config.databasePath, inputs)) {
    await buildDatabase({ dataDir: config.dataDir, databasePath: config.databasePath, root: projectRoot })
  }
}
