import type { IncomingMessage } from 'node:http'
import type { Logger } from 'pino'
import { checkToken, type Account } from '../editorial/accounts.js'
import { appendAudit } from '../editorial/audit-trail.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'

/** Who a request comes from: nobody (no Authorization header), an account, or a refused credential. */
export type Authentication =
  | { kind: 'anonymous' }
  | { kind: 'account'; account: Account }
  | { kind: 'refused'; reason: string }

/** How failed authentications are slowed down: the n-th failure of a client within the window waits base * 2^(n-1), capped. */
export interface ThrottleOptions {
  baseDelayMs: number
  maxDelayMs: number
  windowMs: number
  /** Clients remembered at most; the oldest are forgotten first. */
  maxClients: number
}

const defaults: ThrottleOptions = { baseDelayMs: 200, maxDelayMs: 5000, windowMs: 15 * 60_000, maxClients: 10_000 }

/** The client's address as the socket saw it (forwarded headers can be forged, so they are not trusted). */
export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown'
}

/**
 * Bearer authentication of the HTTP layer. A request without an
 * Authorization header is anonymous; one with a malformed, unknown or revoked
 * token is refused: logged (never with the token), audited, and answered only
 * after a delay that doubles with each failure of that client.
 */
export function createAuthenticator(store: EditorialStore, logger: Logger, options: Partial<ThrottleOptions> = {}) {
  const settings = { ...defaults, ...options }
  const log = logger.child({ component: 'auth' })
  const failures = new Map<string, { count: number; last: number }>()

  function delayFor(client: string): number {
    const now = Date.now()
    const previous = failures.get(client)
    const count = previous && now - previous.last < settings.windowMs ? previous.count + 1 : 1
    failures.delete(client)
    failures.set(client, { count, last: now })
    if (failures.size > settings.maxClients) failures.delete(failures.keys().next().value!)
    return Math.min(settings.baseDelayMs * 2 ** (count - 1), settings.maxDelayMs)
  }

  /**
   * Checks a presented token for a client: the account, or a refusal that is
   * logged (never with the token), audited under `operation`, and answered
   * only after the client's growing delay. Bearer requests and the editorial
   * screens' sign-in share it, so guessing through either is slowed alike.
   */
  async function verifyToken(token: string | null, client: string, requestId: string, operation: string): Promise<Authentication> {
    const check = token !== null ? checkToken(store, token) : { valid: false as const, reason: 'malformed' as const, account: undefined }
    if (check.valid) {
      failures.delete(client)
      return { kind: 'account', account: check.account }
    }
    const delayMs = delayFor(client)
    log.warn({ client, reason: check.reason, account: check.account?.name, requestId, delayMs, operation }, 'authentication failed')
    appendAudit(store, {
      accountId: check.account?.id ?? null, operation, outcome: 'refused', codes: ['UNAUTHENTICATED'],
      subject: check.reason, requestId, client,
    })
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    return { kind: 'refused', reason: check.reason }
  }

  async function authenticate(request: IncomingMessage, requestId: string): Promise<Authentication> {
    const header = request.headers.authorization
    if (header === undefined) return { kind: 'anonymous' }
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header)
    return verifyToken(match ? match[1]! : null, clientAddress(request), requestId, 'authenticate')
  }
  return Object.assign(authenticate, { verifyToken })
}

export type Authenticator = ReturnType<typeof createAuthenticator>
