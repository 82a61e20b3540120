import type { YogaServerInstance } from 'graphql-yoga'
import type { LeanExecutor } from '../api/lean-execution.js'
import type { Logger } from 'pino'
import type { ApiContext } from '../api/context.js'
import { graphiqlAssetBase } from '../api/graphiql-page.js'
import type { Config } from '../config.js'
import { createGraphiqlAssetsRoute } from './graphiql-assets-route.js'
import { graphqlRoutePolicy } from './graphql-cache-entry.js'
import { createGraphqlRoute } from './graphql-route.js'
import { createHealthRoutes, type HealthState } from './health-routes.js'
import type { ResponseCache } from './response-cache.js'
import type { RoutePolicy } from './route-policy.js'
import { compileRoutes, type CompiledRoute } from './route-table.js'
import { createSchemaRoute } from './schema-route.js'
import { clientAddressResolver } from './client-address.js'
import { PointsBudget } from './points-budget.js'
import { createPublicationHandler } from './publication-route.js'
import { createLinkedDataHandler } from './linked-data-route.js'
import { ReportSources } from '../reports/report-sources.js'
import { createReportsHandler } from './reports-route.js'
import { createWebHandler } from './web-route.js'
import { createBeheerRoute } from './beheer-route.js'
import type { StoreHolder } from './store-holder.js'
import type { Authenticator } from './authenticate-request.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { answeringPublicState } from '../editorial/served-public-view.js'
import { sitePaths } from '../web/web-paths.js'

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

/** The route table, and what must be stopped with the server (the reports' PDF workers). */
export interface Routes {
  table: CompiledRoute[]
  close(): Promise<void>
}

/** Open data: any origin may read it; files are compressed as they stream. */
const openData: RoutePolicy = { csp: 'data', cors: true, compression: 'stream', inFlight: 'limited', errors: 'json' }
/** The public pages: the site's policy on every status, bodies encoded once when they enter the cache. */
const sitePages: RoutePolicy = { csp: 'site', cors: false, compression: 'prepared', inFlight: 'limited', errors: 'html' }
const readOnly = ['GET', 'HEAD'] as const
const readOnlyOpen = ['GET', 'HEAD', 'OPTIONS'] as const

/**
 * The server's one route table: every URL family, the methods it serves, its
 * handler and its policy (Content-Security-Policy, CORS, compression, in-flight
 * class, error shape). The first row whose paths match owns the request; the
 * last row owns everything else (the site's 404 page for browsers, a JSON 404
 * for other clients).
 */
export function createRoutes(deps: RouteDependencies): Routes {
  // Reports and web pages are built from the same agreement reads: one cache for both.
  const sources = new ReportSources(deps.config.publicBaseUrl)
  const reports = createReportsHandler(deps.config, deps.stores, {
    sources, editorial: deps.editorial, onError: (error) => deps.logger.error({ err: error }, 'report rendering failed'),
  })
  const web = createWebHandler({ config: deps.config, stores: deps.stores, cache: deps.cache, sources, editorial: deps.editorial })
  const schema = createSchemaRoute(deps.config.publicBaseUrl)
  const table = compileRoutes([
    {
      name: 'health', methods: readOnly, paths: ['/healthz', '/readyz'], handler: createHealthRoutes(deps.health),
      policy: { csp: 'data', cors: false, compression: 'none', inFlight: 'exempt', errors: 'json' },
    },
    {
      name: 'graphql', methods: ['GET', 'HEAD', 'POST', 'OPTIONS'], paths: ['/graphql'],
      policy: graphqlRoutePolicy,
      handler: createGraphqlRoute({
        yoga: deps.yoga, lean: deps.lean, cache: deps.cache, generation: () => deps.stores.generation, logger: deps.logger,
        publication: () => answeringPublicState(deps.editorial), authenticate: deps.authenticate,
        maxBodyBytes: deps.config.limits.maxBodyBytes, maxAgeSeconds: deps.config.cache.maxAgeSeconds,
        budget: deps.config.rateLimit.points > 0 ? new PointsBudget(deps.config.rateLimit.points, deps.config.rateLimit.windowSeconds) : undefined,
        clientOf: clientAddressResolver(deps.config.http.trustProxy),
      }),
    },
    {
      name: 'schema', methods: readOnlyOpen, paths: ['/schema.graphql', '/schema/changelog.atom', '/schema/releases/*'],
      policy: openData, handler: schema,
    },
    // The changelog's HTML page is a document with its own inline styles, as a report is.
    { name: 'schema-changelog', methods: readOnlyOpen, paths: ['/schema/changelog'], policy: { ...openData, csp: 'report' }, handler: schema },
    { name: 'graphiql-assets', methods: readOnly, paths: [`${graphiqlAssetBase}*`], policy: { ...openData, cors: false }, handler: createGraphiqlAssetsRoute() },
    {
      name: 'data', methods: readOnlyOpen, paths: ['/data/*'], policy: openData,
      handler: createPublicationHandler(deps.config, {
        editorial: deps.editorial, settings: deps.config, onError: (error) => {
          deps.logger.error({ err: error }, 'writing the publication after a progress publication failed; /data/ serves the previous release')
          deps.health.publicationFailed?.(error)
        },
      }),
    },
    { name: 'linked-data', methods: readOnlyOpen, paths: ['/id/*', '/def', '/def/'], policy: { ...openData, vary: 'Accept' }, handler: createLinkedDataHandler(deps.config) },
    { name: 'report-html', methods: readOnly, paths: ['/reports/:type.html', '/reports/:type/:slug.html'], policy: { ...openData, cors: false, csp: 'report' }, handler: reports },
    // Browsers' PDF viewers run under the document's policy: `default-src 'none'` would stop the site's embedded reports.
    { name: 'report-pdf', methods: readOnly, paths: ['/reports/:type.pdf', '/reports/:type/:slug.pdf'], policy: { ...openData, cors: false, csp: 'pdf' }, handler: reports },
    { name: 'reports', methods: readOnly, paths: ['/reports/*'], policy: { ...openData, cors: false }, handler: reports },
    {
      name: 'beheer', methods: ['GET', 'HEAD', 'POST'], paths: ['/beheer/*'],
      policy: { csp: 'site', cors: false, compression: 'stream', inFlight: 'limited', errors: 'html' },
      handler: createBeheerRoute({ config: deps.config, logger: deps.logger, stores: deps.stores, sources, editorial: deps.editorial, authenticate: deps.authenticate }),
    },
    { name: 'site', methods: readOnly, paths: sitePaths, policy: sitePages, handler: web },
    { name: 'not-found', methods: ['GET', 'HEAD', 'POST', 'OPTIONS'], paths: ['/*'], policy: { ...sitePages, csp: 'data', errors: 'json' }, handler: web },
  ])
  return { table, close: () => reports.close() }
}
