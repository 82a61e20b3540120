import { createAccessToken, hashAccessToken, isWellFormedToken } from './access-token.js'
import { appendAudit } from './audit-trail.js'
import type { Role } from './editorial-database.js'
import { AccountExistsError, AccountNotFoundError, InvalidAccountError } from './editorial-errors.js'
import type { EditorialStore } from './open-editorial-store.js'
import { editorialLimits, roles } from './progress-vocabulary.js'

/** An account as the application sees it: never its token or hash. */
export interface Account {
  id: number
  name: string
  role: Role
  createdAt: string
  revokedAt: string | null
}

/** What a presented token turned out to be. */
export type TokenCheck =
  | { valid: true; account: Account }
  | { valid: false; reason: 'malformed' | 'unknown' | 'revoked'; account?: Account }

const accountColumns = ['id', 'name', 'role', 'created_at as createdAt', 'revoked_at as revokedAt'] as const

/** Creates an account and returns it with its token, which exists nowhere else: the store keeps only its hash. */
export async function addAccount(store: EditorialStore, name: string, role: string, now = new Date()): Promise<{ account: Account; token: string }> {
  const trimmed = name.trim()
  // Control characters would let a name forge lines in a terminal or a log.
  if (trimmed.length === 0 || trimmed.length > editorialLimits.nameChars || /\p{Cc}/u.test(trimmed)) {
    throw new InvalidAccountError(`the name must be 1 to ${editorialLimits.nameChars} printable characters`)
  }
  if (!(roles as readonly string[]).includes(role)) throw new InvalidAccountError(`the role must be one of ${roles.join(', ')}, not ${JSON.stringify(role)}`)
  const token = createAccessToken()
  return await store.transaction(async () => {
    if (await store.first(store.db.selectFrom('account').select('id').where('name', '=', trimmed))) throw new AccountExistsError(trimmed)
    const id = (await store.run(store.db.insertInto('account').values({
      name: trimmed, role: role as Role, token_hash: hashAccessToken(token), created_at: now.toISOString(), revoked_at: null,
    }).returning('id'))).insertId
    await appendAudit(store, { accountId: null, operation: 'addAccount', outcome: 'accepted', subject: trimmed, recordId: id, client: 'cli' }, now)
    return { account: { id, name: trimmed, role: role as Role, createdAt: now.toISOString(), revokedAt: null }, token }
  })
}

/** Revokes an account: its token stops working at once; its records stay, attributed to it. */
export async function revokeAccount(store: EditorialStore, name: string, now = new Date()): Promise<Account> {
  return await store.transaction(async () => {
    const found = await store.first(store.db.selectFrom('account').select(accountColumns).where('name', '=', name.trim()))
    if (!found) throw new AccountNotFoundError(name)
    if (found.revokedAt !== null) throw new AccountNotFoundError(name, `revoked already on ${found.revokedAt}`)
    await store.run(store.db.updateTable('account').set({ revoked_at: now.toISOString() }).where('id', '=', found.id))
    await appendAudit(store, { accountId: null, operation: 'revokeAccount', outcome: 'accepted', subject: found.name, recordId: found.id, client: 'cli' }, now)
    return { ...found, revokedAt: now.toISOString() }
  })
}

/** Every account, by name, without secrets. */
export async function listAccounts(store: EditorialStore): Promise<Account[]> {
  return await store.all(store.db.selectFrom('account').select(accountColumns).orderBy('name'))
}

/** Finds the account a token belongs to; a malformed token is refused before any lookup. */
export async function checkToken(store: EditorialStore, token: string): Promise<TokenCheck> {
  if (!isWellFormedToken(token)) return { valid: false, reason: 'malformed' }
  const account = await store.first(store.db.selectFrom('account').select(accountColumns).where('token_hash', '=', hashAccessToken(token)))
  if (!account) return { valid: false, reason: 'unknown' }
  if (account.revokedAt !== null) return { valid: false, reason: 'revoked', account }
  return { valid: true, account }
}
