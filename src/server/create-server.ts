import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { compressResponse } from './compression.js'
import { answerFromCache, type HitPathState } from './hit-path.js'
import { sendPreflight } from './http-helpers.js'
import type { BodyIntake } from './body-intake.js'
import type { InFlightLimit } from './in-flight-limit.js'
import { BadRequestPathError, parseRequestPath } from './request-path.js'
import { requestIdOf } from './request-id.js'
import { applyPolicyHeaders } from './route-policy.js'
import { matchRoute, type CompiledRoute } from './route-table.js'
import { baseSecurityHeaders } from './security-headers.js'
import { sendProblem } from './send-problem.js'
import { storeFailure } from '../store/store-failure.js'

/** How the server guards itself: connection timeouts and caps, the in-flight limit, and whether it is stopping. */
export interface HttpServerOptions {
  http: Config['http']
  inFlight: InFlightLimit
  /** Receives request bodies before a request takes an in-flight slot. */
  intake: BodyIntake
  /** True once shutdown has begun: keep-alive connections are then closed after their current answer. */
  closing: () => boolean
  /** What a cache hit is answered from, before routing; without it every request is routed. */
  hits?: HitPathState
}

const servedMethods = new Set(['GET', 'HEAD', 'POST', 'OPTIONS'])

/**
 * The node:http server. A repeated GET is answered from the response cache
 * first (src/server/hit-path.ts). Every other request gets a request id, is
 * matched against the route table, gets its route's policy headers (so every
 * status carries them), has its body received (bounded per client and in
 * total) before it is admitted (MAX_IN_FLIGHT), and is handled; no
 * answer gives a 404 and a throw a 500, each in the route's error shape (the
 * error is logged, never sent). Requests are logged once answered, cache hits
 * only at debug. Slow clients are cut off by the header, request and
 * keep-alive timeouts, and connections beyond MAX_CONNECTIONS are dropped.
 */
export function createHttpServer(routes: readonly CompiledRoute[], logger: Logger, options: HttpServerOptions): Server {
  const { http, inFlight, intake, closing, hits } = options
  const log = logger.child({ component: 'http' })
  // Measured by the bench: a listener and a log entry per request are a visible share of a cache hit's
  // cost, so they are only made when the level logs requests at all (the level is fixed at start).
  const logRequests = log.isLevelEnabled('info')
  const logHits = log.isLevelEnabled('debug')

  const logAnswer = (request: IncomingMessage, response: ServerResponse, started: number, hitId?: string) => {
    const cache = hitId === undefined ? response.getHeader('x-cache') : 'HIT'
    if (cache === 'HIT' && !logHits) return
    const entry = {
      reqId: hitId ?? requestIdOf(request), method: request.method, path: request.url?.split('?')[0], status: response.statusCode,
      ms: Math.round((performance.now() - started) * 100) / 100, cache,
    }
    if (cache === 'HIT') log.debug(entry, 'request')
    else log.info(entry, 'request')
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = requestIdOf(request)
    response.setHeader('x-request-id', requestId)
    // While shutting down, keep-alive connections are closed after their current answer.
    if (closing()) response.setHeader('connection', 'close')
    if (logRequests) {
      const started = performance.now()
      response.once('finish', () => logAnswer(request, response, started))
    }
    let url: URL
    try {
      url = parseRequestPath(request.url)
    } catch (error) {
      if (!(error instanceof BadRequestPathError)) throw error
      applyPolicyHeaders(response, baseSecurityHeaders)
      sendProblem(response, 'json', 400, 'bad_request', error.message)
      return
    }
    const matched = matchRoute(routes, url.pathname)
    const { policy } = matched
    applyPolicyHeaders(response, matched.headers)
    const method = request.method ?? ''
    // The server is read-only outside /graphql and /beheer: a method no route serves (PUT, DELETE, LOCK, ...) is
    // refused here, once, in the route's error shape (the hostile-input test found routes answering PUT with 200).
    if (!servedMethods.has(method) || !matched.methods.includes(method as never)) {
      sendProblem(response, policy.errors, 405, 'method_not_allowed', `${method} is not served at ${url.pathname}; use ${matched.allow}.`, { allow: matched.allow })
      return
    }
    // CORS preflights of the open routes are answered here; /graphql answers its own (it allows POST).
    if (method === 'OPTIONS' && policy.cors && matched.name !== 'graphql') {
      if (request.headers['access-control-request-method'] === undefined) {
        response.writeHead(204, { allow: matched.allow, 'content-length': '0' })
        response.end()
      } else sendPreflight(request, response, matched.allow)
      return
    }
    // A body is received before its request takes an in-flight slot: slow senders hold no slot.
    if (policy.inFlight === 'limited' && !(await intake.receive(request, response, url.pathname) && inFlight.admit(response, policy.errors))) return
    if (policy.compression === 'stream') compressResponse(request, response)
    try {
      if (await matched.handler(request, response, url)) return
      sendProblem(response, policy.errors, 404, 'not_found', `Nothing is served at ${url.pathname}. The GraphQL API is at /graphql.`)
    } catch (error) {
      // A client that went away (or was cut off by a timeout) while its body was read is not a server fault.
      if (response.destroyed) {
        log.debug({ err: error, reqId: requestId, path: url.pathname }, 'connection closed before the answer')
        return
      }
      const failure = storeFailure(error)
      if (failure && !response.headersSent) {
        log.warn({ reqId: requestId, path: url.pathname, code: (error as { code?: unknown }).code }, failure.log)
        sendProblem(response, policy.errors, failure.status, failure.error, failure.message, failure.retry ? { 'retry-after': String(http.retryAfterSeconds) } : {})
        return
      }
      log.error({ err: error, reqId: requestId, path: url.pathname }, 'route failed')
      if (!response.headersSent) sendProblem(response, policy.errors, 500, 'internal_error', 'Internal server error.')
      else response.destroy()
    }
  }

  const server = createServer({
    headersTimeout: http.headersTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    // Node checks the two request timeouts on this interval (30 s by default, which would let a slow body linger).
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(http.headersTimeoutMs / 4))),
  }, (request, response) => {
    const hitId = hits === undefined || closing() ? undefined : answerFromCache(request, response, hits)
    if (hitId !== undefined) {
      if (logHits) logAnswer(request, response, performance.now(), hitId)
      return
    }
    void route(request, response).catch((error: unknown) => {
      log.error({ err: error, reqId: requestIdOf(request) }, 'request failed')
      if (!response.headersSent) sendProblem(response, 'json', 500, 'internal_error', 'Internal server error.')
    })
  })
  server.maxConnections = http.maxConnections
  // What Node answers itself (an unparsable request, a head or body too slow): the same headers as every answer.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy()
    const [status, reason] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout']
      : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request']
    const body = JSON.stringify({ error: 'bad_request', message: `${reason}.` })
    const headers = Object.entries(baseSecurityHeaders).map(([name, value]) => `${name}: ${value}\r\n`).join('')
    socket.end(`HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${body.length}\r\n${headers}connection: close\r\n\r\n${body}`)
  })
  return server
}
