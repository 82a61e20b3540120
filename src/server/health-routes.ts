import { sendJson } from './http-helpers.js'
import type { PublicationFailure } from './publication-readiness.js'
import type { RouteHandler } from './route.js'

/** What the health routes ask of the server. */
export interface HealthState {
  /** True once shutdown has begun: the server then reports not ready, so load balancers stop sending requests. */
  shuttingDown(): boolean
  /** Whether the database is open and answers a query. */
  databaseAnswers(): Promise<boolean>
  /** What is full when the server cannot take more work now (every in-flight slot or upload place taken); undefined when it can. */
  saturated?(): string | undefined
  /** Called when writing the publication after a progress publication failed (/data/ then serves the previous release): /readyz reports the last failure. */
  publicationFailed?(error: unknown): void
  /** Why the publication could not be written at start (or the last SIGHUP); undefined when it was. Not ready until it is. */
  publicationUnwritten?(): PublicationFailure | undefined
  /** Details for /readyz that do not decide readiness (the editorial store's state, orphaned records). */
  details?(): Promise<Record<string, unknown>>
}

/**
 * /healthz: the process is alive and serving HTTP (always 200 while it runs).
 * /readyz: the database is open and answering, the publication was written
 * at start (or at the last SIGHUP), the server is not shutting down and has
 * room for more work (200), otherwise 503: the signal to take this instance
 * out of rotation (for a while, when it is saturated).
 */
export function createHealthRoutes(state: HealthState): RouteHandler {
  return async (_request, response, url) => {
    if (url.pathname === '/healthz') {
      sendJson(response, 200, { status: 'ok' })
      return true
    }
    if (url.pathname === '/readyz') {
      if (state.shuttingDown()) sendJson(response, 503, { status: 'shutting-down' })
      else if (!(await state.databaseAnswers())) sendJson(response, 503, { status: 'database-unavailable' })
      else if (state.publicationUnwritten?.()) sendJson(response, 503, { status: 'publication-failed', publication: state.publicationUnwritten() })
      else if (state.saturated?.()) sendJson(response, 503, { status: 'saturated', full: state.saturated() }, { 'retry-after': '1' })
      else sendJson(response, 200, { status: 'ready', ...(state.details ? { details: await state.details() } : {}) })
      return true
    }
    return false
  }
}
