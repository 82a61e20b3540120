import { deprecated } from '../deprecation.js'
import { revisionsById } from '../../editorial/editorial-reads.js'
import { replacedBy, type RevisionRecord } from '../../editorial/revision-record.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { publicProgress } from '../editorial-context.js'
import { localId, splitLocalId } from '../node-id.js'
import { EvidenceKindEnum, ProgressStatusEnum, RevisionStateEnum } from './progress-enums.js'
import { EvidenceRef, ProgressAssessmentRef, ProgressRetractionRef, ProgressRevisionRef, TargetMeasurementRef } from './progress-refs.js'
import { ActionRef, TargetRef } from './refs.js'
import { editorialLimits } from '../../editorial/progress-vocabulary.js'

/** The published retraction that withdraws a revision, if any. */
const retractionOf = (revision: RevisionRecord, ctx: ApiContext) => publicProgress(ctx.editorial, revision.subject.agreement).retractionOf(revision.id) ?? null

/** The action or target a revision is about; null when the content no longer has it (see `npm run editor -- check`). */
function subjectOf<E extends 'action' | 'target'>(revision: RevisionRecord, ctx: ApiContext, entity: E) {
  const agreement = ctx.loaders.agreementBySlug(revision.subject.agreement)
  return agreement ? ctx.loaders.of(agreement.id).byKey(entity, revision.subject.slug) : null
}

