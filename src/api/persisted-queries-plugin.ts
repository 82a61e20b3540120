import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations'
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga'
import { documentHash, type PersistedDocuments } from './persisted-documents.js'

/** The codes of the persisted-query errors, as Apollo's clients and servers spell them. */
const persistedQueryCodes = { notFound: 'PERSISTED_QUERY_NOT_FOUND', badRequest: 'BAD_REQUEST' } as const

/** A `documentId` of the GraphQL over HTTP persisted documents appendix: a hash with its algorithm. */
export const documentIdPattern = /^sha256:([0-9a-f]{64})$/

function badRequest(message: string) {
  return createGraphQLError(message, { extensions: { code: persistedQueryCodes.badRequest, http: { status: 400 } } })
}

/** `extensions.persistedQuery` when a request has one (Apollo's automatic persisted queries); null counts as none. */
function apqExtension(params: GraphQLParams): { version?: unknown; sha256Hash?: unknown } | undefined {
  const value = (params.extensions as Record<string, unknown> | undefined)?.persistedQuery
  if (value === undefined || value === null) return undefined
  // A string or number here is a client bug: said, rather than answered as if the extension were absent.
  if (typeof value !== 'object') throw badRequest('extensions.persistedQuery must be an object: { "version": 1, "sha256Hash": "<64 hex digits>" }.')
  return value
}

/** The request's `documentId`: a POST body field (yoga keeps it as an extra parameter), or a GET query parameter. */
function documentId(params: GraphQLParams, request: Request): unknown {
  const fromBody = (params as GraphQLParams & { documentId?: unknown }).documentId
  if (fromBody !== undefined && fromBody !== null) return fromBody
  return request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') ?? undefined : undefined
}

/** The hash a request names its document by, checked for form; null when it names none. */
function requestedHash(params: GraphQLParams, request: Request): string | null {
  const id = documentId(params, request)
  if (id !== undefined) {
    const match = typeof id === 'string' ? documentIdPattern.exec(id) : null
    if (!match) throw badRequest('documentId must be "sha256:" followed by the 64 lowercase hex digits of the document\'s SHA-256.')
    return match[1]!
  }
  const apq = apqExtension(params)
  if (!apq) return null
  if (apq.version !== 1) throw badRequest('Unsupported persisted query version: extensions.persistedQuery.version must be 1.')
  if (typeof apq.sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(apq.sha256Hash)) {
    throw badRequest('extensions.persistedQuery.sha256Hash must be the 64 lowercase hex digits of the query\'s SHA-256.')
  }
  return apq.sha256Hash
}

/**
 * Persisted queries in both protocols. Automatic persisted queries (Apollo):
 * a request with only `extensions.persistedQuery.sha256Hash` runs the
 * document with that hash, or gets PersistedQueryNotFound (code
 * PERSISTED_QUERY_NOT_FOUND), upon which the client sends the query with the
 * hash; the server checks that the hash is the query's SHA-256 and, once the
 * query has passed validation and the limits, keeps it. Trusted documents:
 * `documentId: "sha256:<hex>"` names one of the documents of the committed
 * manifest (persisted-documents.json), which a server always knows. Both work
 * over GET, so a CDN can cache the short URLs. A request with neither a query
 * nor a hash gets yoga's own answers, as before.
 */
export function persistedQueriesPlugin(documents: PersistedDocuments): Plugin {
  const pending = new WeakMap<Request, { hash: string; query: string }>()
  const lookup = usePersistedOperations({
    allowArbitraryOperations: true,
    extractPersistedOperationId: (params, request) => requestedHash(params, request),
    getPersistedOperation: async (hash) => (await documents.findShared(hash)) ?? null,
    customErrors: {
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: persistedQueryCodes.notFound } },
    },
  }) as Plugin
  return {
    onParams(payload) {
      const { params, request } = payload
      // A request with neither a query nor a hash, or a query that is not a string, gets yoga's own answers.
      if (params.query === undefined || params.query === null) return requestedHash(params, request) === null ? undefined : lookup.onParams!(payload)
      if (typeof params.query !== 'string') return
      const hash = requestedHash(params, request)
      if (hash === null) return
      if (documentHash(params.query) !== hash) {
        throw badRequest('provided sha does not match query: the hash must be the lowercase hex SHA-256 of the query text exactly as sent.')
      }
      pending.set(request, { hash, query: params.query })
    },
    async onExecute({ args }) {
      // Only a document that was parsed, validated and let through by every limit is kept (and shared before it runs).
      const request = (args.contextValue as { request?: Request }).request
      const registration = request && pending.get(request)
      if (registration) await documents.register(registration.hash, registration.query).catch(() => undefined)
    },
  }
}
