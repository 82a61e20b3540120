import { createServer, type Server } from 'node:http'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { compressResponse } from './compression.js'
import { applyCors } from './cors.js'
import { sendJson } from './http-helpers.js'
import type { BodyIntake } from './body-intake.js'
import type { InFlightLimit } from './in-flight-limit.js'
import { BadRequestPathError, parseRequestPath } from './request-path.js'
import type { RouteHandler } from './route.js'
import { baseSecurityHeaders, setSecurityHeaders } from './security-headers.js'
import { storeFailure } from '../store/store-failure.js'

/** How the server guards itself: connection timeouts and caps, the in-flight limit, and whether it is stopping. */
export interface HttpServerOptions {
  http: Config['http']
  inFlight: InFlightLimit
  /** Receives request bodies before a request takes an in-flight slot. */
  intake: BodyIntake
  /** True once shutdown has begun: keep-alive connections are then closed after their current answer. */
  closing: () => boolean
}

/** Paths that are answered even when the server is full: a load balancer must always be able to ask. */
const healthPaths = new Set(['/healthz', '/readyz'])

const servedMethods = new Set(['GET', 'HEAD', 'POST', 'OPTIONS'])

/**
 * The node:http server: each request is offered to the routes in order until
 * one answers; none answering gives a JSON 404. A route that throws gives a
 * bare JSON 500 (the error is logged, never sent). Every request is logged
 * once it is answered; cache hits at debug level, since they are the hot path.
 * Slow clients are cut off by the header, request and keep-alive timeouts,
 * connections beyond MAX_CONNECTIONS are dropped, a body is received
 * (bounded per client and in total) before its request is admitted, and
 * requests beyond MAX_IN_FLIGHT get a 503.
 */
export function createHttpServer(routes: readonly RouteHandler[], logger: Logger, options: HttpServerOptions): Server {
  const { http, inFlight, intake, closing } = options
  const log = logger.child({ component: 'http' })
  // Measured by the bench: a listener and a log entry per request are a visible share of a cache hit's
  // cost, so they are only made when the level logs requests at all (the level is fixed at start).
  const logRequests = log.isLevelEnabled('info')
  const logHits = log.isLevelEnabled('debug')
  const server = createServer({
    headersTimeout: http.headersTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    // Node checks the two request timeouts on this interval (30 s by default, which would let a slow body linger).
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(http.headersTimeoutMs / 4))),
  }, async (request, response) => {
    setSecurityHeaders(response, (request.url ?? '').split('?')[0]!)
    // While shutting down, keep-alive connections are closed after their current answer.
    if (closing()) response.setHeader('connection', 'close')
    if (logRequests) {
      const started = performance.now()
      response.once('finish', () => {
        const cache = response.getHeader('x-cache')
        if (cache === 'HIT' && !logHits) return
        const entry = {
          method: request.method, path: request.url?.split('?')[0], status: response.statusCode,
          ms: Math.round((performance.now() - started) * 100) / 100, cache,
        }
        if (cache === 'HIT') log.debug(entry, 'request')
        else log.info(entry, 'request')
      })
    }
    // The server is read-only: a method no route serves (PUT, DELETE, LOCK, ...) is refused here, once,
    // rather than by each route (the hostile-input test found the health routes answering PUT with 200).
    if (!servedMethods.has(request.method ?? '')) {
      sendJson(response, 405, { error: 'method_not_allowed', message: `${request.method} is not served here; use GET, HEAD, POST or OPTIONS.` }, { allow: 'GET, HEAD, POST, OPTIONS' })
      return
    }
    let url: URL
    try {
      url = parseRequestPath(request.url)
    } catch (error) {
      if (!(error instanceof BadRequestPathError)) throw error
      sendJson(response, 400, { error: 'bad_request', message: error.message })
      return
    }
    if (applyCors(request, response, url)) return
    if (!healthPaths.has(url.pathname) && !(await intake.receive(request, response) && inFlight.admit(response))) return
    compressResponse(request, response)
    try {
      for (const route of routes) {
        if (await route(request, response, url)) return
      }
      sendJson(response, 404, { error: 'not_found', message: `Nothing is served at ${url.pathname}. The GraphQL API is at /graphql.` })
    } catch (error) {
      // A client that went away (or was cut off by a timeout) while its body was read is not a server fault.
      if (response.destroyed) {
        log.debug({ err: error, path: url.pathname }, 'connection closed before the answer')
        return
      }
      const failure = storeFailure(error)
      if (failure && !response.headersSent) {
        log.warn({ path: url.pathname, code: (error as { code?: unknown }).code }, failure.log)
        sendJson(response, 503, { error: failure.error, message: failure.message }, { 'retry-after': String(http.retryAfterSeconds) })
        return
      }
      log.error({ err: error, path: url.pathname }, 'route failed')
      if (!response.headersSent) sendJson(response, 500, { error: 'internal_error', message: 'Internal server error.' })
      else response.destroy()
    }
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
