import cluster, { type Worker } from 'node:cluster'
import { join } from 'node:path'
import { buildDatabase } from '../build/build-database.js'
import { databaseIsStale } from '../build/database-is-stale.js'
import { ConfigError, loadConfig, projectRoot, type Config } from '../config.js'
import { createLogger } from '../server/logger.js'
import { startServer, type RunningServer } from '../server/start-server.js'
import { publicationFailureOf, type PublicationFailure } from '../server/publication-readiness.js'
import { ensurePublication } from '../publication/ensure-publication.js'
import { openEditorialStore } from '../editorial/open-editorial-store.js'
import { DatabaseCheckError, openCheckedDatabase } from '../store/check-database.js'
import type { Store } from '../store/open-database.js'
import { storeFailure } from '../store/store-failure.js'

/**
 * `npm start`: builds the database first when it is missing or older than its
 * data, and the open-data publication when it was written from other settings
 * or another database (and on SIGHUP), then serves the API, the data, the reports and the web site. SIGTERM/SIGINT stop it gracefully (exit 0);
 * SIGHUP reopens the database file, picking up a `npm run db:build` made while
 * it runs. With WORKERS=N (N > 1) the primary prepares the database and the
 * publication, then forks N worker processes that share the port (node:cluster);
 * the server is stateless over a read-only file, so workers need no coordination.
 * SIGTERM/SIGINT to the primary drain every worker; SIGHUP is forwarded to each.
 */
function loadConfigOrExit(): Config {
  try {
    return loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    console.error(error.message)
    process.exit(2)
  }
}
const config = loadConfigOrExit()
const logger = createLogger(config)
/** Why the last write of the publication (at start or SIGHUP) failed, in the process that wrote it; null when it succeeded. */
let publicationState: PublicationFailure | null = null
/** The type of the messages between primary and workers about the publication's state. */
const publicationMessage = 'open-akkoord:publication-state'
if (!config.publicBaseUrlSet && cluster.isPrimary) {
  logger.warn({ publicBaseUrl: config.publicBaseUrl }, 'PUBLIC_BASE_URL is not set: the publication\'s IRIs and download URLs use this local address (NODE_ENV=production refuses to start without it)')
}
if (cluster.isWorker) await serve()
else {
  await prepare()
  if (config.workers > 1) superviseWorkers(config.workers)
  else await serve()
}

/** Builds the database and writes the publication when they are stale (once, in the primary). */
async function prepare(): Promise<void> {
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

  // The editorial store is created and migrated here, once, before any worker opens it.
  try {
    await (await openEditorialStore(config.editorialStore, { poolSize: 1 })).close()
  } catch (error) {
    logger.fatal({ err: error, editorial: config.editorialStore === config.editorialDatabase ? config.editorialDatabase : 'EDITORIAL_DATABASE_URL' }, 'opening the editorial store failed')
    process.exit(1)
  }

  // A publication is only ever written from a database that passed its check.
  await checkedOrExit().db.destroy()
  publicationState = await refreshPublication()
}

/**
 * Rewrites the publication when it was written from other settings or another
 * database (at start, and on SIGHUP before the database is reopened), so
 * /data/ and the API answer from the same data. A database that fails its check
 * is never published from. Returns why it failed (then /readyz says not ready), or null.
 */
async function refreshPublication(): Promise<PublicationFailure | null> {
  try {
    await openCheckedDatabase(config.databasePath).db.destroy()
    const editorial = await openEditorialStore(config.editorialStore, { poolSize: 2 })
    const written = await ensurePublication({
      publicationDir: config.publicationDir, root: projectRoot, databasePath: config.databasePath,
      baseUrl: config.publicBaseUrl, publisherUri: config.publisherUri, publisherName: config.publisherName, editorial,
    }).finally(() => editorial.close())
    if (written) logger.info({ reason: written.reason, version: written.result.version, outDir: config.publicationDir }, 'publication written')
    return null
  } catch (error) {
    if (error instanceof DatabaseCheckError) {
      logger.error({ database: error.path, problem: error.problem }, 'the database failed its check; the publication is not rewritten from it')
      return publicationFailureOf({ code: 'DATABASE_CHECK_FAILED' })
    }
    // A store out of reach for a moment is no reason to leave rotation (every replica would at once): the public side keeps answering.
    if (storeFailure(error)?.retry) {
      logger.error({ err: error }, 'writing the publication failed: the editorial store is busy or out of reach; /data/ serves the previous one, if any')
      return null
    }
    logger.error({ err: error }, 'writing the publication failed; /data/ serves the previous one, if any, and /readyz says not ready')
    return publicationFailureOf(error)
  }
}

