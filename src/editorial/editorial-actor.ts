import type { Account } from './accounts.js'

/** Who performs an editorial operation, and where it came from (for the audit trail). */
export interface EditorialActor {
  /** null for an anonymous or refused caller: then only a refusal is audited. */
  account: Account | null
  requestId: string | null
  client: string | null
  now: Date
}
