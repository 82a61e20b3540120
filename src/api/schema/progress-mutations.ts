import { canonicalAction } from '../../read-model/canonical-action.js'
import { editDraft } from '../../editorial/edit-draft.js'
import { publishRevision } from '../../editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../../editorial/record-revision.js'
import { retractRevision } from '../../editorial/retract-revision.js'
import type { SubjectKey } from '../../editorial/revision-record.js'
import type { EditorialOutcome } from '../../editorial/user-error.js'
import { fromGlobalId, type NodeType } from '../../model/global-id.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { actorOf, requireRole } from '../editorial-context.js'
import { EvidenceKindEnum, ProgressStatusEnum, UserErrorCodeEnum } from './progress-enums.js'
import { ProgressAssessmentRef, ProgressRetractionRef, ProgressRevisionRef, TargetMeasurementRef, UserErrorRef } from './progress-refs.js'

builder.mutationType({ description: 'Editorial changes. Every mutation needs "Authorization: Bearer TOKEN", is sent as POST, and is kept in the audit trail, accepted or refused.' })

builder.objectType(UserErrorRef, {
  description: 'Why a mutation refused part of its input: the input field, a message to act on, and a code. Nothing was written.',
  fields: (t) => ({
    field: t.exposeStringList('field', { description: 'The path of the input field ("input", "evidence", "0", "url").' }),
    message: t.exposeString('message', { description: 'What is wrong and how to put it right.' }),
    code: t.field({ type: UserErrorCodeEnum, description: 'What kind of problem it is.', resolve: (e) => e.code }),
  }),
})

const EvidenceInput = builder.inputType('EvidenceInput', {
  description: 'A public document that backs a record.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'The document\'s title (1-300 characters).' }),
    url: t.string({ required: true, description: 'Where it is published: an https URL (no http, javascript:, data: or file: links).' }),
    documentDate: t.string({ description: 'The document\'s date (YYYY-MM-DD), not in the future.' }),
    kind: t.field({ type: EvidenceKindEnum, required: true, description: 'What kind of document it is.' }),
  }),
})

type InputFields = Parameters<NonNullable<Parameters<typeof builder.inputType>[1]['fields']>>[0]

const recordFields = (t: InputFields) => ({
  asOf: t.string({ required: true, description: 'The date the record describes (YYYY-MM-DD), not in the future.' }),
  explanation: t.string({ required: true, description: 'The explanation in Dutch, plain text, 1-4000 characters.' }),
  evidence: t.field({ type: [EvidenceInput], required: true, description: 'The sources (1-20).' }),
  expectedRevision: t.int({ description: 'The latest revision you saw (0 when there was none). If someone recorded a newer one meanwhile, the mutation is refused with CONFLICT. Omitted: not checked.' }),
})

const RecordProgressInput = builder.inputType('RecordProgressInput', {
  description: 'A new assessment of an action, recorded as a draft.',
  fields: (t) => ({
    actionId: t.id({ required: true, description: 'The action\'s global ID. An assessment of a copy (Action.sameAs) is recorded on its canonical action, whose progress every copy shows.' }),
    status: t.field({ type: ProgressStatusEnum, required: true, description: 'The status on asOf (not NOT_ASSESSED).' }),
    ...recordFields(t),
  }),
})

const RecordTargetMeasurementInput = builder.inputType('RecordTargetMeasurementInput', {
  description: 'A new measurement of a target, recorded as a draft.',
  fields: (t) => ({
    targetId: t.id({ required: true, description: 'The target\'s global ID.' }),
    value: t.float({ required: true, description: 'The value reached on asOf, in the target\'s unit (0 or more).' }),
    ...recordFields(t),
  }),
})

const EditProgressDraftInput = builder.inputType('EditProgressDraftInput', {
  description: 'What your own draft should say now. The edit is a new revision that replaces the draft; the history keeps both.',
  fields: (t) => ({
    draftId: t.id({ required: true, description: 'The global ID of your draft assessment or measurement (not reviewed yet: not published, not sent back, not edited already).' }),
    status: t.field({ type: ProgressStatusEnum, description: 'The status on asOf, for a draft assessment (required there; not NOT_ASSESSED).' }),
    value: t.float({ description: 'The value reached on asOf, for a draft measurement (required there; 0 or more).' }),
    ...recordFields(t),
  }),
})

const PublishProgressInput = builder.inputType('PublishProgressInput', {
  description: 'The draft to publish.',
  fields: (t) => ({ assessmentId: t.id({ required: true, description: 'The global ID of a draft assessment, measurement or retraction.' }) }),
})

const RetractProgressInput = builder.inputType('RetractProgressInput', {
  description: 'The published revision to withdraw, and why.',
  fields: (t) => ({
    assessmentId: t.id({ required: true, description: 'The global ID of a published assessment or measurement.' }),
    reason: t.string({ required: true, description: 'Why it no longer stands (Dutch, plain text, 1-4000 characters).' }),
    expectedRevision: t.int({ description: 'The latest revision of the subject you saw; CONFLICT when it moved on.' }),
  }),
})

/** The parts of a global ID of one of the given types, or null. */
function decodeId(id: string, types: readonly NodeType[]): { agreement: string; key: string; type: NodeType } | null {
  const parts = fromGlobalId(id)
  return parts && types.includes(parts.type) ? parts : null
}

/** The subject an action or target ID names, when the content has it; for a copy of a commitment, its canonical action. */
async function subjectOf(ctx: ApiContext, id: string, type: 'action' | 'target'): Promise<SubjectKey | null> {
  const parts = decodeId(id, [type === 'action' ? 'Action' : 'Target'])
  if (!parts) return null
  const agreement = ctx.loaders.agreementBySlug(parts.agreement)
  if (!agreement) return null
  const snapshot = ctx.loaders.of(agreement.id)
  if (type === 'target') return snapshot.byKey('target', parts.key) ? { agreement: parts.agreement, type, slug: parts.key } : null
  // A sentence that restates a commitment (Action.sameAs) has its progress on the canonical action.
  const action = snapshot.byKey('action', parts.key)
  return action ? { agreement: parts.agreement, type, slug: canonicalAction(snapshot, action).slug } : null
}

