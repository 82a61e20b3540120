import { createServer, type Server } from 'node:http'
import type { Logger } from 'pino'
import { sendJson } from './http-helpers.js'
import type { RouteHandler } from './route.js'

/**
 * The node:http server: each request is offered to the routes in order until
 * one answers; none answering gives a JSON 404. A route that throws gives a
 * bare JSON 500 (the error is logged, never sent). Every request is logged
 * once it is answered; cache hits at debug level, since they are the hot path.
 */
export function createHttpServer(routes: readonly RouteHandler[], logger: Logger, closing: () => boolean = () => false): Server {
  const log = logger.child({ component: 'http' })
  return createServer(async (request, response) => {
    const started = performance.now()
    // While shutting down, keep-alive connections are closed after their current answer.
    if (closing()) response.setHeader('connection', 'close')
    response.once('finish', () => {
      const entry = {
        method: request.method, path: request.url?.split('?')[0], status: response.statusCode,
        ms: Math.round((performance.now() - started) * 100) / 100, cache: response.getHeader('x-cache'),
      }
      if (entry.cache === 'HIT') log.debug(entry, 'request')
      else log.info(entry, 'request')
    })
    let url: URL
    try {
      url = new URL(request.url ?? '/', 'http://localhost')
    } catch {
      sendJson(response, 400, { error: 'bad_request', message: 'The request target is not a valid path.' })
      return
    }
    try {
      for (const route of routes) {
        if (await route(request, response, url)) return
      }
      sendJson(response, 404, { error: 'not_found', message: `Nothing is served at ${url.pathname}. The GraphQL API is at /graphql.` })
    } catch (error) {
      log.error({ err: error, path: url.pathname }, 'route failed')
      if (!response.headersSent) sendJson(response, 500, { error: 'internal_error', message: 'Internal server error.' })
      else response.destroy()
    }
  })
}
