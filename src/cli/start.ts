import { join } from 'node:path'
import { buildDatabase } from '../build/build-database.js'
import { databaseIsStale } from '../build/database-is-stale.js'
import { ConfigError, loadConfig, projectRoot } from '../config.js'
import { createLogger } from '../server/logger.js'
import { startServer } from '../server/start-server.js'
import { writePublication } from '../publication/write-publication.js'
import { openDatabase } from '../store/open-database.js'

/**
 * `npm start`: builds the database first when it is missing or older than its
 * data, and the open-data publication when it is missing or older than the
 * database, then serves the API, the data, the reports and the web site. SIGTERM/SIGINT stop it gracefully (exit 0);
 * SIGHUP reopens the database file, picking up a `npm run db:build` made while
 * it runs.
 */
let config
try {
  config = loadConfig()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(error.message)
  process.exit(2)
}
const logger = createLogger(config)

const inputs = [config.dataDir, join(projectRoot, 'db/source'), join(projectRoot, 'src/store/migrations')]
if (databaseIsStale(config.databasePath, inputs)) {
  logger.info({ database: config.databasePath }, 'the database is missing or older than its data; building it')
  try {
    const started = performance.now()
    const result = await buildDatabase({ dataDir: config.dataDir, databasePath: config.databasePath, root: projectRoot })
    logger.info({ agreements: result.agreements, ms: Math.round(performance.now() - started) }, 'database built')
  } catch (error) {
    logger.fatal({ err: error }, 'building the database failed; run `npm run db:build` to see every problem')
    process.exit(1)
  }
}

// /data/ serves the publication: write it when there is none, or when the database is newer than it.
if (databaseIsStale(join(config.publicationDir, 'SHA256SUMS'), [config.databasePath])) {
  const store = openDatabase(config.databasePath, { readonly: true })
  try {
    const result = await writePublication({
      db: store.db, databasePath: config.databasePath, outDir: config.publicationDir, root: projectRoot,
      baseUrl: config.publicBaseUrl, publisherUri: config.publisherUri, publisherName: config.publisherName,
    })
    logger.info({ files: result.files.length, outDir: result.outDir }, 'publication written')
  } catch (error) {
    logger.error({ err: error }, 'writing the publication failed; /data/ serves the previous one, if any')
  } finally {
    await store.db.destroy()
  }
}

const running = await startServer(config, logger)
const stop = (signal: string) => {
  logger.info({ signal }, 'signal received')
  running.shutdown().then(() => process.exit(0), (error: unknown) => {
    logger.error({ err: error }, 'shutdown failed')
    process.exit(1)
  })
}
process.once('SIGTERM', () => stop('SIGTERM'))
process.once('SIGINT', () => stop('SIGINT'))
process.on('SIGHUP', () => running.reopenDatabase())
