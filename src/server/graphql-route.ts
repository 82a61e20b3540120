import type { IncomingMessage } from 'node:http'
import type { YogaServerInstance } from 'graphql-yoga'
import type { Logger } from 'pino'
import type { ApiContext } from '../api/context.js'
import type { RequestUsage } from '../api/editorial-context.js'
import type { LeanExecutor } from '../api/lean-execution.js'
import type { ApiServerContext } from '../api/yoga.js'
import type { Authenticator } from './authenticate-request.js'
import { BodyTooLargeError, corsHeaders, readBody, sendJson, sendPreflight } from './http-helpers.js'
import { graphqlCacheControl, graphqlCacheEntry } from './graphql-cache-entry.js'
import { graphqlCacheKey } from './graphql-cache-key.js'
import { targetKey } from './hit-path.js'
import { acceptedEncoding, awaitsEncoding, completeEncodings, sendPrepared, sendUncached } from './prepared-answer.js'
import { requestIdOf } from './request-id.js'
import type { ResponseCache } from './response-cache.js'
import type { RouteHandler } from './route.js'
import { routeHeaders } from './route-policy.js'
import { pagePolicy } from './security-headers.js'
import { answerPoints, withThrottleStatus } from './answer-cost.js'
import type { ClientAddress } from './client-address.js'
import type { PointsBudget } from './points-budget.js'

/** What the /graphql route works with. */
export interface GraphqlRouteOptions {
  yoga: YogaServerInstance<Record<string, unknown>, ApiContext>
  cache: ResponseCache
  /** The database generation new requests are answered from. */
  generation: () => number
  maxBodyBytes: number
  maxAgeSeconds: number
  logger: Logger
  /** The public state the next answer is built at (src/editorial/served-public-view.ts): cached answers that read progress are valid for one state only. */
  publication: () => number
  authenticate: Authenticator
  /** The lean path for plain anonymous queries (src/api/lean-execution.ts); everything it declines goes to yoga. */
  lean?: LeanExecutor
  /** The points budget per client (RATE_LIMIT_POINTS), and who a request comes from (TRUST_PROXY). */
  budget?: PointsBudget
  clientOf?: ClientAddress
}

const jsonTypes = /^application\/(graphql-response\+)?json/

function toHeaders(request: IncomingMessage): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  return headers
}

/** A GraphQL answer before the route adds its own headers. */
interface RouteAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** yoga's answer to a request, for everything the lean path declines. */
async function yogaAnswer(yoga: GraphqlRouteOptions['yoga'], request: IncomingMessage, method: string, url: URL, body: Buffer | undefined, context: ApiServerContext): Promise<RouteAnswer> {
  const answer = await yoga.fetch(url.href, { method, headers: toHeaders(request), body }, context)
  const headers: Record<string, string> = {}
  answer.headers.forEach((value, name) => { headers[name.toLowerCase()] = value })
  return { status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) }
}

/** Whether a GraphQL response body holds errors: such answers are not cached. */
function hasErrors(body: Buffer): boolean {
  try {
    return (JSON.parse(body.toString('utf8')) as { errors?: unknown }).errors !== undefined
  } catch {
    return true
  }
}

/**
 * /graphql over HTTP: GET and POST (GraphQL over HTTP, via graphql-yoga),
 * CORS, a 413 for bodies over MAX_BODY_BYTES, and the response cache.
 * Identical requests (same method, query string or body, and Accept) are
 * answered from memory before the GraphQL machinery is entered, with an ETag
 * (a 304 for If-None-Match) and a Cache-Control a CDN can use. Answers with
 * errors and GraphiQL pages are never cached. A request with an Authorization
 * header is authenticated here (a refused token gets a 401, a client that
 * failed too often a 429 with Retry-After, both at once) and
 * its answer is never cached or shared; an answer that read published
 * progress is cached for one publication generation and sent with no-cache,
 * so the next request after a publication shows it.
 */
