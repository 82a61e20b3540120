import { buildDatabase } from '../build/build-database.js'
import { loadConfig, projectRoot } from '../config.js'
import { DataErrors } from '../data/data-error.js'

/** `npm run db:build`: validates the curated data and (re)builds the SQLite database atomically. */
try {
  const config = loadConfig()
  const started = performance.now()
  const result = await buildDatabase({ dataDir: config.dataDir, databasePath: config.databasePath, root: projectRoot })
  console.log(`built ${result.databasePath} (${result.agreements.join(', ')}) in ${Math.round(performance.now() - started)} ms`)
} catch (error) {
  if (error instanceof DataErrors) console.error(`db:build failed, the existing database is untouched.\n${error.message}`)
  else console.error(`db:build failed, the existing database is untouched: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