/** A worker asks the primary how writing the publication went, so that its /readyz says the same (a message, not the environment: SIGHUP changes it). */
function publicationStateFromPrimary(): Promise<PublicationFailure | null> {
  return new Promise((resolve) => {
    const answer = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== publicationMessage) return
      process.off('message', answer)
      resolve((message as { failure: PublicationFailure | null }).failure)
    }
    process.on('message', answer)
    process.send!({ type: publicationMessage })
  })
}

/** A database that fails its check stops the start (exit 1) with the reason logged; other errors are thrown on. */
function exitOnBadDatabase(error: unknown): never {
  if (!(error instanceof DatabaseCheckError)) throw error
  logger.fatal({ database: error.path, problem: error.problem }, 'the database failed its check; not serving it. Rebuild it with `npm run db:build`')
  process.exit(1)
}

function checkedOrExit(): Store {
  try {
    return openCheckedDatabase(config.databasePath)
  } catch (error) {
    exitOnBadDatabase(error)
  }
}

/** Serves until SIGTERM/SIGINT (graceful stop, exit 0); SIGHUP reopens the database. */
async function serve(): Promise<void> {
  let running: RunningServer | undefined
  // The handlers come first: a stop that arrives while the server is still starting (a worker forked
  // just before the primary's SIGTERM) has nothing to drain and exits 0 rather than dying of the signal.
  const stop = (signal: string) => {
    logger.info({ signal }, 'signal received')
    if (!running) process.exit(0)
    running.shutdown().then(() => process.exit(0), (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed')
      process.exit(1)
    })
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  process.on('SIGHUP', () => {
    // A single process refreshes the publication itself; with workers, the primary did so before forwarding the signal (and its outcome).
    if (cluster.isWorker) return running?.reopenDatabase()
    void refreshPublication().then((failure) => {
      publicationState = failure
      running?.publicationWritten(failure)
      running?.reopenDatabase()
    })
  })
  if (cluster.isWorker) {
    process.on('message', (message: { type?: unknown; failure?: PublicationFailure | null } | null) => {
      if (message?.type === publicationMessage && message.failure !== undefined) running?.publicationWritten(message.failure)
    })
  }
  try {
    const publicationFailure = cluster.isWorker ? await publicationStateFromPrimary() : publicationState
    running = await startServer(config, logger, { publicationFailure })
  } catch (error) {
    exitOnBadDatabase(error)
  }
}

/**
 * Forks the workers and keeps their number: one that dies is replaced, unless
 * the primary is stopping. A stop asks each worker to drain (SIGTERM) and exits
 * 0 once all have exited, 1 if any failed to stop cleanly.
 */
function superviseWorkers(count: number): void {
  let stopping = false
  let failed = false
  // A worker still loading its modules has no signal handlers yet: SIGTERM ends it at once, and that is a clean stop.
  const listening = new Set<number>()
  cluster.on('listening', (worker: Worker) => listening.add(worker.id))
  const fork = () => cluster.fork()
  for (let i = 0; i < count; i++) fork()
  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    if (stopping) {
      const stoppedBeforeListening = signal === 'SIGTERM' && !listening.has(worker.id)
      if (code !== 0 && !stoppedBeforeListening) failed = true
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0)
      return
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'worker exited; starting another')
    fork()
  })
  const each = (action: (worker: Worker) => void) => Object.values(cluster.workers ?? {}).forEach((w) => w && action(w))
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal, workers: count }, 'signal received; draining the workers')
    // SIGINT from a terminal reaches the workers too (same process group); a second SIGTERM to a draining worker is ignored.
    each((worker) => worker.process.kill('SIGTERM'))
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
  // A worker asks how the publication's write went before it serves (one forked later too), and is told again after each SIGHUP.
  cluster.on('message', (worker: Worker, message: { type?: unknown } | null) => {
    if (message?.type === publicationMessage) worker.send({ type: publicationMessage, failure: publicationState })
  })
  process.on('SIGHUP', () => void refreshPublication().then((failure) => {
    publicationState = failure
    each((worker) => {
      worker.send({ type: publicationMessage, failure })
      worker.process.kill('SIGHUP')
    })
  }))
  logger.info({ workers: count, port: config.port }, 'primary started the workers')
}
