import type { IncomingMessage } from 'node:http'
import type { Logger } from 'pino'
import { checkToken, type Account } from '../editorial/accounts.js'
import { appendAudit } from '../editorial/audit-trail.js'
import { EditorialStoreDiskError, EditorialStoreUnavailableError } from '../editorial/editorial-errors.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import type { ClientAddress } from './client-address.js'
import { SignInThrottle, throttleDefaults, type ThrottleOptions } from './sign-in-throttle.js'

/** Who a request comes from: nobody (no Authorization header), an account, a refused credential, or a client blocked for now. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'account'; account: Account }
  | { kind: 'refused'; reason: string }
  | { kind: 'throttled'; retryAfterSeconds: number }

/** What the authenticator is made with: who a request comes from (TRUST_PROXY), and the throttle's settings. */
export interface AuthenticatorOptions {
  clientAddress: ClientAddress
  throttle?: Partial<ThrottleOptions>
}

/**
 * Bearer authentication of the HTTP layer. A request without an
 * Authorization header is anonymous; one with a malformed, unknown or revoked
 * token is refused at once and logged (never with the token); a client that
 * failed too often is answered `throttled` at once, without its token being
 * checked (src/server/sign-in-throttle.ts says what is audited).
 */
export function createAuthenticator(store: EditorialStore, logger: Logger, options: AuthenticatorOptions) {
  const throttle = new SignInThrottle({ ...throttleDefaults, ...options.throttle })
  const log = logger.child({ component: 'auth' })

  /**
   * Checks a presented token for a client: the account, a refusal (logged,
   * and audited under `operation` while the throttle allows), or `throttled`
   * when the client must wait. Bearer requests and the editorial screens'
   * sign-in share it, so guessing through either is limited alike.
   */
  async function verifyToken(token: string | null, client: string, requestId: string, operation: string): Promise<Authentication> {
    const waitMs = throttle.blockedFor(client)
    if (waitMs > 0) {
      log.debug({ client, requestId, operation, waitMs }, 'authentication throttled')
      return { kind: 'throttled', retryAfterSeconds: Math.ceil(waitMs / 1000) }
    }
    const check = token !== null ? await checkToken(store, token) : { valid: false as const, reason: 'malformed' as const, account: undefined }
    if (check.valid) {
      throttle.succeeded(client)
      return { kind: 'account', account: check.account }
    }
    const failure = throttle.failed(client)
    log.warn({ client, reason: check.reason, account: check.account?.name, requestId, operation, failures: failure.count, blockedMs: failure.blockedMs }, 'authentication failed')
    if (failure.audit) {
      try {
        await appendAudit(store, {
          accountId: check.account?.id ?? null, operation, outcome: 'refused', codes: [failure.audit === 'blocked' ? 'RATE_LIMITED' : 'UNAUTHENTICATED'],
          subject: failure.audit === 'blocked' ? `${check.reason}; ${failure.count} failures, blocked` : check.reason, requestId, client,
        })
      } catch (error) {
        // Another process holds the write lock, the store is out of reach, or its disk refuses: the refusal stands, and the log keeps what the trail could not.
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' && !(error instanceof EditorialStoreUnavailableError) && !(error instanceof EditorialStoreDiskError)) throw error
        log.error({ client, requestId, operation, reason: check.reason, code: (error as { code?: unknown }).code }, 'refused sign-in not audited: the editorial store is busy, out of reach or refusing writes')
      }
    }
    return { kind: 'refused', reason: check.reason }
  }

  async function authenticate(request: IncomingMessage, requestId: string): Promise<Authentication> {
    const header = request.headers.authorization
    if (header === undefined) return { kind: 'anonymous' }
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header)
    return verifyToken(match ? match[1]! : null, options.clientAddress(request), requestId, 'authenticate')
  }
  return Object.assign(authenticate, { verifyToken, clientAddress: options.clientAddress })
}

export type Authenticator = ReturnType<typeof createAuthenticator>
