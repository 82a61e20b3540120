import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * A part of the HTTP server that owns a path prefix (/graphql, /data/,
 * /reports/, /). It answers the request and returns true, or returns false
 * when the path is not its own so the next route may try.
 */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>
