import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { appendAudit } from '../editorial/audit-trail.js'
import { endSession, findSession, startSession, type EditorSession } from '../editorial/editor-sessions.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import type { ReportSources } from '../reports/report-sources.js'
import { loadReportTheme } from '../reports/report-theme.js'
import { beheerLayout } from '../web/beheer/beheer-layout.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'
import { refusalContent, type Refusal } from '../web/beheer/refusal-page.js'
import { signInPage } from '../web/beheer/sign-in-page.js'
import type { Authenticator } from './authenticate-request.js'
import { handleBeheerPage, type BeheerContext } from './beheer-pages.js'
import { redirectTo, sendBeheerPage } from './beheer-responses.js'
import { isSameOriginPost, tokensMatch } from './csrf-check.js'
import { editorialCookies } from './editorial-cookies.js'
import { BodyTooLargeError, readBody } from './http-helpers.js'
import { requestIdOf } from './request-id.js'
import { readPostedForm } from './multipart-form.js'
import type { RouteHandler } from './route.js'
import type { StoreHolder } from './store-holder.js'

export interface BeheerRouteDependencies {
  config: Config
  logger: Logger
  stores: StoreHolder
  sources: ReportSources
  editorial: EditorialStore
  authenticate: Authenticator
}

/**
 * The editorial screens at /beheer. Signing in takes an account's token once
 * (slowed down per client like Bearer authentication); a session cookie then
 * carries it, looked up in the editorial store on every request so that
 * every server process (WORKERS) knows it and sign-out ends it everywhere.
 * Without a live session every page answers 303 to the sign-in page; every
 * form post must come from this origin and carry the session's form token.
 */
export function createBeheerRoute(deps: BeheerRouteDependencies): RouteHandler {
  const { config, editorial } = deps
  const cookies = editorialCookies(config.publicBaseUrl)
  const theme = loadReportTheme(config.reports.themePath)
  const log = deps.logger.child({ component: 'beheer' })

  const refuse = (response: ServerResponse, status: number, refusal: Refusal, session?: EditorSession) =>
    sendBeheerPage(response, status, beheerLayout({ ...refusalContent(refusal), theme, session }))

  return async (request, response, url) => {
    const path = url.pathname
    if (path !== beheerPaths.root && !path.startsWith(`${beheerPaths.root}/`)) return false
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST') {
      response.setHeader('allow', 'GET, HEAD, POST')
      return sendBeheerPage(response, 405, beheerLayout({ ...refusalContent('method'), theme }))
    }
    const origin = { requestId: requestIdOf(request), client: deps.authenticate.clientAddress(request) }
    let form: URLSearchParams | null = null
    let files = new Map<string, Buffer>()
    if (request.method === 'POST') {
      try {
        ;({ form, files } = await readPostedForm(await readBody(request, config.limits.maxBodyBytes), request.headers['content-type']))
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error
        return sendBeheerPage(response, 413, beheerLayout({ ...refusalContent('too-large'), theme }), { connection: 'close' })
      }
    }
    const sessionId = cookies.sessionId(request)
    const session = sessionId ? await findSession(editorial, sessionId) : null
    if (path === beheerPaths.signIn) return signIn(request, response, url, form, session !== null, origin)
    if (!session) {
      // A cookie that opens nothing (expired, signed out, revoked) is cleared; whatever was posted is not recorded.
      if (sessionId) cookies.clear(response)
      return redirectTo(response, sessionId ? `${beheerPaths.signIn}?verlopen=1` : beheerPaths.signIn)
    }
    if (form && !(isSameOriginPost(request, config.publicBaseUrl) && tokensMatch(session.csrfToken, form.get('csrf')))) {
      log.warn({ ...origin, path, account: session.account.name }, 'form post refused: not same-origin or wrong form token')
      await appendAudit(editorial, { accountId: session.account.id, operation: `post ${path}`.slice(0, 100), outcome: 'refused', codes: ['FORBIDDEN'], ...origin })
      return refuse(response, 403, 'csrf', session)
    }
    if (path === beheerPaths.signOut) {
      if (!form) return redirectTo(response, beheerPaths.actions)
      await endSession(editorial, sessionId!, origin)
      cookies.clear(response)
      return redirectTo(response, `${beheerPaths.signIn}?afgemeld=1`)
    }
    const lease = deps.stores.acquire()
    try {
      const { source } = await deps.sources.get(lease, null)
      const context: BeheerContext = { response, url, form, files, session, view: source.view, store: editorial, theme, origin }
      return (await handleBeheerPage(context)) || refuse(response, 404, 'not-found', session)
    } finally {
      lease.release()
    }
  }

  async function signIn(request: IncomingMessage, response: ServerResponse, url: URL, form: URLSearchParams | null, signedIn: boolean, origin: { requestId: string; client: string }): Promise<true> {
    if (!form) {
      if (signedIn) return redirectTo(response, beheerPaths.actions)
      // A second tab reuses the form token the browser holds, so signing in from the first tab still works.
      const formToken = reusableToken(cookies.signInToken(request)) ?? randomBytes(32).toString('base64url')
      cookies.setSignInToken(response, formToken)
      const notice = url.searchParams.has('afgemeld') ? 'signed-out' : url.searchParams.has('verlopen') ? 'expired' : null
      return sendBeheerPage(response, 200, beheerLayout({ title: 'Aanmelden', content: signInPage({ formToken, notice, errors: [] }), theme }))
    }
    const formToken = cookies.signInToken(request)
    if (!isSameOriginPost(request, config.publicBaseUrl) || !tokensMatch(formToken, form.get('csrf'))) {
      log.warn({ ...origin }, 'sign-in refused: not same-origin or wrong form token')
      return refuse(response, 403, 'csrf')
    }
    const token = (form.get('token') ?? '').trim()
    const result = await deps.authenticate.verifyToken(token || null, origin.client, origin.requestId, 'signIn')
    if (result.kind === 'throttled') {
      const errors = [{ id: 'token', message: `Te veel mislukte pogingen vanaf dit adres. Probeer het over ${result.retryAfterSeconds} seconden opnieuw.` }]
      return sendBeheerPage(response, 429, beheerLayout({ title: 'Aanmelden', content: signInPage({ formToken: formToken!, notice: null, errors }), theme }),
        { 'retry-after': String(result.retryAfterSeconds) })
    }
    if (result.kind !== 'account') {
      const errors = [{ id: 'token', message: token ? 'Deze toegangscode is onbekend of ingetrokken. Controleer de code en probeer het opnieuw.' : 'Vul uw toegangscode in.' }]
      return sendBeheerPage(response, 401, beheerLayout({ title: 'Aanmelden', content: signInPage({ formToken: formToken!, notice: null, errors }), theme }),
        { 'www-authenticate': 'Bearer realm="beheer"' })
    }
    const started = await startSession(editorial, result.account, config.editorialSessionMs, origin)
    cookies.setSession(response, started.sessionId, config.editorialSessionMs)
    return redirectTo(response, beheerPaths.actions)
  }
}

/** A sign-in form token from the cookie when it has the form this route issues (32 random bytes, base64url). */
function reusableToken(token: string | undefined | null): string | null {
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null
}
