import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { appendRevision, revisionProblems, revisionValues, type RevisionContent } from './record-revision.js'
import { returnOf } from './return-draft.js'
import { findRevision, type RevisionRecord } from './revision-record.js'
import type { EditorialOutcome, UserError } from './user-error.js'

/** An edit of a draft: the draft, and what it should say now (the same content as a new assessment or measurement). */
export type DraftEdit = RevisionContent & {
  /** The draft to edit, or null when the id the client gave names none. */
  revisionId: number | null
  /** The latest revision of the subject the client saw; CONFLICT when it moved on. Omitted: no check. */
  expectedRevision?: number | null
}

const field = ['input', 'draftId']

/** Why a draft cannot be edited by this account now (read inside the edit's transaction, so a review meanwhile is seen). */
async function draftProblems(store: EditorialStore, draft: RevisionRecord, accountId: number | undefined): Promise<UserError[]> {
  const now = (await findRevision(store, draft.id))!
  const errors: UserError[] = []
  if (now.authorId !== accountId) errors.push({ field, message: `${now.authorName} recorded this draft: only its author edits it; record a new revision instead.`, code: 'NOT_AUTHOR' })
  if (now.publication) errors.push({ field, message: `Revision ${now.revision} was published on ${now.publication.publishedAt}: it is reviewed and no longer a draft.`, code: 'CONFLICT' })
  else if (await returnOf(store, now.id)) errors.push({ field, message: 'This draft was sent back: record a new revision that answers the reason.', code: 'CONFLICT' })
  const by = await store.first(store.db.selectFrom('draft_supersession').innerJoin('revision', 'revision.id', 'draft_supersession.superseded_by_id')
    .select('revision.revision').where('draft_supersession.revision_id', '=', now.id))
  if (by) errors.push({ field, message: `This draft was edited already: version ${by.revision} replaced it; edit that one.`, code: 'CONFLICT' })
  return errors
}

/**
 * Edits a draft: its author records what it should say now as a new revision
 * that replaces the draft explicitly (`draft_supersession`), so the history
 * keeps both and the replaced draft is never published. Only the author may
 * edit, and only until the draft is reviewed (published or sent back).
 * Checked with the same rules as a new record; audited as editProgressDraft.
 */
export async function editDraft(store: EditorialStore, actor: EditorialActor, input: DraftEdit): Promise<EditorialOutcome<RevisionRecord>> {
  const draft = input.revisionId === null ? undefined : await findRevision(store, input.revisionId)
  if (!draft || draft.kind !== input.kind) {
    const error: UserError = draft
      ? { field, message: `This draft is a ${draft.kind}, not a ${input.kind}.`, code: 'INVALID' }
      : { field, message: 'No draft has this id.', code: 'NOT_FOUND' }
    await appendAudit(store, { accountId: actor.account?.id ?? null, operation: 'editProgressDraft', outcome: 'refused', codes: [error.code], recordId: draft?.id ?? null, requestId: actor.requestId, client: actor.client }, actor.now)
    return { record: null, userErrors: [error] }
  }
  return await appendRevision(store, actor, 'editProgressDraft', draft.subject, input.expectedRevision, revisionProblems(input, actor.now), revisionValues(input), input.evidence,
    () => draftProblems(store, draft, actor.account?.id),
    async (id) => { await store.run(store.db.insertInto('draft_supersession').values({ revision_id: draft.id, superseded_by_id: id, superseded_at: actor.now.toISOString() })) })
}

/** The drafts their authors replaced by an edit: the id of the replacing revision, by the replaced draft's id. */
export async function supersessionsOf(store: EditorialStore, revisionIds: readonly number[]): Promise<Map<number, number>> {
  if (revisionIds.length === 0) return new Map()
  const rows = await store.all(store.db.selectFrom('draft_supersession').select(['revision_id', 'superseded_by_id']).where('revision_id', 'in', [...revisionIds]))
  return new Map(rows.map((row) => [row.revision_id, row.superseded_by_id]))
}
