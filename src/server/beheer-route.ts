import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import type { Config } from '../config.js'
import { appendAudit } from '../editorial/audit-trail.js'
import { endSession, findSession, sessionOwner, startSession, type EditorSession } from '../editorial/editor-sessions.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import type { ReportSources } from '../reports/report-sources.js'
import { loadReportTheme } from '../reports/report-theme.js'
import { beheerLayout } from '../web/beheer/beheer-layout.js'
import { beheerPaths } from '../web/beheer/beheer-paths.js'
import { refusalContent, type Refusal } from '../web/beheer/refusal-page.js'
import { restoredNotice, signInPage, type SignInNotice } from '../web/beheer/sign-in-page.js'
import { storeFailureContent, storeFailureNotice } from '../web/beheer/store-failure-page.js'
import { storeFailure, type StoreFailure } from '../store/store-failure.js'
import type { Authenticator } from './authenticate-request.js'
import { handleBeheerPage, type BeheerContext } from './beheer-pages.js'
import { redirectTo, sendBeheerPage } from './beheer-responses.js'
import { isSameOriginPost, tokensMatch } from './csrf-check.js'
import { editorialCookies } from './editorial-cookies.js'
import { bodyLimit } from './body-limit.js'
import { BodyTooLargeError, readBody } from './http-helpers.js'
import { requestIdOf } from './request-id.js'
import { readPostedForm } from './multipart-form.js'
import { keptFormPage, keptFormSeconds, openKeptForm, sealKeptForm } from './kept-form.js'
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
    if (url.pathname !== beheerPaths.root && !url.pathname.startsWith(`${beheerPaths.root}/`)) return false
    const seen: Seen = { form: null, session: null, origin: null }
    try {
      return await serve(request, response, url, seen)
    } catch (error) {
      const failure = storeFailure(error)
      if (!failure || response.headersSent) throw error
      return await storeFailed(response, url, failure, seen)
    }
  }

  async function serve(request: IncomingMessage, response: ServerResponse, url: URL, seen: Seen): Promise<boolean> {
    const path = url.pathname
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST') {
      response.setHeader('allow', 'GET, HEAD, POST')
      return sendBeheerPage(response, 405, beheerLayout({ ...refusalContent('method'), theme }))
    }
    const origin = { requestId: requestIdOf(request), client: deps.authenticate.clientAddress(request) }
    seen.origin = origin
    const sessionId = cookies.sessionId(request)
    const session = sessionId ? await findSession(editorial, sessionId) : null
    seen.session = session
    let form: URLSearchParams | null = null
    let files = new Map<string, Buffer>()
    let tooLarge = false
    if (request.method === 'POST') {
      try {
        ;({ form, files } = await readPostedForm(await readBody(request, bodyLimit(config.limits, path, session !== null)), request.headers['content-type']))
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error
        tooLarge = true
      }
    }
    seen.form = form
    if (tooLarge) {
      // The body was not read to its end: the connection cannot carry another request.
      response.setHeader('connection', 'close')
      // A worksheet too large gets its own page back, upload form and all, saying so; nothing was read, so nothing is recorded.
      if (session && path === beheerPaths.worksheet) return answerPage(response, url, { form: null, files, session, origin, tooLarge })
      return sendBeheerPage(response, 413, beheerLayout({ ...refusalContent('too-large'), theme, session: session ?? undefined }))
    }
    if (path === beheerPaths.signIn) return signIn(request, response, url, form, session !== null, origin)
    if (!session) {
      // A cookie that opens nothing (expired, signed out, revoked) is cleared; whatever was posted is not recorded.
      if (sessionId) cookies.clear(response)
      // What was typed is kept, sealed, in the sign-in form: after signing in the form is shown again with it.
      if (form && isSameOriginPost(request, config.publicBaseUrl) && (await keepForm(request, response, path, form, sessionId))) return true
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
    return answerPage(response, url, { form, files, session, origin })
  }

  /**
   * A store that refused (full, read-only, a failing disk, busy, out of
   * reach): its transaction wrote nothing. A post with typed text by a
   * signed-in editor is answered with its form again, filled in, above it
   * what happened (reads go on while writes fail); when even that page
   * cannot be read, the typed text is shown to copy. 503, or 507 for a full store.
   */
  async function storeFailed(response: ServerResponse, url: URL, failure: StoreFailure, seen: Seen): Promise<true> {
    log.warn({ path: url.pathname, code: failure.code, requestId: seen.origin?.requestId }, failure.log)
    if (failure.retry) response.setHeader('retry-after', String(config.http.retryAfterSeconds))
    const plan = seen.form && seen.session && seen.origin ? keptFormPage(url.pathname, seen.form) : null
    if (plan) {
      try {
        return await answerPage(response, new URL(plan.page, url), {
          form: null, files: new Map(), session: seen.session!, origin: seen.origin!,
          restored: { values: plan.values, notice: storeFailureNotice(failure.error), status: failure.status },
        })
      } catch (error) {
        if (!storeFailure(error) || response.headersSent) throw error
      }
    }
    return sendBeheerPage(response, failure.status, beheerLayout({ ...storeFailureContent(failure.error, seen.form !== null, plan?.values), theme, session: seen.session ?? undefined }))
  }

  async function answerPage(response: ServerResponse, url: URL, parts: Pick<BeheerContext, 'form' | 'files' | 'session' | 'origin' | 'restored' | 'tooLarge'>): Promise<true> {
    const lease = deps.stores.acquire()
    try {
      const { source } = await deps.sources.get(lease, null)
      const context: BeheerContext = { response, url, ...parts, view: source.view, store: editorial, theme, worksheetMaxBytes: config.limits.worksheetMaxBytes }
      return (await handleBeheerPage(context)) || refuse(response, 404, 'not-found', parts.session)
    } finally {
      lease.release()
    }
  }

  /** The sign-in page, with the form token of this browser (a second tab reuses it, so signing in from the first still works). */
  function signInForm(request: IncomingMessage, response: ServerResponse, status: number, notice: SignInNotice, kept: string | null, headers: Record<string, string> = {}): true {
    const formToken = reusableToken(cookies.signInToken(request)) ?? randomBytes(32).toString('base64url')
    cookies.setSignInToken(response, formToken)
    return sendBeheerPage(response, status, beheerLayout({ title: 'Aanmelden', content: signInPage({ formToken, notice, errors: [], kept }), theme }), headers)
  }

  /**
   * A form posted without a live session: when it holds typed text, it is
   * sealed into the sign-in form (its key in a cookie for the sign-in page
   * only) and the sign-in page says so. When the browser still sends the old
   * session's cookie, the form must carry that session's form token and is
   * kept for its account only; a revoked account's form is not kept.
   */
  async function keepForm(request: IncomingMessage, response: ServerResponse, path: string, form: URLSearchParams, sessionId: string | undefined): Promise<boolean> {
    const plan = keptFormPage(path, form)
    if (!plan) return false
    const owner = sessionId ? await sessionOwner(editorial, sessionId) : null
    if (sessionId && (!owner || !tokensMatch(owner.csrfToken, form.get('csrf')))) return false
    const { key, sealed } = sealKeptForm({ ...plan, accountId: owner?.accountId ?? null, keptAt: Date.now() })
    cookies.setKeptFormKey(response, key, keptFormSeconds)
    log.info({ path, account: owner?.accountId ?? null }, 'form posted without a live session: kept for the next sign-in')
    return signInForm(request, response, 401, 'kept', sealed, { 'www-authenticate': 'Bearer realm="beheer"' })
  }

  async function signIn(request: IncomingMessage, response: ServerResponse, url: URL, form: URLSearchParams | null, signedIn: boolean, origin: { requestId: string; client: string }): Promise<true> {
    if (!form) {
      if (signedIn) return redirectTo(response, beheerPaths.actions)
      return signInForm(request, response, 200, url.searchParams.has('afgemeld') ? 'signed-out' : url.searchParams.has('verlopen') ? 'expired' : null, null)
    }
    const formToken = cookies.signInToken(request)
    if (!isSameOriginPost(request, config.publicBaseUrl) || !tokensMatch(formToken, form.get('csrf'))) {
      log.warn({ ...origin }, 'sign-in refused: not same-origin or wrong form token')
      return refuse(response, 403, 'csrf')
    }
    const token = (form.get('token') ?? '').trim()
    const kept = openKeptForm(form.get('bewaard'), cookies.keptFormKey(request))
    // A refused sign-in keeps the sealed form in the page, so the next try still restores it.
    const keeping = kept ? form.get('bewaard') : null
    const result = await deps.authenticate.verifyToken(token || null, origin.client, origin.requestId, 'signIn')
    if (result.kind === 'throttled') {
      const errors = [{ id: 'token', message: `Te veel mislukte pogingen vanaf dit adres. Probeer het over ${result.retryAfterSeconds} seconden opnieuw.` }]
      return sendBeheerPage(response, 429, beheerLayout({ title: 'Aanmelden', content: signInPage({ formToken: formToken!, notice: keeping ? 'kept' : null, errors, kept: keeping }), theme }),
        { 'retry-after': String(result.retryAfterSeconds) })
    }
    if (result.kind !== 'account') {
      const errors = [{ id: 'token', message: token ? 'Deze toegangscode is onbekend of ingetrokken. Controleer de code en probeer het opnieuw.' : 'Vul uw toegangscode in.' }]
      return sendBeheerPage(response, 401, beheerLayout({ title: 'Aanmelden', content: signInPage({ formToken: formToken!, notice: keeping ? 'kept' : null, errors, kept: keeping }), theme }),
        { 'www-authenticate': 'Bearer realm="beheer"' })
    }
    const started = await startSession(editorial, result.account, config.editorialSessionMs, origin)
    cookies.setSession(response, started.sessionId, config.editorialSessionMs)
    // The kept form is shown again, filled in, to the account that typed it (or, without its old cookie, to whoever signs in in this browser).
    if (kept && (kept.accountId === null || kept.accountId === result.account.id)) {
      return answerPage(response, new URL(kept.page, url), { form: null, files: new Map(), session: started.session, origin, restored: { values: kept.values, notice: restoredNotice, status: 200 } })
    }
    return redirectTo(response, beheerPaths.actions)
  }
}

/** What a request had come to when a store refused: the posted form, the session it was posted in, and its origin. */
interface Seen {
  form: URLSearchParams | null
  session: EditorSession | null
  origin: { requestId: string; client: string } | null
}

/** A sign-in form token from the cookie when it has the form this route issues (32 random bytes, base64url). */
function reusableToken(token: string | undefined | null): string | null {
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null
}
