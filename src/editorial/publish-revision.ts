import { appendLink } from './audit-chain.js'
import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { recordChainState } from './publication-chain-state.js'
import { isRetracted } from './retract-revision.js'
import { returnOf } from './return-draft.js'
import { findRevision, replacedBy, subjectKeyText, type RevisionRecord } from './revision-record.js'
import type { EditorialOutcome, UserError } from './user-error.js'
import { notifyPublication } from './publication-listener.js'

/** Whether a revision of the same subject, newer than this one, is published. */
async function newerPublished(store: EditorialStore, revision: RevisionRecord): Promise<number | undefined> {
  return (await store.first(store.db.selectFrom('revision').innerJoin('publication', 'publication.revision_id', 'revision.id')
    .select('revision.revision').where('agreement_slug', '=', revision.subject.agreement).where('subject_type', '=', revision.subject.type)
    .where('subject_slug', '=', revision.subject.slug).where('revision.revision', '>', revision.revision)
    .orderBy('revision.revision', 'desc').limit(1)))?.revision
}

/** The name of the closed round a draft was recorded for, if it was: a closed round never changes. */
async function closedRoundOf(store: EditorialStore, revisionId: number): Promise<string | undefined> {
  return (await store.first(store.db.selectFrom('round_revision').innerJoin('reporting_round', 'reporting_round.id', 'round_revision.round_id')
    .select('reporting_round.name').where('round_revision.revision_id', '=', revisionId).where('reporting_round.closed_at', 'is not', null)))?.name
}

/**
 * Publishes a draft (four-eyes: the reviewer is not its author; a trigger in
 * the store holds the same rule). The draft, its publication, the audit
 * entry and the chain state it leaves are one transaction; a refusal appends only its audit entry.
 */
export async function publishRevision(store: EditorialStore, actor: EditorialActor, revisionId: number | null): Promise<EditorialOutcome<RevisionRecord>> {
  return await store.transaction(async () => {
    const draft = revisionId === null ? undefined : await findRevision(store, revisionId)
    const field = ['input', 'assessmentId']
    const errors: UserError[] = []
    if (!draft) errors.push({ field, message: 'No draft has this id.', code: 'NOT_FOUND' })
    else {
      if (draft.publication) errors.push({ field, message: `Revision ${draft.revision} was published already, on ${draft.publication.publishedAt}.`, code: 'CONFLICT' })
      if (draft.authorId === actor.account?.id) errors.push({ field, message: 'You recorded this draft: a colleague publishes it (four-eyes).', code: 'SAME_AUTHOR' })
      if (!draft.publication && await returnOf(store, draft.id)) errors.push({ field, message: 'This draft was sent back to its author: record a new revision instead.', code: 'CONFLICT' })
      if (!draft.publication && await replacedBy(store, draft.id)) errors.push({ field, message: 'Its author edited this draft: publish the edited version instead.', code: 'CONFLICT' })
      const round = await closedRoundOf(store, draft.id)
      if (!draft.publication && round) errors.push({ field, message: `This draft was recorded for round "${round}", which is closed: record it again in the open round.`, code: 'CONFLICT' })
      const newer = await newerPublished(store, draft)
      if (!draft.publication && newer !== undefined) errors.push({ field, message: `Revision ${newer} is published already and is newer: this draft is outdated; record a new revision.`, code: 'CONFLICT' })
      if (draft.retractsId !== null && !draft.publication && await isRetracted(store, draft.retractsId)) {
        errors.push({ field, message: 'The revision this retraction withdraws has been retracted already.', code: 'CONFLICT' })
      }
    }
    const audit = {
      accountId: actor.account?.id ?? null, operation: 'publishProgress', subject: draft ? subjectKeyText(draft.subject) : null,
      recordId: draft?.id ?? null, revisionBefore: draft?.revision ?? null, requestId: actor.requestId, client: actor.client,
    }
    if (errors.length > 0 || !draft || !actor.account) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: errors.map((e) => e.code) }, actor.now)
      return { record: null, userErrors: errors }
    }
    const published = await store.run(store.db.insertInto('publication').values({
      revision_id: draft.id, reviewer_id: actor.account.id, published_at: actor.now.toISOString(), request_id: actor.requestId,
    }).returning('id'))
    await appendLink(store, 'publication', published.insertId)
    await notifyPublication(store, published.insertId)
    await appendAudit(store, { ...audit, outcome: 'accepted', revisionAfter: draft.revision }, actor.now)
    // Last of the transaction: the state the open data will state for this publication.
    await recordChainState(store, published.insertId)
    return { record: (await findRevision(store, draft.id))!, userErrors: [] }
  })
}