/** The revision id a progress ID names, or null. */
function revisionIdOf(id: string): number | null {
  const parts = decodeId(id, ['ProgressAssessment', 'TargetMeasurement', 'ProgressRetraction'])
  return parts && /^\d{1,15}$/.test(parts.key) ? Number(parts.key) : null
}

/** A payload type: the written record under `name`, and the user errors. */
function payload<T>(typeName: string, name: string, ref: T, description: string) {
  const Payload = builder.objectRef<EditorialOutcome<any>>(typeName)
  builder.objectType(Payload, {
    description: `The outcome of ${name === 'revision' ? 'a publication' : `recording ${description}`}: the record, or userErrors saying why nothing was written.`,
    fields: (t) => ({
      [name]: t.field({ type: ref as any, nullable: true, description: `The ${description}; null when refused.`, resolve: (o) => o.record }),
      userErrors: t.field({ type: [UserErrorRef], description: 'Why the input was refused; empty when it was accepted.', resolve: (o) => o.userErrors }),
    }),
  })
  return Payload
}

const recordRoles = ['editor', 'reviewer', 'admin'] as const

builder.mutationFields((t) => ({
  recordProgress: t.field({
    type: payload('RecordProgressPayload', 'assessment', ProgressAssessmentRef, 'draft assessment'),
    description: 'Records a draft assessment of an action (any signed-in role). It is public once a reviewer who is not its author publishes it.',
    args: { input: t.arg({ type: RecordProgressInput, required: true, description: 'The assessment.' }) },
    resolve: async (_root, { input }, ctx) => {
      await requireRole(ctx.editorial, recordRoles, 'recordProgress')
      const revision: RevisionInput = { ...input, kind: 'assessment', subject: await subjectOf(ctx, String(input.actionId), 'action') }
      return recordRevision(ctx.editorial.store, actorOf(ctx.editorial), revision)
    },
  }),
  recordTargetMeasurement: t.field({
    type: payload('RecordTargetMeasurementPayload', 'measurement', TargetMeasurementRef, 'draft measurement'),
    description: 'Records a draft measurement of a target (any signed-in role); public once a reviewer who is not its author publishes it.',
    args: { input: t.arg({ type: RecordTargetMeasurementInput, required: true, description: 'The measurement.' }) },
    resolve: async (_root, { input }, ctx) => {
      await requireRole(ctx.editorial, recordRoles, 'recordTargetMeasurement')
      const revision: RevisionInput = { ...input, kind: 'measurement', subject: await subjectOf(ctx, String(input.targetId), 'target') }
      return recordRevision(ctx.editorial.store, actorOf(ctx.editorial), revision)
    },
  }),
  editProgressDraft: t.field({
    type: payload('EditProgressDraftPayload', 'draft', ProgressRevisionRef, 'draft edit'),
    description: 'Edits your own draft until it is reviewed (any signed-in role): the edit is a new draft revision that replaces it explicitly, so the review queue '
      + 'shows only the edit and the replaced draft is never published. Someone else\'s draft: NOT_AUTHOR; a published, sent-back or already edited draft: CONFLICT.',
    args: { input: t.arg({ type: EditProgressDraftInput, required: true, description: 'The draft and what it should say now.' }) },
    resolve: async (_root, { input }, ctx) => {
      await requireRole(ctx.editorial, recordRoles, 'editProgressDraft')
      const parts = decodeId(String(input.draftId), ['ProgressAssessment', 'TargetMeasurement'])
      const revisionId = parts && /^\d{1,15}$/.test(parts.key) ? Number(parts.key) : null
      const content = parts?.type === 'TargetMeasurement'
        ? { kind: 'measurement' as const, value: input.value ?? Number.NaN }
        : { kind: 'assessment' as const, status: input.status ?? '' }
      return editDraft(ctx.editorial.store, actorOf(ctx.editorial), { ...input, ...content, revisionId })
    },
  }),
  publishProgress: t.field({
    type: payload('PublishProgressPayload', 'revision', ProgressRevisionRef, 'published revision'),
    description: 'Publishes a draft (reviewers and admins). Four-eyes: its author cannot publish it (SAME_AUTHOR). Public answers show it at once.',
    args: { input: t.arg({ type: PublishProgressInput, required: true, description: 'The draft.' }) },
    resolve: async (_root, { input }, ctx) => {
      await requireRole(ctx.editorial, ['reviewer', 'admin'], 'publishProgress')
      return publishRevision(ctx.editorial.store, actorOf(ctx.editorial), revisionIdOf(String(input.assessmentId)))
    },
  }),
  retractProgress: t.field({
    type: payload('RetractProgressPayload', 'retraction', ProgressRetractionRef, 'draft retraction'),
    description: 'Records a draft retraction of a published assessment or measurement, with the reason (any signed-in role). '
      + 'Nothing is deleted: once a reviewer publishes the retraction, the withdrawn revision shows as RETRACTED and the action falls back to its previous assessment.',
    args: { input: t.arg({ type: RetractProgressInput, required: true, description: 'What to retract and why.' }) },
    resolve: async (_root, { input }, ctx) => {
      await requireRole(ctx.editorial, recordRoles, 'retractProgress')
      return retractRevision(ctx.editorial.store, actorOf(ctx.editorial), { ...input, revisionId: revisionIdOf(String(input.assessmentId)) })
    },
  }),
}))
