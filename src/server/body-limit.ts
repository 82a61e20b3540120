import type { IncomingMessage } from 'node:http'
import type { Config } from '../config.js'
import { findSession } from '../editorial/editor-sessions.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'
import { editorialCookies } from './editorial-cookies.js'

/**
 * The largest request body a path takes: the worksheet upload in /beheer, for
 * a signed-in editor, its own bound (WORKSHEET_MAX_BYTES: an xlsx saved
 * unzipped passes 100 kB); every other path, and an upload without a live
 * session, MAX_BODY_BYTES. The intake and the routes ask this one rule, so a
 * body the intake kept is never refused again by its route, and nobody who
 * is not signed in can make the server hold megabytes.
 */
export function bodyLimit(limits: Config['limits'], path: string, signedIn: boolean): number {
  return path === beheerPaths.worksheet && signedIn ? limits.worksheetMaxBytes : limits.maxBodyBytes
}

/**
 * The intake's limit for a request (src/server/body-intake.ts): for the one
 * path that takes more, the session its cookie names is looked up before a
 * byte of the body is kept. A store out of reach counts as no session: the
 * body is held to MAX_BODY_BYTES and the route answers 503.
 */
export function intakeBodyLimit(config: Pick<Config, 'limits' | 'publicBaseUrl'>, store: EditorialStore): (path: string, request: IncomingMessage) => Promise<number> {
  const cookies = editorialCookies(config.publicBaseUrl)
  const signedIn = async (request: IncomingMessage) => {
    const session = cookies.sessionId(request)
    return session !== undefined && (await findSession(store, session).catch(() => null)) !== null
  }
  return async (path, request) => bodyLimit(config.limits, path, path === beheerPaths.worksheet && await signedIn(request))
}
