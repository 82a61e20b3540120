import { withPublicProgress } from './editorial-context.js'
import { getOperationAST, GraphQLError, specifiedRules, validate, type DocumentNode, type ExecutionResult } from 'graphql'
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit'
import { BoundedCache } from '../memory/bounded-cache.js'
import { createApiContext } from './context.js'
import { costExtension } from './cost-extension.js'
import { executableSchema } from './executable-schema.js'
import { wrapListResolvers, type ListItemContext } from './list-item-budget.js'
import { documentBytes } from './parse-cache.js'
import type { PersistedDocuments } from './persisted-documents.js'
import { documentIdPattern } from './persisted-queries-plugin.js'
import { limitRules, queryCost, type CostContext, type QueryCost } from './query-limits.js'
import type { ApiAppOptions, ApiServerContext } from './yoga.js'

/** A GraphQL request as the lean path reads it from HTTP. */
export interface LeanRequest {
  method: string
  url: URL
  accept: string
  contentType: string
  body: Buffer | undefined
  server: ApiServerContext
}

/** A successful answer: always a 200 with a JSON body. */
export interface LeanAnswer {
  status: 200
  headers: { 'content-type': string }
  body: Buffer
}

/** A document that parsed and passed every validation rule and limit, with its operations compiled as they are asked for. */
interface Prepared {
  document: DocumentNode | null
  compiled: Map<string, CompiledQuery | null>
  /** The estimated cost per operation name and variables, for the last few variable sets (the cost walk is a visible share of a small query's CPU). */
  costs: Map<string, QueryCost | undefined>
}

/** Variable sets whose cost a document remembers. */
const costsPerDocument = 32
const maxCostKeyLength = 512

/**
 * The response types yoga chooses for the Accept headers clients send most;
 * anything else (several weighted types, text/html for GraphiQL) goes to yoga.
 */
const responseTypes = new Map<string, string>([
  ['', 'application/json; charset=utf-8'],
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json, application/json', 'application/graphql-response+json; charset=utf-8'],
  ['application/graphql-response+json;charset=utf-8, application/json;charset=utf-8', 'application/graphql-response+json; charset=utf-8'],
])

/** Compiled code, closures and the operation's plan: measured on Node 20 at about twice the syntax tree it is made from. */
const compiledFactor = 2
/** A remembered cost: its key and the estimate's few numbers. */
const costEntryBytes = 400

/**
 * The heap a prepared document holds, counted again whenever it gains a
 * compiled operation or a remembered cost: its syntax tree, each compiled
 * operation, and the cost memo. A document that failed holds only its key.
 */
function preparedBytes(key: string, value: Prepared): number {
  if (!value.document) return 2 * key.length + 200
  const tree = documentBytes(key, value.document)
  let costs = 0
  for (const costKey of value.costs.keys()) costs += costEntryBytes + 2 * costKey.length
  return tree * (1 + compiledFactor * Math.max(1, value.compiled.size)) + costs
}

/** The hash of a hash-only persisted query (Apollo's `extensions` with nothing but `persistedQuery`, or a `documentId`); null when the request names none, undefined when it is anything else. */
function persistedHash(extensions: unknown, documentId: unknown): string | null | undefined {
  if (documentId !== undefined && documentId !== null) {
    if (extensions !== undefined && extensions !== null) return undefined
    const match = typeof documentId === 'string' ? documentIdPattern.exec(documentId) : null
    return match ? match[1]! : undefined
  }
  if (extensions === undefined || extensions === null) return null
  if (typeof extensions !== 'object' || Object.keys(extensions).length !== 1) return undefined
  const apq = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } }).persistedQuery
  if (!apq || apq.version !== 1 || typeof apq.sha256Hash !== 'string' || Object.keys(apq).length !== 2) return undefined
  return apq.sha256Hash
}

/** Variables nested deeper than this are left to yoga, which refuses them with a 400; no input type of the schema nests so deep. */
const maxVariableDepth = 32

/** Whether a parsed JSON value nests objects or arrays deeper than max (walked without recursion: the value may be 100,000 deep). */
function nestedDeeper(value: object, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]]
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!
    if (item === null || typeof item !== 'object') continue
    if (depth > max) return true
    for (const child of Object.values(item)) if (child !== null && typeof child === 'object') pending.push([child, depth + 1])
  }
  return false
}

/**
 * The request's parameters when they are the plain kind: a string query (or
 * the hash of a document the server already knows), object variables, no
 * other extensions; otherwise undefined. A query sent with its hash (an APQ
 * registration) is left to yoga, which checks and keeps it.
 */
function parameters(request: LeanRequest, persisted: PersistedDocuments | undefined): { query: string; operationName: string | undefined; variables: Record<string, unknown> | undefined } | undefined {
  let raw: Record<string, unknown>
  try {
    if (request.method === 'GET') {
      const params = request.url.searchParams
      const variables = params.get('variables')
      const extensions = params.get('extensions')
      raw = {
        query: params.get('query') || undefined, operationName: params.get('operationName') ?? undefined, documentId: params.get('documentId') ?? undefined,
        variables: variables === null ? undefined : JSON.parse(variables), extensions: extensions ? JSON.parse(extensions) : undefined,
      }
    } else if (request.method === 'POST' && request.body && request.contentType.split(';')[0]!.trim() === 'application/json') {
      raw = JSON.parse(request.body.toString('utf8'))
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined
    } else return undefined
  } catch {
    return undefined
  }
  const { operationName, variables } = raw
  let { query } = raw
  const hash = persistedHash(raw.extensions, raw.documentId)
  if (hash === undefined) return undefined
  if (hash !== null) {
    if (query !== undefined && query !== null) return undefined
    query = persisted?.find(hash)
  }
  if (typeof query !== 'string' || query === '') return undefined
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables) || nestedDeeper(variables, maxVariableDepth))) return undefined
  return { query, operationName: operationName || undefined, variables: (variables ?? undefined) as Record<string, unknown> | undefined }
}

