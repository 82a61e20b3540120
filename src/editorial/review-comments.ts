import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { editorialLimits } from './progress-vocabulary.js'
import { findRevision, subjectKeyText } from './revision-record.js'
import type { EditorialOutcome, UserError } from './user-error.js'
import { checkText } from './validate-revision.js'

/** A reviewer's comment on a draft, which its author sees beside it. */
export interface ReviewComment {
  id: number
  revisionId: number
  reviewerName: string
  comment: string
  createdAt: string
}

/** Adds a comment to a draft (append-only); a published revision takes no more comments. */
export async function addReviewComment(store: EditorialStore, actor: EditorialActor, input: { revisionId: number; comment: string }): Promise<EditorialOutcome<ReviewComment>> {
  return await store.transaction(async () => {
    const draft = await findRevision(store, input.revisionId)
    const errors: UserError[] = checkText(['input', 'comment'], input.comment, editorialLimits.reasonChars, 'comment')
    if (!draft) errors.push({ field: ['input', 'revisionId'], message: 'No draft has this id.', code: 'NOT_FOUND' })
    else if (draft.publication) errors.push({ field: ['input', 'revisionId'], message: 'This revision is published already.', code: 'CONFLICT' })
    const audit = { accountId: actor.account?.id ?? null, operation: 'commentDraft', subject: draft ? subjectKeyText(draft.subject) : null, recordId: draft?.id ?? null, requestId: actor.requestId, client: actor.client }
    if (errors.length > 0 || !actor.account) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: errors.map((e) => e.code) }, actor.now)
      return { record: null, userErrors: errors }
    }
    const id = (await store.run(store.db.insertInto('review_comment').values({ revision_id: input.revisionId, reviewer_id: actor.account.id, comment: input.comment.trim(), created_at: actor.now.toISOString() }).returning('id'))).insertId
    await appendAudit(store, { ...audit, outcome: 'accepted' }, actor.now)
    return { record: (await commentsOf(store, [input.revisionId])).get(input.revisionId)!.find((c) => c.id === id)!, userErrors: [] }
  })
}

/** The comments on each of the given revisions, oldest first. */
export async function commentsOf(store: EditorialStore, revisionIds: readonly number[]): Promise<Map<number, ReviewComment[]>> {
  const map = new Map<number, ReviewComment[]>()
  if (revisionIds.length === 0) return map
  const rows = await store.all(store.db.selectFrom('review_comment').innerJoin('account', 'account.id', 'review_comment.reviewer_id')
    .select(['review_comment.id', 'review_comment.revision_id', 'account.name', 'review_comment.comment', 'review_comment.created_at'])
    .where('review_comment.revision_id', 'in', [...revisionIds]).orderBy('review_comment.id'))
  for (const row of rows) {
    map.set(row.revision_id, [...(map.get(row.revision_id) ?? []), { id: row.id, revisionId: row.revision_id, reviewerName: row.name, comment: row.comment, createdAt: row.created_at }])
  }
  return map
}
