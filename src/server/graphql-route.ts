import { createHash, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { YogaServerInstance } from 'graphql-yoga'
import type { Logger } from 'pino'
import type { ApiContext } from '../api/context.js'
import type { RequestUsage } from '../api/editorial-context.js'
import type { LeanExecutor } from '../api/lean-execution.js'
import type { ApiServerContext } from '../api/yoga.js'
import type { Authenticator } from './authenticate-request.js'
import { BodyTooLargeError, corsHeaders, etagMatches, readBody, sendJson, sendPreflight } from './http-helpers.js'
import { bodyToSend, encodeBody } from './encoded-body.js'
import { graphqlCacheKey } from './graphql-cache-key.js'
import type { ResponseCache, CachedResponse } from './response-cache.js'
import type { RouteHandler } from './route.js'
import { pagePolicy } from './security-headers.js'

/** What the /graphql route works with. */
export interface GraphqlRouteOptions {
  yoga: YogaServerInstance<Record<string, unknown>, ApiContext>
  cache: ResponseCache
  /** The database generation new requests are answered from. */
  generation: () => number
  maxBodyBytes: number
  maxAgeSeconds: number
  logger: Logger
  /** The editorial store's publication generation: cached answers that read progress are valid for one generation only. */
  publication: () => number
  authenticate: Authenticator
  /** The lean path for plain anonymous queries (src/api/lean-execution.ts); everything it declines goes to yoga. */
  lean?: LeanExecutor
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
async function yogaAnswer(yoga: GraphqlRouteOptions['yoga'], request: IncomingMessage, url: URL, body: Buffer | undefined, context: ApiServerContext): Promise<RouteAnswer> {
  const answer = await yoga.fetch(url.href, { method: request.method ?? 'GET', headers: toHeaders(request), body }, context)
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

/** Sends a cacheable answer: a 304 when If-None-Match names its ETag, else the body with the given headers. */
function send(response: ServerResponse, request: IncomingMessage, entry: CachedResponse, headers: Record<string, string>): void {
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, entry.etag)) {
    response.writeHead(304, { ...corsHeaders, etag: entry.etag, 'cache-control': entry.headers['cache-control']!, vary: entry.headers.vary!, 'x-cache': headers['x-cache']! })
    response.end()
    return
  }
  const sent = bodyToSend(request, entry)
  response.writeHead(entry.status, { ...headers, ...sent.headers })
  response.end(sent.body)
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
  const cacheControl = options.maxAgeSeconds > 0
    ? `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`
    : 'public, no-cache'
  return async (request, response, url) => {
    if (url.pathname !== '/graphql') return false
    const method = request.method ?? 'GET'
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
    if (key) {
      const hit = options.cache.get(key)
      if (hit?.hitHeaders && hit.generation === generation && (hit.publication === undefined || hit.publication === options.publication())) {
        send(response, request, hit, hit.hitHeaders)
        return true
      }
    }

    const requestId = randomUUID()
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
    const usage: RequestUsage = { editorial: false, private: signedIn }
    const publication = key !== undefined ? options.publication() : 0
    const serverContext: ApiServerContext = { viewer: auth.kind === 'account' ? auth.account : null, requestId, client: options.authenticate.clientAddress(request), usage }
    const lean = signedIn || graphiql ? undefined
      : await options.lean?.answer({ method, url, accept, contentType: request.headers['content-type'] ?? '', body, server: serverContext })
    const answer = lean ?? await yogaAnswer(options.yoga, request, url, body, serverContext)
    const bytes = answer.body
    const headers: Record<string, string> = { ...corsHeaders, vary: 'Accept, Authorization', ...answer.headers }
    const contentType = headers['content-type'] ?? ''
    const cacheable = key !== undefined && !usage.private && answer.status === 200 && jsonTypes.test(contentType) && (lean !== undefined || !hasErrors(bytes))
    if (!cacheable) {
      headers['cache-control'] = usage.private ? 'private, no-store' : graphiql ? 'no-cache' : 'no-store'
      // GraphiQL runs its own inline scripts and editor workers; nothing else may run or frame it.
      if (contentType.startsWith('text/html')) headers['content-security-policy'] = pagePolicy(bytes.toString('utf8'), ["worker-src 'self' blob:"])
      response.writeHead(answer.status, { ...headers, 'content-length': String(bytes.length), 'x-request-id': requestId })
      response.end(bytes)
      return true
    }
    // Progress changes with each publication: clients and CDNs revalidate (a 304 costs little) rather than keep a stale copy.
    headers['cache-control'] = usage.editorial ? 'public, no-cache' : cacheControl
    headers.etag = `"${createHash('sha256').update(contentType).update('\n').update(bytes).digest('base64url').slice(0, 32)}"`
    const hitHeaders = { ...headers, 'content-length': String(bytes.length), 'x-cache': 'HIT' }
    const entry: CachedResponse = {
      status: answer.status, headers, body: bytes, etag: headers.etag, generation, hitHeaders, publication: usage.editorial ? publication : undefined,
      encoded: encodeBody(bytes),
    }
    // Only an answer from the database that is still current is kept (a reopen may have happened meanwhile).
    if (generation === options.generation()) options.cache.set(key!, entry)
    send(response, request, entry, { ...hitHeaders, 'x-cache': 'MISS', 'x-request-id': requestId })
    return true
  }
}
