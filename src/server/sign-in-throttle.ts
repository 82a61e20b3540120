/** How failed sign-ins (Bearer tokens and the /beheer sign-in form) are limited per client. */
export interface ThrottleOptions {
  /** Failures a client may make within a window; the last of them blocks it. */
  freeFailures: number
  /** The first block; each failure after it in the window doubles it, up to maxBlockMs. */
  baseBlockMs: number
  maxBlockMs: number
  windowMs: number
  /** Clients remembered at most; the least recently failing are forgotten first. */
  maxClients: number
  /** Audit rows about refused tokens written per window, for all clients together. */
  auditedPerWindow: number
}

export const throttleDefaults: ThrottleOptions = {
  freeFailures: 5, baseBlockMs: 1_000, maxBlockMs: 60_000, windowMs: 15 * 60_000, maxClients: 10_000, auditedPerWindow: 1_000,
}

/** One client's failures in its current window. */
interface ClientFailures {
  count: number
  windowStart: number
  blockedUntil: number
}

/** What to do with a failure: whether it is written to the audit trail, and how long the client is now blocked. */
export interface FailureOutcome {
  count: number
  audit: 'refusal' | 'blocked' | null
  blockedMs: number
}

/**
 * Counts failed sign-ins per client and window, and blocks a client that
 * fails too often: a blocked client is answered 429 with Retry-After at once,
 * its token not even checked, so the throttle never holds a request (it used
 * to sleep up to 5 s per request while holding an in-flight slot). The first
 * few failures of a client in a window are audited one row each, then one row
 * when it is blocked; beyond that failures are counted and logged only, so a
 * flood cannot fill the append-only audit trail (at most auditedPerWindow rows
 * per window whatever the number of clients).
 */
export class SignInThrottle {
  private readonly clients = new Map<string, ClientFailures>()
  private audited = { windowStart: 0, count: 0 }

  constructor(private readonly options: ThrottleOptions = throttleDefaults, private readonly now: () => number = Date.now) {}

  /** Milliseconds the client must still wait, or 0 when it may try. */
  blockedFor(client: string): number {
    const entry = this.clients.get(client)
    return entry ? Math.max(0, entry.blockedUntil - this.now()) : 0
  }

  /** A successful sign-in forgets the client's failures. */
  succeeded(client: string): void {
    this.clients.delete(client)
  }

  /** Records a failure of the client. */
  failed(client: string): FailureOutcome {
    const { freeFailures, baseBlockMs, maxBlockMs, windowMs, maxClients } = this.options
    const now = this.now()
    const previous = this.clients.get(client)
    const entry = previous && now - previous.windowStart < windowMs ? previous : { count: 0, windowStart: now, blockedUntil: 0 }
    entry.count += 1
    const over = entry.count - freeFailures
    const blockedMs = over >= 0 ? Math.min(baseBlockMs * 2 ** Math.min(over, 30), maxBlockMs) : 0
    entry.blockedUntil = now + blockedMs
    this.clients.delete(client)
    this.clients.set(client, entry)
    if (this.clients.size > maxClients) this.clients.delete(this.clients.keys().next().value!)
    const wanted = over < 0 ? 'refusal' : over === 0 ? 'blocked' : null
    return { count: entry.count, audit: wanted && this.mayAudit(now) ? wanted : null, blockedMs }
  }

  private mayAudit(now: number): boolean {
    if (now - this.audited.windowStart >= this.options.windowMs) this.audited = { windowStart: now, count: 0 }
    if (this.audited.count >= this.options.auditedPerWindow) return false
    this.audited.count += 1
    return true
  }
}
