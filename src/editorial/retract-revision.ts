import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { editorialLimits } from './progress-vocabulary.js'
import { appendRevision } from './record-revision.js'
import { findRevision, type RevisionRecord } from './revision-record.js'
import type { EditorialOutcome, UserError } from './user-error.js'
import { checkText } from './validate-revision.js'

/** Whether a published retraction withdraws the revision. */
export async function isRetracted(store: EditorialStore, revisionId: number): Promise<boolean> {
  return await store.first(store.db.selectFrom('revision').innerJoin('publication', 'publication.revision_id', 'revision.id')
    .select('revision.id').where('revision.retracts_id', '=', revisionId)) !== undefined
}

/**
 * Records a retraction: a new draft revision of the same subject that says
 * why a published assessment or measurement no longer stands. Like any
 * revision it is public only once a second person publishes it.
 */
export async function retractRevision(
  store: EditorialStore, actor: EditorialActor, input: { revisionId: number | null; reason: string; expectedRevision?: number | null },
): Promise<EditorialOutcome<RevisionRecord>> {
  const target = input.revisionId === null ? undefined : await findRevision(store, input.revisionId)
  const problems: UserError[] = checkText(['input', 'reason'], input.reason, editorialLimits.reasonChars, 'reason')
  const missing: UserError = { field: ['input', 'assessmentId'], message: 'No assessment or measurement has this id.', code: 'NOT_FOUND' }
  if (!target) {
    const userErrors = [missing, ...problems]
    await appendAudit(store, {
      accountId: actor.account?.id ?? null, operation: 'retractProgress', outcome: 'refused', codes: userErrors.map((e) => e.code),
      requestId: actor.requestId, client: actor.client,
    }, actor.now)
    return { record: null, userErrors }
  }
  if (target.kind === 'retraction') problems.push({ field: ['input', 'assessmentId'], message: 'A retraction cannot be retracted; record a new assessment instead.', code: 'INVALID' })
  else if (!target.publication) problems.push({ field: ['input', 'assessmentId'], message: 'This revision is a draft: only a published revision is retracted (a draft is simply not published).', code: 'INVALID' })
  return appendRevision(store, actor, 'retractProgress', target.subject, input.expectedRevision, problems, (subject, revision) => ({
    agreement_slug: subject.agreement, subject_type: subject.type, subject_slug: subject.slug, revision, kind: 'retraction',
    status: null, value: null, as_of: null, explanation: input.reason.trim(), retracts_id: target.id,
  }), [], async () => (await isRetracted(store, target.id)
    ? [{ field: ['input', 'assessmentId'], message: 'This revision has been retracted already.', code: 'CONFLICT' }] : []))
}
