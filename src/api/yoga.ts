import { withPublicProgress } from './editorial-context.js'
import { GraphQLError } from 'graphql'
import { createYoga, maskError, type Plugin, type YogaLogger, type YogaServerInstance } from 'graphql-yoga'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import type { Account } from '../editorial/accounts.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { storeFailure } from '../store/store-failure.js'
import type { StoreLease } from '../store/store-lease.js'
import { createApiContext, type ApiContext } from './context.js'
import type { RequestUsage } from './editorial-context.js'
import { mutationAuditPlugin } from './mutation-audit-plugin.js'
import { duplicateFieldsPlugin } from './duplicate-fields.js'
import { listItemBudgetPlugin } from './list-item-budget.js'
import { errorCodes } from './errors.js'
import { costExtension } from './cost-extension.js'
import { executableSchema } from './executable-schema.js'
import { graphiqlOptions, renderGraphiQLPage } from './graphiql-page.js'
import { boundedParseCaches } from './parse-cache.js'
import { headRequestsPlugin } from './head-requests-plugin.js'
import { requestErrorCodesPlugin } from './request-error-codes-plugin.js'
import type { PersistedDocuments } from './persisted-documents.js'
import { persistedQueriesPlugin } from './persisted-queries-plugin.js'
import { getParametersPlugin } from './get-parameters-plugin.js'
import { armorPlugins, costLimitPlugin, withCode, type CostContext } from './query-limits.js'

/** Where a request gets its database: a lease that is released when the response is made. */
interface StoreSource {
  acquire(): StoreLease
}

/** What the yoga app needs: its settings, its database and its logger. */
export interface ApiAppOptions {
  limits: Config['limits']
  /** The heap parsed documents may hold (PARSE_CACHE_BYTES); 0 parses every request anew. */
  parseCacheBytes: number
  stores: StoreSource
  /** The editorial store (opened and migrated before the first request). */
  editorial: EditorialStore | Promise<EditorialStore>
  logger: Logger
  /** The trusted documents and the queries registered by automatic persisted queries, shared with the lean path. */
  persisted: PersistedDocuments
  /** The Retry-After (s) of a 503 answered when the editorial store cannot be reached (RETRY_AFTER_SECONDS); default 1. */
  retryAfterSeconds?: number
}

/**
 * What the HTTP layer hands each request (yoga's server context): who asks
 * (already authenticated), the request id and client address for the audit
 * trail, and an object the resolvers mark with what the answer used.
 */
export type ApiServerContext = {
  viewer?: Account | null
  requestId?: string
  client?: string
  usage?: RequestUsage
}

interface RequestContext extends ApiContext, CostContext {
  request: Request
}

const leases = new WeakMap<Request, StoreLease>()

/** Leases the store for the request when its context is built, and releases it with the response. */
function storeLeasePlugin(): Plugin {
  return {
    onResponse({ request }) {
      leases.get(request)?.release()
      leases.delete(request)
    },
  }
}

/**
 * Adds the request's statistics to every executed result (extensions.cost:
 * the estimated and actual cost and the limit; extensions.sqlStatements: what
 * it ran), and codes request errors raised during execution: an error without a
 * path (invalid variables, unknown operation name) is the client's.
 */
function resultPlugin(limits: Config['limits']): Plugin {
  return {
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError && !result.extensions.code) replaceParseResult(withCode(result, errorCodes.parseFailed))
      }
    },
    onExecute() {
      return {
        onExecuteDone({ args, result, setResult }) {
          // Only executed results (with data) get statistics; a request refused before running has none.
          if (!('data' in result)) return
          const context = args.contextValue as unknown as RequestContext
          const errors = result.errors?.map((e) => (e.path || e.extensions.code ? e : withCode(e, errorCodes.badUserInput)))
          setResult({
            ...result,
            ...(errors ? { errors } : {}),
            extensions: {
              ...result.extensions,
              cost: costExtension(args.schema, args.document, args.operationName, context.measuredCost, result.data, limits.maxCost),
              sqlStatements: context.counter?.count ?? 0,
            },
          })
        },
      }
    },
  }
}

/** Pino behind yoga's logger interface. */
function yogaLogger(logger: Logger): YogaLogger {
  const child = logger.child({ component: 'graphql' })
  return {
    debug: (...args: unknown[]) => child.debug({ args }, 'yoga'),
    info: (...args: unknown[]) => child.info({ args }, 'yoga'),
    warn: (...args: unknown[]) => child.warn({ args }, 'yoga'),
    error: (...args: unknown[]) => child.error({ args }, 'yoga'),
  }
}

/**
 * The GraphQL API as a fetch-style app (graphql-yoga): the node:http server
 * mounts it at /graphql, and tests call `yoga.fetch` directly. Unexpected
 * errors are logged and masked ("Unexpected error.", code
 * INTERNAL_SERVER_ERROR): no stack, SQL or path ever reaches a client.
 */
export function createApiApp(options: ApiAppOptions): YogaServerInstance<Record<string, unknown>, ApiContext> {
  const log = options.logger.child({ component: 'graphql' })
  return createYoga<Record<string, unknown>, ApiContext>({
    schema: executableSchema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // CORS and caching are answered by the HTTP layer (src/server/graphql-route.ts), also for cache hits.
    cors: false,
    graphiql: graphiqlOptions,
    renderGraphiQL: renderGraphiQLPage,
    logging: yogaLogger(options.logger),
    parserAndValidationCache: boundedParseCaches(options.parseCacheBytes),
    // The GraphQL over HTTP persisted documents appendix names a trusted document with `documentId`.
    extraParamNames: ['documentId'],
    maskedErrors: {
      isDev: false,
      maskError: (error, message) => {
        const original = error instanceof GraphQLError && error.originalError ? error.originalError : error
        const failure = storeFailure(original)
        if (failure) {
          log.warn({ code: (original as { code?: unknown }).code }, failure.log)
          return new GraphQLError(failure.message, {
            extensions: { code: failure.code, http: { status: failure.status, headers: failure.retry ? { 'retry-after': String(options.retryAfterSeconds ?? 1) } : {} } },
          })
        }
        const masked = maskError(error, message, false)
        if (masked !== error) log.error({ err: error instanceof GraphQLError && error.originalError ? error.originalError : error }, 'unexpected error, masked')
        return masked
      },
    },
    context: async (initial) => {
      const { request, viewer, requestId, client, usage } = initial as typeof initial & ApiServerContext
      const editorial = await options.editorial
      const lease = options.stores.acquire()
      leases.set(request, lease)
      return withPublicProgress(createApiContext(lease.store, {
        store: editorial, viewer: viewer ?? null, requestId: requestId ?? null, client: client ?? null,
        usage: usage ?? { editorial: false, private: false },
      }))
    },
    plugins: [
      getParametersPlugin(),
      persistedQueriesPlugin(options.persisted),
      ...armorPlugins(options.limits),
      duplicateFieldsPlugin(),
      costLimitPlugin(options.limits),
      listItemBudgetPlugin(options.limits.maxCost),
      resultPlugin(options.limits),
      mutationAuditPlugin(options.editorial),
      storeLeasePlugin(),
      headRequestsPlugin(),
      requestErrorCodesPlugin(),
    ],
  })
}
