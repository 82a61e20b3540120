import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import type { EditorialOutcome } from './user-error.js'

/** Who an action is assigned to: the latest assignment counts (null: unassigned). */
export interface Assignment {
  actionSlug: string
  accountId: number
  accountName: string
}

/** The current assignment of every assigned action of an agreement, by action slug. */
export async function currentAssignments(store: EditorialStore, agreement: string): Promise<Map<string, Assignment>> {
  const rows = await store.all(store.db.selectFrom('assignment').leftJoin('account', 'account.id', 'assignment.account_id')
    .select(['assignment.action_slug', 'assignment.account_id', 'account.name']).where('assignment.agreement_slug', '=', agreement).orderBy('assignment.id', 'asc'))
  const current = new Map<string, Assignment>()
  for (const row of rows) {
    if (row.account_id === null || row.name === null) current.delete(row.action_slug)
    else current.set(row.action_slug, { actionSlug: row.action_slug, accountId: row.account_id, accountName: row.name })
  }
  return current
}

/**
 * Assigns actions to an editor (or unassigns them with null): append-only, the
 * latest counts. The account must exist and not be revoked.
 */
export async function assignActions(store: EditorialStore, actor: EditorialActor, agreement: string, actionSlugs: readonly string[], accountId: number | null): Promise<EditorialOutcome<number>> {
  return await store.transaction(async () => {
    const account = accountId === null ? null : await store.first(store.db.selectFrom('account').select(['id', 'revoked_at']).where('id', '=', accountId))
    const audit = { accountId: actor.account?.id ?? null, operation: 'assignActions', subject: `${agreement}/action/${actionSlugs.join(',')}`.slice(0, 500), requestId: actor.requestId, client: actor.client }
    if (!actor.account || actionSlugs.length === 0 || (accountId !== null && (!account || account.revoked_at !== null))) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: ['NOT_FOUND'] }, actor.now)
      return { record: null, userErrors: [{ field: ['input', 'accountId'], message: 'No active account has this id, or no action was chosen.', code: 'NOT_FOUND' }] }
    }
    for (const slug of actionSlugs) {
      await store.run(store.db.insertInto('assignment').values({ agreement_slug: agreement, action_slug: slug, account_id: accountId, assigned_by: actor.account.id, assigned_at: actor.now.toISOString() }))
    }
    await appendAudit(store, { ...audit, outcome: 'accepted' }, actor.now)
    return { record: actionSlugs.length, userErrors: [] }
  })
}
