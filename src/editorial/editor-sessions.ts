import { createHash, randomBytes } from 'node:crypto'
import type { Account } from './accounts.js'
import { appendAudit } from './audit-trail.js'
import type { EditorialStore } from './open-editorial-store.js'

/** A signed-in session as the screens use it: whose it is, when it ends, and the form token bound to it. */
export interface EditorSession {
  account: Account
  expiresAt: string
  /** The synchronizer token every form of this session carries (derived from the session id, never stored). */
  csrfToken: string
}

/** Where a session's sign-in or sign-out came from, for the audit trail. */
export interface SessionOrigin {
  requestId: string | null
  client: string | null
}

const shape = /^[A-Za-z0-9_-]{43}$/
const hashOf = (sessionId: string) => createHash('sha256').update(sessionId, 'utf8').digest('hex')
// A different hash of the same secret: the stored id hash does not give the form token away.
const csrfTokenOf = (sessionId: string) => createHash('sha256').update(`csrf:${sessionId}`, 'utf8').digest('base64url')

/**
 * Starts a session for an account: a random 256-bit id that only the
 * browser's cookie holds; the store keeps its hash and its expiry.
 */
export async function startSession(store: EditorialStore, account: Account, lifetimeMs: number, origin: SessionOrigin, now = new Date()): Promise<{ sessionId: string; session: EditorSession }> {
  const sessionId = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString()
  await store.transaction(async () => {
    const id = (await store.run(store.db.insertInto('editor_session').values({
      id_hash: hashOf(sessionId), account_id: account.id, created_at: now.toISOString(), expires_at: expiresAt, ended_at: null,
    }).returning('id'))).insertId
    await appendAudit(store, { accountId: account.id, operation: 'signIn', outcome: 'accepted', subject: account.name, recordId: id, ...origin }, now)
  })
  return { sessionId, session: { account, expiresAt, csrfToken: csrfTokenOf(sessionId) } }
}

/** The live session a cookie value names: not expired, not ended, its account not revoked. Otherwise null. */
export async function findSession(store: EditorialStore, sessionId: string, now = new Date()): Promise<EditorSession | null> {
  if (!shape.test(sessionId)) return null
  const row = await store.first(store.db.selectFrom('editor_session').innerJoin('account', 'account.id', 'editor_session.account_id')
    .select(['account.id', 'account.name', 'account.role', 'account.created_at as createdAt', 'account.revoked_at as revokedAt',
      'editor_session.expires_at as expiresAt', 'editor_session.ended_at as endedAt'])
    .where('editor_session.id_hash', '=', hashOf(sessionId)))
  if (!row || row.endedAt !== null || row.revokedAt !== null || row.expiresAt <= now.toISOString()) return null
  const { expiresAt, endedAt: _ended, ...account } = row
  return { account, expiresAt, csrfToken: csrfTokenOf(sessionId) }
}

/** Ends a session (sign-out): from now on its cookie opens nothing, in every server process. */
export async function endSession(store: EditorialStore, sessionId: string, origin: SessionOrigin, now = new Date()): Promise<boolean> {
  if (!shape.test(sessionId)) return false
  return await store.transaction(async () => {
    const row = await store.first(store.db.selectFrom('editor_session').select(['id', 'account_id']).where('id_hash', '=', hashOf(sessionId)).where('ended_at', 'is', null))
    if (!row) return false
    await store.run(store.db.updateTable('editor_session').set({ ended_at: now.toISOString() }).where('id', '=', row.id))
    await appendAudit(store, { accountId: row.account_id, operation: 'signOut', outcome: 'accepted', recordId: row.id, ...origin }, now)
    return true
  })
}

/**
 * Whose session a cookie value names, live or not (expired, signed out), with
 * its form token; null when there is no such session or its account was
 * revoked. A form posted after the session ended is kept for this account only.
 */
export async function sessionOwner(store: EditorialStore, sessionId: string): Promise<{ accountId: number; csrfToken: string } | null> {
  if (!shape.test(sessionId)) return null
  const row = await store.first(store.db.selectFrom('editor_session').innerJoin('account', 'account.id', 'editor_session.account_id')
    .select(['account.id', 'account.revoked_at as revokedAt']).where('editor_session.id_hash', '=', hashOf(sessionId)))
  return row && row.revokedAt === null ? { accountId: row.id, csrfToken: csrfTokenOf(sessionId) } : null
}
