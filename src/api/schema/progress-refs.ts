import type { AuditEntry } from '../../editorial/audit-trail.js'
import type { ProgressSummary } from '../../editorial/progress-snapshot.js'
import type { Evidence, RevisionRecord } from '../../editorial/revision-record.js'
import type { UserError } from '../../editorial/user-error.js'
import type { Account } from '../../editorial/accounts.js'
import { builder } from '../builder.js'
import type { ProgressCountUnit } from './progress-count-unit.js'

/**
 * The editorial types, declared here and implemented in their own files (as
 * refs.ts does for the content types). Their shapes are the editorial
 * domain's records.
 */
export const ProgressRevisionRef = builder.interfaceRef<RevisionRecord>('ProgressRevision')
export const ProgressAssessmentRef = builder.objectRef<RevisionRecord>('ProgressAssessment')
export const TargetMeasurementRef = builder.objectRef<RevisionRecord>('TargetMeasurement')
export const ProgressRetractionRef = builder.objectRef<RevisionRecord>('ProgressRetraction')
export const EvidenceRef = builder.objectRef<Evidence>('Evidence')
/** A group's progress: the counts per status, and whether they count sentences or commitments. */
export interface CountedProgress {
  counts: ProgressSummary
  unit: ProgressCountUnit
}

export const ProgressSummaryRef = builder.objectRef<CountedProgress>('ProgressSummary')
export const UserErrorRef = builder.objectRef<UserError>('UserError')
export const ViewerRef = builder.objectRef<Account>('Viewer')
export const AuditEntryRef = builder.objectRef<AuditEntry>('AuditEntry')