/**
 * The lean request path: a known, valid query over GET or POST JSON is
 * parsed and validated once (graphql-js's rules plus the same limits yoga
 * applies: depth, aliases, directives, tokens, repeated fields), compiled
 * once per operation with graphql-jit, and then each request only checks its
 * cost with its variables and runs the compiled code. Answers are the bytes
 * yoga would send. Whatever is not the plain successful case (a mutation, an
 * invalid or refused query, variables that do not coerce, a resolver error,
 * a persisted query the server does not know yet or is being sent, an unusual Accept) returns undefined and is left to yoga,
 * which gives the errors, codes and masking it always has; such answers are
 * never cached, so re-running a read-only query there costs only the rare error.
 */
export function createLeanExecutor(options: ApiAppOptions & { cacheBytes: number }) {
  const schema = executableSchema
  wrapListResolvers(schema)
  const limits = limitRules(options.limits)
  const rules = [...specifiedRules, ...limits.rules]
  const cache = new BoundedCache<Prepared>(options.cacheBytes, preparedBytes)

  function prepare(query: string): Prepared {
    let prepared = cache.get(query)
    if (prepared) return prepared
    let document: DocumentNode | null = null
    try {
      const parsed = limits.parse(query)
      if (validate(schema, parsed, rules).length === 0) document = parsed
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error
    }
    prepared = { document, compiled: new Map(), costs: new Map() }
    cache.set(query, prepared)
    return prepared
  }

  /**
   * The compiled operation, compiled once. An operation name the document
   * does not contain is declined without an entry (yoga answers it with an
   * error): a flood of made-up names once held a compiled entry each, uncounted.
   * Each entry the document does hold is counted again into its cache entry.
   */
  function compiled(query: string, prepared: Prepared, operationName: string | undefined): CompiledQuery | null {
    const name = operationName ?? ''
    let compiledQuery = prepared.compiled.get(name)
    if (compiledQuery !== undefined) return compiledQuery
    const operation = getOperationAST(prepared.document!, operationName)
    if (!operation) return null
    compiledQuery = null
    if (operation.operation === 'query') {
      const result = compileQuery(schema, prepared.document!, operationName)
      if (isCompiledQuery(result)) compiledQuery = result
    }
    prepared.compiled.set(name, compiledQuery)
    cache.set(query, prepared)
    return compiledQuery
  }

  function cost(query: string, prepared: Prepared, operationName: string | undefined, variables: Record<string, unknown> | undefined): QueryCost | undefined {
    const key = `${operationName ?? ''}\n${JSON.stringify(variables ?? null)}`
    if (prepared.costs.has(key)) return prepared.costs.get(key)
    const measured = queryCost(schema, prepared.document!, operationName, variables, options.limits.maxCost)
    // Only short variable sets are kept, so the memo stays small next to the document's own estimate in the cache.
    if (key.length > maxCostKeyLength) return measured
    if (prepared.costs.size >= costsPerDocument) prepared.costs.delete(prepared.costs.keys().next().value!)
    prepared.costs.set(key, measured)
    cache.set(query, prepared)
    return measured
  }

  /** How many requests the lean path answered, and how many it left to yoga (the bench and tests read them). */
  const stats = { answered: 0, declined: 0 }
  async function run(request: LeanRequest): Promise<LeanAnswer | undefined> {
    if (options.cacheBytes <= 0) return undefined
    const contentType = responseTypes.get(request.accept)
    if (contentType === undefined) return undefined
    const params = parameters(request, options.persisted)
    if (!params) return undefined
    const prepared = prepare(params.query)
    if (!prepared.document) return undefined
    const query = compiled(params.query, prepared, params.operationName)
    if (!query) return undefined
    const measured = cost(params.query, prepared, params.operationName, params.variables)
    if (!measured || measured.cost > options.limits.maxCost || measured.introspection.depth > options.limits.maxDepth) return undefined
    const { viewer, requestId, client, usage } = request.server
    const editorial = await options.editorial
    const lease = options.stores.acquire()
    try {
      const context = await withPublicProgress(createApiContext(lease.store, {
        store: editorial, viewer: viewer ?? null, requestId: requestId ?? null, client: client ?? null,
        usage: usage ?? { editorial: false, private: false },
      })) as ReturnType<typeof createApiContext> & CostContext & ListItemContext
      context.queryCost = measured.cost
      context.listItemLimit = options.limits.maxCost
      const result: ExecutionResult = await query.query(undefined, context, params.variables)
      if (result.errors) return undefined
      const body = JSON.stringify({
        data: result.data,
        extensions: { cost: costExtension(schema, prepared.document!, params.operationName, measured, result.data, options.limits.maxCost), sqlStatements: context.counter.count },
      })
      return { status: 200, headers: { 'content-type': contentType }, body: Buffer.from(body) }
    } finally {
      lease.release()
    }
  }
  return {
    stats,
    /** Answers like `answer` without counting in `stats`: the cache warming's requests are not the clients'. */
    uncounted: run,
    async answer(request: LeanRequest): Promise<LeanAnswer | undefined> {
      const answer = await run(request)
      if (answer) stats.answered += 1
      else stats.declined += 1
      return answer
    },
  }
}

/** The lean request path of one server. */
export type LeanExecutor = ReturnType<typeof createLeanExecutor>
