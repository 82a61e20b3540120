import type { RevisionKind, SubjectType } from './editorial-database.js'
import type { EditorialStore } from './open-editorial-store.js'

/** What a revision is about: an action or a target, by stable keys (never a content row id). */
export interface SubjectKey {
  agreement: string
  type: SubjectType
  slug: string
}

/** One piece of evidence of a revision. */
export interface Evidence {
  title: string
  url: string
  documentDate: string | null
  kind: string
}

/** A revision as read: its content, its author, its publication (null for a draft) and its evidence. */
export interface RevisionRecord {
  id: number
  subject: SubjectKey
  revision: number
  kind: RevisionKind
  status: string | null
  value: number | null
  asOf: string | null
  /** The explanation of an assessment or measurement; the reason of a retraction. */
  explanation: string
  retractsId: number | null
  authorId: number
  authorName: string
  createdAt: string
  publication: { id: number; reviewerName: string; publishedAt: string } | null
  evidence: Evidence[]
}

/** The stable key of a subject as one string, for maps and the audit trail. */
export function subjectKeyText(subject: SubjectKey): string {
  return `${subject.agreement}/${subject.type}/${subject.slug}`
}

/** Revisions read with their author, publication and evidence; `narrow` adds the WHERE and ORDER of the caller. */
export async function readRevisions(
  store: EditorialStore,
  narrow: (query: ReturnType<typeof baseQuery>) => ReturnType<typeof baseQuery>,
): Promise<RevisionRecord[]> {
  const rows = await store.all(narrow(baseQuery(store)))
  if (rows.length === 0) return []
  const evidence = new Map<number, Evidence[]>()
  const ids = rows.map((row) => row.id)
  // Chunks keep the statement under SQLite's variable limit for a long history.
  for (let i = 0; i < ids.length; i += 500) {
    const found = await store.all(store.db.selectFrom('evidence').select(['revision_id', 'title', 'url', 'document_date as documentDate', 'kind'])
      .where('revision_id', 'in', ids.slice(i, i + 500)).orderBy('revision_id').orderBy('position'))
    for (const { revision_id: revisionId, ...item } of found) {
      const list = evidence.get(revisionId) ?? []
      list.push(item)
      evidence.set(revisionId, list)
    }
  }
  return rows.map((row) => ({
    id: row.id,
    subject: { agreement: row.agreement_slug, type: row.subject_type, slug: row.subject_slug },
    revision: row.revision, kind: row.kind, status: row.status, value: row.value, asOf: row.as_of, explanation: row.explanation,
    retractsId: row.retracts_id, authorId: row.author_id, authorName: row.authorName, createdAt: row.created_at,
    publication: row.publicationId === null ? null : { id: row.publicationId, reviewerName: row.reviewerName!, publishedAt: row.publishedAt! },
    evidence: evidence.get(row.id) ?? [],
  }))
}

function baseQuery(store: EditorialStore) {
  return store.db.selectFrom('revision')
    .innerJoin('account as author', 'author.id', 'revision.author_id')
    .leftJoin('publication', 'publication.revision_id', 'revision.id')
    .leftJoin('account as reviewer', 'reviewer.id', 'publication.reviewer_id')
    .selectAll('revision')
    .select(['author.name as authorName', 'publication.id as publicationId', 'publication.published_at as publishedAt', 'reviewer.name as reviewerName'])
}

/** The highest revision number of a subject, drafts included; 0 when it has none. */
export async function latestRevisionNumber(store: EditorialStore, subject: SubjectKey): Promise<number> {
  const row = await store.first(store.db.selectFrom('revision').select((eb) => eb.fn.max('revision').as('latest'))
    .where('agreement_slug', '=', subject.agreement).where('subject_type', '=', subject.type).where('subject_slug', '=', subject.slug))
  return Number(row?.latest ?? 0)
}

/** One revision by id, or undefined. */
export async function findRevision(store: EditorialStore, id: number): Promise<RevisionRecord | undefined> {
  return (await readRevisions(store, (q) => q.where('revision.id', '=', id)))[0]
}

/** Whether the draft's author replaced it by an edit (src/editorial/edit-draft.ts): the id of the edit. */
export async function replacedBy(store: EditorialStore, revisionId: number): Promise<number | undefined> {
  return (await store.first(store.db.selectFrom('draft_supersession').select('superseded_by_id').where('revision_id', '=', revisionId)))?.superseded_by_id
}
