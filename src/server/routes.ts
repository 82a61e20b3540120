import type { YogaServerInstance } from 'graphql-yoga'
import type { LeanExecutor } from '../api/lean-execution.js'
import type { Logger } from 'pino'
import type { ApiContext } from '../api/context.js'
import type { Config } from '../config.js'
import { createGraphiqlAssetsRoute } from './graphiql-assets-route.js'
import { createGraphqlRoute } from './graphql-route.js'
import { createHealthRoutes, type HealthState } from './health-routes.js'
import type { ResponseCache } from './response-cache.js'
import type { RouteHandler } from './route.js'
import { createSchemaRoute } from './schema-route.js'
import { createPublicationHandler } from '../publication/serve-publication.js'
import { createLinkedDataHandler } from '../publication/serve-linked-data.js'
import { ReportSources } from '../reports/report-sources.js'
import { createReportsHandler } from '../reports/serve-reports.js'
import { createWebHandler } from '../web/serve-web.js'
import { createBeheerRoute } from './beheer-route.js'
import type { StoreHolder } from './store-holder.js'
import type { Authenticator } from './authenticate-request.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { publicationGeneration } from '../editorial/progress-snapshot.js'

/** Everything the routes are made from. */
export interface RouteDependencies {
  config: Config
  logger: Logger
  stores: StoreHolder
  yoga: YogaServerInstance<Record<string, unknown>, ApiContext>
  lean: LeanExecutor
  cache: ResponseCache
  health: HealthState
  editorial: EditorialStore
  authenticate: Authenticator
}

/** The routes, and what must be stopped with the server (the reports' PDF workers). */
export interface Routes {
  handlers: RouteHandler[]
  close(): Promise<void>
}

/**
 * The routes of the server, tried in this order; a request no route answers
 * gets a JSON 404. This is the one place where parts of the server are mounted:
 * health, the GraphQL API, the schema and GraphiQL's assets, the open-data
 * publication (/data/), the reports (/reports/), the editorial screens
 * (/beheer), and last the web site, which owns the root.
 */
export function createRoutes(deps: RouteDependencies): Routes {
  // Reports and web pages are built from the same agreement reads: one cache for both.
  const sources = new ReportSources(deps.config.publicBaseUrl)
  const reports = createReportsHandler(deps.config, deps.stores, {
    sources, editorial: deps.editorial, onError: (error) => deps.logger.error({ err: error }, 'report rendering failed'),
  })
  return {
    handlers: [
      createHealthRoutes(deps.health),
      createGraphqlRoute({
        yoga: deps.yoga, lean: deps.lean, cache: deps.cache, generation: () => deps.stores.generation, logger: deps.logger,
        publication: () => publicationGeneration(deps.editorial), authenticate: deps.authenticate,
        maxBodyBytes: deps.config.limits.maxBodyBytes, maxAgeSeconds: deps.config.cache.maxAgeSeconds,
      }),
      createSchemaRoute(),
      createGraphiqlAssetsRoute(),
      createPublicationHandler(deps.config, {
        editorial: deps.editorial, settings: deps.config, onError: (error) => {
          deps.logger.error({ err: error }, 'writing the publication after a progress publication failed; /data/ serves the previous release')
          deps.health.publicationFailed?.(error)
        },
      }),
      createLinkedDataHandler(deps.config),
      reports,
      createBeheerRoute({ config: deps.config, logger: deps.logger, stores: deps.stores, sources, editorial: deps.editorial, authenticate: deps.authenticate }),
      createWebHandler({ config: deps.config, stores: deps.stores, cache: deps.cache, sources, editorial: deps.editorial }),
    ],
    close: () => reports.close(),
  }
}