export function createGraphqlRoute(options: GraphqlRouteOptions): RouteHandler {
  const cacheControl = graphqlCacheControl(options.maxAgeSeconds)
  return async (request, response, url) => {
    if (url.pathname !== '/graphql') return false
    // HEAD is answered as GET would be, headers and all (node:http leaves the body out).
    const method = request.method === 'HEAD' ? 'GET' : request.method ?? 'GET'
    if (method === 'OPTIONS') {
      sendPreflight(request, response, 'GET, HEAD, POST, OPTIONS')
      return true
    }
    const accept = request.headers.accept ?? ''
    let body: Buffer | undefined
    if (method === 'POST') {
      try {
        body = await readBody(request, options.maxBodyBytes)
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error
        sendJson(response, 413, {
          errors: [{ message: `Request body too large: at most ${options.maxBodyBytes} bytes are accepted (MAX_BODY_BYTES).`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        }, { ...corsHeaders, connection: 'close' })
        return true
      }
    }
    const graphiql = method === 'GET' && accept.includes('text/html')
    const signedIn = request.headers.authorization !== undefined
    const key = graphiql || signedIn || !options.cache.enabled ? undefined : graphqlCacheKey(method, url, accept, request.headers['content-type'] ?? '', body)
    const generation = options.generation()
    const budget = graphiql ? undefined : options.budget
    const client = budget ? (options.clientOf ?? options.authenticate.clientAddress)(request) : ''
    if (key) {
      const hit = options.cache.get(key)
      if (hit && hit.generation === generation && (hit.publication === undefined || hit.publication === options.publication())) {
        // The next request with this target is answered before routing (src/server/hit-path.ts), without RateLimit
        // headers: a cached answer costs nothing, even to a client whose budget is spent, and the hit path stays cheap.
        if (method === 'GET') options.cache.alias(targetKey(request), key)
        if (awaitsEncoding(request, hit)) await hit.pending
        sendPrepared(request, response, hit, requestIdOf(request), 'HIT', budget ? budget.headers(budget.status(client)) : undefined)
        return true
      }
    }
    if (budget && !budget.allows(client)) {
      const retryAfter = budget.retryAfter(client)
      sendJson(response, 429, {
        errors: [{ message: `Rate limit: this client's points budget is spent (${budget.points} points per ${budget.windowSeconds} s). Retry after ${retryAfter} s; cached answers are still served.`, extensions: { code: 'RATE_LIMITED', retryAfter } }],
      }, { ...corsHeaders, 'retry-after': String(retryAfter), ...budget.headers(budget.status(client)) })
      return true
    }

    const requestId = requestIdOf(request)
    const auth = signedIn ? await options.authenticate(request, requestId) : { kind: 'anonymous' as const }
    if (auth.kind === 'throttled') {
      sendJson(response, 429, {
        errors: [{ message: `Too many refused access tokens from this client; try again in ${auth.retryAfterSeconds} s.`, extensions: { code: 'RATE_LIMITED' } }],
      }, { ...corsHeaders, 'retry-after': String(auth.retryAfterSeconds), 'x-request-id': requestId })
      return true
    }
    if (auth.kind === 'refused') {
      sendJson(response, 401, {
        errors: [{ message: 'The access token is not valid (malformed, unknown or revoked). Ask an admin for a new one.', extensions: { code: 'UNAUTHENTICATED' } }],
      }, { ...corsHeaders, 'www-authenticate': 'Bearer error="invalid_token"', 'cache-control': 'no-store', 'x-request-id': requestId })
      return true
    }
    const usage: RequestUsage = { editorial: false, private: signedIn, throttle: budget?.status(client) }
    const publication = key !== undefined ? options.publication() : 0
    const serverContext: ApiServerContext = { viewer: auth.kind === 'account' ? auth.account : null, requestId, client: options.authenticate.clientAddress(request), usage }
    const lean = signedIn || graphiql ? undefined
      : await options.lean?.answer({ method, url, accept, contentType: request.headers['content-type'] ?? '', body, server: serverContext })
    const answer = lean ?? await yogaAnswer(options.yoga, request, method, url, body, serverContext)
    const throttle = budget?.charge(client, answerPoints(answer.body))
    const rate = budget && throttle ? budget.headers(throttle) : undefined
    let bytes = answer.body
    const headers: Record<string, string> = { ...answer.headers, ...routeHeaders(response) }
    const contentType = headers['content-type'] ?? ''
    const cacheable = key !== undefined && !usage.private && answer.status === 200 && jsonTypes.test(contentType) && (lean !== undefined || !hasErrors(bytes))
    if (!cacheable) {
      headers['cache-control'] = usage.private ? 'private, no-store' : graphiql ? 'no-cache' : 'no-store'
      // GraphiQL runs its own inline scripts and editor workers; nothing else may run or frame it.
      if (contentType.startsWith('text/html')) headers['content-security-policy'] = pagePolicy(bytes.toString('utf8'), ["worker-src 'self' blob:"])
      // An answer kept for no one else reports the client's budget in its body too (a shared, cached one only in its headers).
      if (throttle && jsonTypes.test(contentType)) bytes = withThrottleStatus(bytes, throttle)
      // Kept for no one, but compressed like any answer when it is worth it (GraphiQL's page, a large signed-in answer).
      await sendUncached(request, response, { status: answer.status, headers, body: bytes }, requestId, rate)
      return true
    }
    // Tagged with the public state the answer was read at: the previous one while the store is out of reach.
    const entry = await graphqlCacheEntry(answer.status, headers, bytes, { editorial: usage.editorial, cacheControl, generation, publication: usage.publicState ?? publication },
      acceptedEncoding(request.headers['accept-encoding']))
    // Only an answer from the database that is still current is kept (a reopen may have happened meanwhile).
    const keep = () => { if (generation === options.generation()) options.cache.set(key!, entry, method === 'GET' ? targetKey(request) : undefined) }
    keep()
    sendPrepared(request, response, entry, requestId, 'MISS', rate)
    // The other encodings are made after the answer went out, off the event loop; kept again, their bytes are counted.
    void completeEncodings(entry).then(keep, () => undefined)
    return true
  }
}
