import { appendLink } from './audit-chain.js'
import type { AuditEntryTable } from './editorial-database.js'
import type { EditorialStore } from './open-editorial-store.js'

/** What an audit entry records about one state-changing operation, accepted or refused. */
export interface AuditInput {
  accountId: number | null
  operation: string
  outcome: 'accepted' | 'refused'
  /** The codes a refusal gave (UNAUTHENTICATED, INVALID, CONFLICT, ...). */
  codes?: readonly string[]
  /** The record's stable key ("assen-2022-2026/action/some-slug", or an account name). */
  subject?: string | null
  recordId?: number | null
  revisionBefore?: number | null
  revisionAfter?: number | null
  requestId?: string | null
  client?: string | null
}

/** An audit entry as read back, with the account's name. */
export interface AuditEntry extends Omit<AuditEntryTable, 'id' | 'codes'> {
  id: number
  accountName: string | null
  codes: string[]
}

/** Appends an entry to the audit trail (append-only: triggers refuse UPDATE and DELETE) and chains it (src/editorial/audit-chain.ts). */
export async function appendAudit(store: EditorialStore, entry: AuditInput, now = new Date()): Promise<number> {
  return await store.transaction(async () => {
    const id = (await store.run(store.db.insertInto('audit_entry').values({
      at: now.toISOString(), account_id: entry.accountId, operation: entry.operation, outcome: entry.outcome,
      codes: [...new Set(entry.codes ?? [])].join(','), subject: entry.subject?.slice(0, 500) ?? null, record_id: entry.recordId ?? null,
      revision_before: entry.revisionBefore ?? null, revision_after: entry.revisionAfter ?? null,
      request_id: entry.requestId?.slice(0, 100) ?? null, client: entry.client?.slice(0, 100) ?? null,
    }).returning('id'))).insertId
    await appendLink(store, 'audit', id)
    return id
  })
}

/** Audit entries, newest first, before an entry id (for paging), at most limit. */
export async function listAudit(store: EditorialStore, options: { before?: number; limit: number }): Promise<AuditEntry[]> {
  let query = store.db.selectFrom('audit_entry').leftJoin('account', 'account.id', 'audit_entry.account_id')
    .selectAll('audit_entry').select('account.name as accountName')
  if (options.before !== undefined) query = query.where('audit_entry.id', '<', options.before)
  return (await store.all(query.orderBy('audit_entry.id', 'desc').limit(options.limit)))
    .map((row) => ({ ...row, codes: row.codes === '' ? [] : row.codes.split(',') }))
}

/** How many entries the audit trail holds. */
export async function countAudit(store: EditorialStore): Promise<number> {
  return Number((await store.first(store.db.selectFrom('audit_entry').select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0)
}