builder.interfaceType(ProgressRevisionRef, {
  description: 'One revision in the append-only history of an action\'s or target\'s progress: an assessment, a measurement or a retraction. '
    + 'Nothing is changed in place: a change is a newer revision. Drafts are visible to signed-in editors only.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (revision) => ({ assessment: 'ProgressAssessment', measurement: 'TargetMeasurement', retraction: 'ProgressRetraction' })[revision.kind],
  fields: (t) => ({
    revision: t.exposeInt('revision', { description: 'The revision\'s number in its subject\'s history (1, 2, ...): pass the latest as expectedRevision when recording the next.' }),
    state: t.field({
      type: RevisionStateEnum, description: 'Draft, published, or published and retracted since.',
      resolve: (revision, _args, ctx) => (!revision.publication ? 'DRAFT' : retractionOf(revision, ctx) ? 'RETRACTED' : 'PUBLISHED'),
    }),
    recordedBy: t.exposeString('authorName', { description: 'The name of the editor who recorded it.' }),
    recordedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was recorded.' }),
    publishedBy: t.string({ nullable: true, description: 'The reviewer who published it (never its author); null for a draft.', resolve: (r) => r.publication?.reviewerName ?? null }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was published; null for a draft.', resolve: (r) => r.publication?.publishedAt ?? null }),
    editedInto: t.field({
      type: ProgressRevisionRef, nullable: true,
      description: 'The revision that replaced this draft when its author edited it (editProgressDraft): this one stays a DRAFT but is never published. Null otherwise.',
      resolve: async (r, _args, ctx) => {
        const edit = r.publication ? undefined : await replacedBy(ctx.editorial.store, r.id)
        return edit === undefined ? null : (await revisionsById(ctx.editorial.store, [edit]))[0] ?? null
      },
    }),
  }),
})

/** The node options every revision type shares: its ID is the agreement and the revision's id in the editorial store. */
function revisionNode(kind: RevisionRecord['kind']) {
  return {
    interfaces: [ProgressRevisionRef],
    isTypeOf: (value: unknown) => (value as RevisionRecord).kind === kind,
    id: { resolve: (revision: RevisionRecord) => localId(revision.subject.agreement, String(revision.id)) },
    // Drafts are found only for signed-in accounts; for anyone else they do not exist.
    loadMany: async (ids: string[], ctx: ApiContext) => {
      const wanted = ids.map(splitLocalId).map((p) => ({ ...p, id: /^\d{1,15}$/.test(p.key) ? Number(p.key) : -1 }))
      const found = new Map((await revisionsById(ctx.editorial.store, wanted.map((w) => w.id).filter((id) => id > 0))).map((r) => [r.id, r]))
      if (found.size > 0) ctx.editorial.usage.editorial = true
      return wanted.map((w) => {
        const revision = found.get(w.id)
        if (!revision || revision.kind !== kind || revision.subject.agreement !== w.agreement) return null
        if (!revision.publication) {
          ctx.editorial.usage.private = true
          if (!ctx.editorial.viewer) return null
        }
        return revision
      })
    },
  }
}

const recordFields = (t: PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<any>, RevisionRecord>) => ({
  asOf: t.field({ type: 'LocalDate', description: 'The date the record describes: the state of affairs on that day.', resolve: (r: RevisionRecord) => r.asOf! }),
  explanation: t.exposeString('explanation', { description: 'The explanation in Dutch, plain text.' }),
  evidence: t.field({
    type: [EvidenceRef], description: 'The sources that back the record, in the editor\'s order (at least one).',
    // The editorial checks accept at most this many: the cost estimate's bound.
    complexity: { field: 1, multiplier: editorialLimits.evidenceItems }, resolve: (r: RevisionRecord) => r.evidence,
  }),
  retractedBy: t.field({
    type: ProgressRetractionRef, nullable: true, description: 'The published retraction that withdrew this revision; null while it stands.',
    resolve: (r: RevisionRecord, _args: object, ctx: ApiContext) => retractionOf(r, ctx),
  }),
})

builder.node(ProgressAssessmentRef, {
  ...revisionNode('assessment'),
  description: 'An assessment of how far an action got: a status on a date, explained in Dutch and backed by evidence.',
  fields: (t) => ({
    ...recordFields(t),
    status: t.field({ type: ProgressStatusEnum, description: 'The status recorded (never NOT_ASSESSED).', resolve: (r) => r.status as 'ACHIEVED' }),
    assessedAction: t.field({
      type: ActionRef, nullable: true, description: 'The action assessed; null when the content no longer has it (the record is kept and reported by the orphan check).',
      resolve: (r, _args, ctx) => subjectOf(r, ctx, 'action'),
    }),
    action: t.field({
      type: ActionRef, nullable: true, description: 'The action assessed; null when the content no longer has it.',
      deprecationReason: deprecated('Use `assessedAction`: `action` is non-null on Target, so the two could not be selected together in `nodes` without aliases.'),
      resolve: (r, _args, ctx) => subjectOf(r, ctx, 'action'),
    }),
  }),
})

builder.node(TargetMeasurementRef, {
  ...revisionNode('measurement'),
  description: 'A measurement of a target: the value reached on a date (for example 1850 of the 3000 homes on 2025-12-31), with evidence.',
  fields: (t) => ({
    ...recordFields(t),
    measuredValue: t.float({ description: 'The value reached, in the target\'s unit.', resolve: (r) => r.value! }),
    value: t.float({
      description: 'The value reached, in the target\'s unit.', resolve: (r) => r.value!,
      deprecationReason: deprecated('Use `measuredValue`: `value` is nullable on Target, so the two could not be selected together in `nodes` without aliases.'),
    }),
    target: t.field({
      type: TargetRef, nullable: true, description: 'The target measured; null when the content no longer has it.',
      resolve: (r, _args, ctx) => subjectOf(r, ctx, 'target'),
    }),
  }),
})

builder.node(ProgressRetractionRef, {
  ...revisionNode('retraction'),
  description: 'A retraction: a newer revision that withdraws a published assessment or measurement, and says why. It is public once published.',
  fields: (t) => ({
    reason: t.exposeString('explanation', { description: 'Why the revision was withdrawn (Dutch, plain text).' }),
    retracts: t.field({
      type: ProgressRevisionRef, description: 'The assessment or measurement withdrawn.',
      resolve: async (r, _args, ctx) => (await revisionsById(ctx.editorial.store, [r.retractsId!]))[0]!,
    }),
  }),
})

builder.objectType(EvidenceRef, {
  description: 'A public document that backs an assessment or measurement.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'The document\'s title.' }),
    url: t.exposeString('url', { description: 'Where the document is published (always https).' }),
    documentDate: t.expose('documentDate', { type: 'LocalDate', nullable: true, description: 'The document\'s date; null when not given.' }),
    kind: t.field({ type: EvidenceKindEnum, description: 'What kind of document it is.', resolve: (e) => e.kind as 'other' }),
  }),
})
