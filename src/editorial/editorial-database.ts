import type { Generated } from 'kysely'

/** The tables of the editorial store (see the migrations for their constraints). */
export interface EditorialDatabase {
  account: AccountTable
  revision: RevisionTable
  evidence: EvidenceTable
  publication: PublicationTable
  audit_entry: AuditEntryTable
  editor_session: EditorSessionTable
  draft_return: DraftReturnTable
  draft_supersession: DraftSupersessionTable
  chain_link: ChainLinkTable
  publication_chain_state: { publication_id: number; chain_length: number; chain_head: string }
  reporting_round: ReportingRoundTable
  round_revision: { revision_id: number; round_id: number }
  assignment: AssignmentTable
  review_comment: ReviewCommentTable
  /** PostgreSQL only: automatic persisted queries shared by every server (src/editorial/shared-documents.ts). */
  persisted_query: { hash: string; body: string; used_at: Generated<Date> }
}

/** One link of the hash chain over audit entries and publications (src/editorial/audit-chain.ts). */
interface ChainLinkTable {
  seq: Generated<number>
  kind: 'audit' | 'publication'
  row_id: number
  previous_hash: string
  hash: string
}

export type Role = 'editor' | 'reviewer' | 'admin'
export type SubjectType = 'action' | 'target'
export type RevisionKind = 'assessment' | 'measurement' | 'retraction'

interface AccountTable {
  id: Generated<number>
  name: string
  role: Role
  token_hash: string
  created_at: string
  revoked_at: string | null
}

interface RevisionTable {
  id: Generated<number>
  agreement_slug: string
  subject_type: SubjectType
  subject_slug: string
  revision: number
  kind: RevisionKind
  status: string | null
  value: number | null
  as_of: string | null
  explanation: string
  retracts_id: number | null
  author_id: number
  created_at: string
  request_id: string | null
}

interface EvidenceTable {
  id: Generated<number>
  revision_id: number
  position: number
  title: string
  url: string
  document_date: string | null
  kind: string
}

interface PublicationTable {
  id: Generated<number>
  revision_id: number
  reviewer_id: number
  published_at: string
  request_id: string | null
}

export interface AuditEntryTable {
  id: Generated<number>
  at: string
  account_id: number | null
  operation: string
  outcome: 'accepted' | 'refused'
  codes: string
  subject: string | null
  record_id: number | null
  revision_before: number | null
  revision_after: number | null
  request_id: string | null
  client: string | null
}

interface EditorSessionTable {
  id: Generated<number>
  id_hash: string
  account_id: number
  created_at: string
  expires_at: string
  ended_at: string | null
}

interface DraftReturnTable {
  id: Generated<number>
  revision_id: number
  reviewer_id: number
  reason: string
  returned_at: string
}

interface DraftSupersessionTable {
  id: Generated<number>
  /** The draft its author replaced. */
  revision_id: number
  superseded_by_id: number
  superseded_at: string
}

interface ReportingRoundTable {
  id: Generated<number>
  agreement_slug: string
  slug: string
  name: string
  peildatum: string
  opens_on: string
  closes_on: string
  opened_by: number
  opened_at: string
  closed_by: number | null
  closed_at: string | null
  closed_generation: number | null
}

interface AssignmentTable {
  id: Generated<number>
  agreement_slug: string
  action_slug: string
  /** null: the action was unassigned. */
  account_id: number | null
  assigned_by: number
  assigned_at: string
}

interface ReviewCommentTable {
  id: Generated<number>
  revision_id: number
  reviewer_id: number
  comment: string
  created_at: string
}
