import { sharedDocumentsOf } from '../editorial/shared-documents.js'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Logger } from 'pino'
import { PersistedDocuments } from '../api/persisted-documents.js'
import { createLeanExecutor, type LeanExecutor } from '../api/lean-execution.js'
import { createApiApp } from '../api/yoga.js'
import type { Config } from '../config.js'
import { openEditorialStore, type EditorialStore } from '../editorial/open-editorial-store.js'
import { answeringPublicState, keepPublicViewCurrent } from '../editorial/served-public-view.js'
import { createAuthenticator } from './authenticate-request.js'
import { BodyIntake } from './body-intake.js'
import { intakeBodyLimit } from './body-limit.js'
import { createCacheWarming, type CacheWarming } from './cache-warming.js'
import { clientAddressResolver } from './client-address.js'
import { editorialHealth } from './editorial-health.js'
import { createHttpServer } from './create-server.js'
import { InFlightLimit } from './in-flight-limit.js'
import { ResponseCache } from './response-cache.js'
import { createRoutes } from './routes.js'
import { StoreHolder } from './store-holder.js'
import type { PublicationFailure } from './publication-readiness.js'

/** A listening server and its controls. */
export interface RunningServer {
  server: Server
  /** The lean request path (its counts show which requests it answered). */
  lean: LeanExecutor
  /** The warming of the response cache with the trusted documents' answers (its `done` reports the last one). */
  warming: CacheWarming
  /** The port it listens on (the real one when PORT=0 asked for any free port). */
  port: number
  /** The editorial store the server reads and writes (for tools and tests that look at the server's own handle). */
  editorial: EditorialStore
  /** Opens the database file again, picking up a rebuild; running requests finish on the old one. */
  reopenDatabase(): void
  /** The outcome of writing the publication again (SIGHUP): a failure keeps /readyz at 503, null makes it ready again. */
  publicationWritten(failure: PublicationFailure | null): void
  /**
   * Stops gracefully: /readyz turns 503 at once while everything else is still
   * served for SHUTDOWN_GRACE_MS (a load balancer needs that long to notice);
   * then the listener closes, idle keep-alive connections are closed, and
   * requests in flight get up to SHUTDOWN_TIMEOUT_MS to finish, each closing
   * its connection after its answer. Then the database is closed.
   */
  shutdown(): Promise<void>
}

/** What the start found before the server: whether writing the publication failed (/readyz then says not ready). */
export interface StartState {
  publicationFailure?: PublicationFailure | null
}

/**
 * Composes the server: the read-only database, the GraphQL app, the response
 * cache and the routes, and listens on HOST:PORT.
 */
export async function startServer(config: Config, logger: Logger, start: StartState = {}): Promise<RunningServer> {
  const stores = new StoreHolder(config.databasePath)
  const editorial = await openEditorialStore(config.editorialStore, { busyTimeoutMs: config.editorialBusyTimeoutMs, poolSize: config.editorialPoolSize })
  // The public view is read now and again as soon as this process learns of a newer public state, so a replica
  // holds the latest publication before anyone asks, and answers with it should PostgreSQL go away right after.
  let stopKeeping: () => void
  try {
    stopKeeping = await keepPublicViewCurrent(editorial, { onError: (error) => logger.warn({ err: error }, 'reading the published progress failed; serving the previous one, trying again') })
  } catch (error) {
    await editorial.close()
    throw error
  }
  const cache = new ResponseCache(config.cache.maxBytes)
  // Registered automatic persisted queries are shared between servers when the editorial store is PostgreSQL.
  const persisted = new PersistedDocuments(config.cache.persistedQueryBytes, undefined, sharedDocumentsOf(editorial))
  const api = { limits: config.limits, parseCacheBytes: config.cache.parseBytes, stores, editorial, logger, persisted, retryAfterSeconds: config.http.retryAfterSeconds }
  const yoga = createApiApp(api)
  const lean = createLeanExecutor({ ...api, cacheBytes: config.cache.compiledBytes })
  let shuttingDown = false
  const editorialDetails = editorialHealth(stores, editorial)
  let publicationFailure: { at: string; code: string } | null = null
  let unwritten = start.publicationFailure ?? null
  const clientAddress = clientAddressResolver(config.http.trustProxy)
  const inFlight = new InFlightLimit(config.http.maxInFlight, config.http.retryAfterSeconds)
  const intake = new BodyIntake({ ...config.http.uploads, maxBytes: intakeBodyLimit(config, editorial), retryAfterSeconds: config.http.retryAfterSeconds }, clientAddress)
  const routes = createRoutes({
    config, logger, stores, yoga, lean, cache, editorial, authenticate: createAuthenticator(editorial, logger, { clientAddress }),
    health: {
      shuttingDown: () => shuttingDown, databaseAnswers: () => stores.ping(),
      // A failed write leaves /data/ serving the previous release: reported, not a reason to leave rotation.
      details: async () => ({ ...(await editorialDetails()), publication: { lastWriteFailure: publicationFailure } }),
      publicationFailed: (error) => { publicationFailure = { at: new Date().toISOString(), code: String((error as { code?: unknown }).code ?? 'UNKNOWN') } },
      publicationUnwritten: () => unwritten ?? undefined,
      saturated: () => inFlight.count >= inFlight.max ? 'in-flight' : intake.full ? 'uploads' : undefined,
    },
  })
  const server = createHttpServer(routes.table, logger, {
    http: config.http, inFlight, intake, closing: () => shuttingDown,
    hits: { cache, generation: () => stores.generation, publication: () => answeringPublicState(editorial) },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const warming = createCacheWarming({
    lean, cache, generation: () => stores.generation, publication: () => answeringPublicState(editorial), onGeneration: (listener) => stores.onGeneration(listener),
    maxAgeSeconds: config.cache.maxAgeSeconds, maxBytes: config.cache.warmBytes, maxMs: config.cache.warmMs, logger,
  })
  const stopWarming = warming.start()
  logger.info({ port, host: config.host, database: config.databasePath, editorial: editorial.location }, 'listening')

  let stopped: Promise<void> | undefined
  return {
    server,
    lean,
    warming,
    port,
    editorial,
    reopenDatabase() {
      try {
        const generation = stores.reopen()
        cache.clear()
        logger.info({ generation, database: config.databasePath }, 'database reopened')
      } catch (error) {
        logger.error({ err: error }, 'reopening the database failed; still serving the previous one')
      }
    },
    publicationWritten(failure) {
      unwritten = failure
    },
    shutdown() {
      stopped ??= (async () => {
        shuttingDown = true
        stopWarming()
        // From here every answer asks its client to close the connection, those already being made included.
        inFlight.closeConnectionsAfterAnswers()
        logger.info({ graceMs: config.shutdownGraceMs, timeoutMs: config.shutdownTimeoutMs }, 'shutting down: not ready, still serving for the grace period')
        await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs))
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        // A connection idle through the whole grace period is closed now; one with a request in flight once it is answered.
        server.closeIdleConnections()
        const sweep = setInterval(() => server.closeIdleConnections(), 50)
        let timer: NodeJS.Timeout | undefined
        const timedOut = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), config.shutdownTimeoutMs) })
        if (await Promise.race([closed.then(() => false), timedOut])) {
          logger.warn({ inFlight: inFlight.count }, 'in-flight requests did not finish in time; closing their connections')
          server.closeAllConnections()
          await closed
        }
        clearTimeout(timer)
        clearInterval(sweep)
        await routes.close()
        stores.closeAll()
        stopKeeping()
        await editorial.close()
        logger.info('stopped')
      })()
      return stopped
    },
  }
}
