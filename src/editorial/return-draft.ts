import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { editorialLimits } from './progress-vocabulary.js'
import { findRevision, replacedBy, subjectKeyText } from './revision-record.js'
import type { EditorialOutcome, UserError } from './user-error.js'
import { checkText } from './validate-revision.js'

/** A draft a reviewer sent back to its author, with the reason. */
export interface DraftReturn {
  revisionId: number
  reviewerName: string
  reason: string
  returnedAt: string
}

/**
 * Sends a draft back to its author with a reason: it leaves the review queue
 * and is never published; the author records a new revision instead. The same
 * four-eyes rule as publishing applies: nobody sends back their own draft.
 */
export async function returnDraft(store: EditorialStore, actor: EditorialActor, input: { revisionId: number | null; reason: string }): Promise<EditorialOutcome<DraftReturn>> {
  return await store.transaction(async () => {
    const draft = input.revisionId === null ? undefined : await findRevision(store, input.revisionId)
    const field = ['input', 'assessmentId']
    const errors: UserError[] = checkText(['input', 'reason'], input.reason, editorialLimits.reasonChars, 'reason')
    if (!draft) errors.unshift({ field, message: 'No draft has this id.', code: 'NOT_FOUND' })
    else {
      if (draft.publication) errors.push({ field, message: `Revision ${draft.revision} was published already, on ${draft.publication.publishedAt}.`, code: 'CONFLICT' })
      if (await returnOf(store, draft.id)) errors.push({ field, message: 'This draft was sent back already.', code: 'CONFLICT' })
      if (!draft.publication && await replacedBy(store, draft.id)) errors.push({ field, message: 'Its author edited this draft: review the edited version instead.', code: 'CONFLICT' })
      if (draft.authorId === actor.account?.id) errors.push({ field, message: 'You recorded this draft: a colleague reviews it (four-eyes).', code: 'SAME_AUTHOR' })
    }
    const audit = {
      accountId: actor.account?.id ?? null, operation: 'returnDraft', subject: draft ? subjectKeyText(draft.subject) : null,
      recordId: draft?.id ?? null, revisionBefore: draft?.revision ?? null, requestId: actor.requestId, client: actor.client,
    }
    if (errors.length > 0 || !draft || !actor.account) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: errors.map((e) => e.code) }, actor.now)
      return { record: null, userErrors: errors }
    }
    await store.run(store.db.insertInto('draft_return').values({
      revision_id: draft.id, reviewer_id: actor.account.id, reason: input.reason.trim(), returned_at: actor.now.toISOString(),
    }))
    await appendAudit(store, { ...audit, outcome: 'accepted', revisionAfter: draft.revision }, actor.now)
    return { record: (await returnOf(store, draft.id))!, userErrors: [] }
  })
}

/** How a draft was sent back, if it was. */
export async function returnOf(store: EditorialStore, revisionId: number): Promise<DraftReturn | undefined> {
  return (await returnsOf(store, [revisionId])).get(revisionId)
}

/** The returns of the given drafts, by revision id. */
export async function returnsOf(store: EditorialStore, revisionIds: readonly number[]): Promise<Map<number, DraftReturn>> {
  if (revisionIds.length === 0) return new Map()
  const rows = await store.all(store.db.selectFrom('draft_return').innerJoin('account', 'account.id', 'draft_return.reviewer_id')
    .select(['draft_return.revision_id as revisionId', 'account.name as reviewerName', 'draft_return.reason', 'draft_return.returned_at as returnedAt'])
    .where('draft_return.revision_id', 'in', [...revisionIds]))
  return new Map(rows.map((row) => [row.revisionId, row]))
}
