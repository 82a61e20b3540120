import { evidenceKinds, progressStatuses } from '../../editorial/progress-vocabulary.js'
import { builder } from '../builder.js'

const statusDescriptions: Record<(typeof progressStatuses)[number], string> = {
  NOT_ASSESSED: 'No published assessment yet: nobody has recorded and reviewed what became of this commitment.',
  NOT_STARTED: 'Work on the commitment has not begun.',
  IN_PROGRESS: 'Work has begun and is not finished.',
  PARTLY_ACHIEVED: 'Part of what was promised was done; the explanation says which part.',
  ACHIEVED: 'What was promised was done.',
  CHANGED: 'The commitment was changed (by the council or the college); the explanation says how and why.',
  ABANDONED: 'The commitment was dropped; the explanation says why.',
}

export const ProgressStatusEnum = builder.enumType('ProgressStatus', {
  description: 'How far a commitment got, per its latest published assessment. NOT_ASSESSED is never recorded: it is the status of an action without one.',
  values: Object.fromEntries(progressStatuses.map((s) => [s, { value: s, description: statusDescriptions[s] }])) as Record<(typeof progressStatuses)[number], { value: (typeof progressStatuses)[number]; description: string }>,
})

export const EvidenceKindEnum = builder.enumType('EvidenceKind', {
  description: 'What kind of document a piece of evidence is.',
  values: Object.fromEntries(evidenceKinds.map((k) => [k.toUpperCase(), {
    value: k, description: k === 'other' ? 'Any other public document.' : `A ${k} of the municipality.`,
  }])) as Record<string, { value: (typeof evidenceKinds)[number]; description: string }>,
})

export const EditorRoleEnum = builder.enumType('EditorRole', {
  description: 'What an editorial account may do.',
  values: {
    EDITOR: { value: 'editor', description: 'Records drafts: assessments, measurements and retractions.' },
    REVIEWER: { value: 'reviewer', description: 'Records drafts and publishes other people\'s drafts (four-eyes).' },
    ADMIN: { value: 'admin', description: 'Does what a reviewer does and reads the audit log.' },
  } as const,
})

export const RevisionStateEnum = builder.enumType('RevisionState', {
  description: 'Where a revision stands.',
  values: {
    DRAFT: { description: 'Recorded, not yet published: visible to signed-in editors only.' },
    PUBLISHED: { description: 'Published by a reviewer who is not its author: public.' },
    RETRACTED: { description: 'Published, then withdrawn by a published retraction that says why.' },
  } as const,
})

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation refused its input.',
  values: {
    INVALID: { description: 'A value is not acceptable (a future date, a non-https link, text over the limit, ...).' },
    CONFLICT: { description: 'The record changed meanwhile (a stale expectedRevision), or the operation no longer applies (published or retracted already).' },
    SAME_AUTHOR: { description: 'Four-eyes: the author of a draft cannot publish it.' },
    NOT_FOUND: { description: 'The id names no action, target or revision.' },
    NOT_AUTHOR: { description: 'Only the author of a draft may edit it; anyone else records a new revision.' },
  } as const,
})
