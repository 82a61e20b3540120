import type { YogaServerInstance } from 'graphql-yoga'
import type { Logger } from 'pino'
import type { ApiContext } from '../api/context.js'
import type { Config } from '../config.js'
import { createGraphiqlAssetsRoute } from './graphiql-assets-route.js'
import { createGraphqlRoute } from './graphql-route.js'
import { createHealthRoutes, type HealthState } from './health-routes.js'
import type { ResponseCache } from './response-cache.js'
import type { RouteHandler } from './route.js'
import { createSchemaRoute } from './schema-route.js'
import type { StoreHolder } from './store-holder.js'

/** Everything the routes are made from. */
export interface RouteDependencies {
  config: Config
  logger: Logger
  stores: StoreHolder
  yoga: YogaServerInstance<Record<string, unknown>, ApiContext>
  cache: ResponseCache
  health: HealthState
}

/**
 * The routes of the server, tried in this order; a request no route answers
 * gets a JSON 404. This is the one place where parts of the server are mounted.
 */
export function createRoutes(deps: RouteDependencies): RouteHandler[] {
  return [
    createHealthRoutes(deps.health),
    createGraphqlRoute({
      yoga: deps.yoga, cache: deps.cache, generation: () => deps.stores.generation, logger: deps.logger,
      maxBodyBytes: deps.config.limits.maxBodyBytes, maxAgeSeconds: deps.config.cache.maxAgeSeconds,
    }),
    createSchemaRoute(),
    createGraphiqlAssetsRoute(),
    // ──── Routes of the other parts of the publication: mount them here, in this order. ────
    //   /data/     issue 4: createPublicationHandler(deps.config)      from '../publication/serve-publication.js'
    //   /reports/  issue 5: createReportsHandler(deps.config, store)   from '../reports/serve-reports.js'
    //   /          issue 7: the public web page, last (it owns the root)
    // Handlers that read the database should not keep one Store for good: after a SIGHUP reopen the old
    // handle is closed once the requests leasing it finish. Take a lease per request instead:
    //   const lease = deps.stores.acquire(); try { /* lease.store.db */ } finally { lease.release() }
    // ────────────────────────────────────────────────────────────────────────────────────────
  ]
}
