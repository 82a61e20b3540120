import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { editorialLimits } from './progress-vocabulary.js'
import { attachToOpenRound } from './reporting-rounds.js'
import { findRevision, latestRevisionNumber, subjectKeyText, type RevisionRecord, type SubjectKey } from './revision-record.js'
import type { EditorialOutcome, UserError } from './user-error.js'
import { checkEvidence, checkPastDate, checkStatus, checkText, checkValue, normalizeEvidence, type EvidenceInput } from './validate-revision.js'

/** What an assessment or a measurement says: a status or value, its date, explanation and sources. */
export type RevisionContent = {
  asOf: string
  explanation: string
  evidence: readonly EvidenceInput[]
} & ({ kind: 'assessment'; status: string } | { kind: 'measurement'; value: number })

/** A new assessment of an action, or a new measurement of a target. */
export type RevisionInput = RevisionContent & {
  /** The subject, or null when the id the client gave names no action or target in the content. */
  subject: SubjectKey | null
  /** The revision the client last saw (0: none); a different latest revision is a CONFLICT. Omitted: no check. */
  expectedRevision?: number | null
}

const operations = { assessment: 'recordProgress', measurement: 'recordTargetMeasurement' } as const

/**
 * Records a draft revision: checks everything, then in one IMMEDIATE
 * transaction compares the expected revision, appends the revision and its
 * evidence, and the audit entry. A refusal appends only its audit entry.
 */
export async function recordRevision(store: EditorialStore, actor: EditorialActor, input: RevisionInput): Promise<EditorialOutcome<RevisionRecord>> {
  return await appendRevision(store, actor, operations[input.kind], input.subject, input.expectedRevision, revisionProblems(input, actor.now), revisionValues(input), input.evidence)
}

/** What is wrong with an assessment's or measurement's content (the same rules for a new draft and an edited one). */
export function revisionProblems(input: RevisionContent, now: Date): UserError[] {
  return [
    ...(input.kind === 'assessment' ? checkStatus(input.status) : checkValue(input.value)),
    ...checkPastDate(['input', 'asOf'], input.asOf, now),
    ...checkText(['input', 'explanation'], input.explanation, editorialLimits.explanationChars, 'explanation'),
    ...checkEvidence(input.evidence, now),
  ]
}

/** The columns of an assessment's or measurement's new revision. */
export function revisionValues(input: RevisionContent): (subject: SubjectKey, revision: number) => RevisionValues {
  return (subject, revision) => ({
    agreement_slug: subject.agreement, subject_type: subject.type, subject_slug: subject.slug, revision, kind: input.kind,
    status: input.kind === 'assessment' ? input.status : null, value: input.kind === 'measurement' ? input.value : null,
    as_of: input.asOf, explanation: input.explanation.trim(), retracts_id: null,
  })
}

/** The columns of a new revision that depend on the operation. */
type RevisionValues = {
  agreement_slug: string; subject_type: SubjectKey['type']; subject_slug: string; revision: number; kind: RevisionRecord['kind']
  status: string | null; value: number | null; as_of: string | null; explanation: string; retracts_id: number | null
}

/**
 * The shared path of every operation that appends a revision (record, edit a
 * draft, retract): NOT_FOUND for no subject, CONFLICT for a stale expected
 * revision, the caller's problems, then the insert (and what `afterInsert`
 * adds) and the audit entry, atomically.
 */
export async function appendRevision(
  store: EditorialStore, actor: EditorialActor, operation: string, subject: SubjectKey | null, expectedRevision: number | null | undefined,
  problems: UserError[], values: (subject: SubjectKey, revision: number) => RevisionValues, evidence: readonly EvidenceInput[] = [],
  extraChecks: (latest: number) => Promise<UserError[]> = async () => [], afterInsert: (id: number) => Promise<void> = async () => {},
): Promise<EditorialOutcome<RevisionRecord>> {
  return await store.transaction(async () => {
    const errors = [...problems]
    const latest = subject ? await latestRevisionNumber(store, subject) : null
    if (!subject) errors.unshift({ field: ['input', operation === 'recordTargetMeasurement' ? 'targetId' : 'actionId'], message: 'No action or target has this id.', code: 'NOT_FOUND' })
    if (latest !== null) {
      if (expectedRevision != null && expectedRevision !== latest) {
        errors.push({ field: ['input', 'expectedRevision'], message: `The record is at revision ${latest}, not ${expectedRevision}: someone changed it meanwhile. Read it again and retry.`, code: 'CONFLICT' })
      }
      errors.push(...await extraChecks(latest))
    }
    const audit = {
      accountId: actor.account?.id ?? null, operation, subject: subject ? subjectKeyText(subject) : null,
      revisionBefore: latest, requestId: actor.requestId, client: actor.client,
    }
    if (errors.length > 0 || !subject || latest === null || !actor.account) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: errors.map((e) => e.code) }, actor.now)
      return { record: null, userErrors: errors }
    }
    const id = (await store.run(store.db.insertInto('revision').values({
      ...values(subject, latest + 1), author_id: actor.account.id, created_at: actor.now.toISOString(), request_id: actor.requestId,
    }).returning('id'))).insertId
    for (const [i, item] of normalizeEvidence(evidence).entries()) {
      await store.run(store.db.insertInto('evidence').values({
        revision_id: id, position: i + 1, title: item.title, url: item.url, document_date: item.documentDate, kind: item.kind,
      }))
    }
    await afterInsert(id)
    await attachToOpenRound(store, subject.agreement, id)
    await appendAudit(store, { ...audit, outcome: 'accepted', recordId: id, revisionAfter: latest + 1 }, actor.now)
    return { record: (await findRevision(store, id))!, userErrors: [] }
  })
}
