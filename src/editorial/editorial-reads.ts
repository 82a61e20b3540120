import type { EditorialStore } from './open-editorial-store.js'
import { readRevisions, type RevisionRecord } from './revision-record.js'
import { returnsOf } from './return-draft.js'

/** Published revisions in publication order after a publication id, published at or after a time: the harvesters' feed. */
export async function publishedChanges(store: EditorialStore, options: { since?: string; afterPublication?: number; limit: number }): Promise<RevisionRecord[]> {
  return readRevisions(store, (q) => {
    let query = q.where('publication.id', 'is not', null)
    if (options.since !== undefined) query = query.where('publication.published_at', '>=', options.since)
    if (options.afterPublication !== undefined) query = query.where('publication.id', '>', options.afterPublication)
    return query.orderBy('publication.id', 'asc').limit(options.limit)
  })
}

/** How many published changes there are at or after a time. */
export async function countPublishedChanges(store: EditorialStore, since?: string): Promise<number> {
  let query = store.db.selectFrom('publication').select((eb) => eb.fn.countAll<number>().as('n'))
  if (since !== undefined) query = query.where('published_at', '>=', since)
  return Number((await store.first(query))?.n ?? 0)
}

/** Every draft (unpublished revision), oldest first. */
export async function listDrafts(store: EditorialStore): Promise<RevisionRecord[]> {
  return readRevisions(store, (q) => q.where('publication.id', 'is', null).orderBy('revision.id', 'asc'))
}

/**
 * The drafts a reviewer may publish: someone else's, not sent back, not
 * replaced by their author's edit or by the same author's newer open draft
 * of the same subject and kind, and not outdated by a newer published revision of the
 * same subject. Oldest first.
 */
export async function reviewQueue(store: EditorialStore, reviewerId: number): Promise<RevisionRecord[]> {
  const newestPublished = new Map((await store.all(store.db.selectFrom('revision').innerJoin('publication', 'publication.revision_id', 'revision.id')
    .select(['agreement_slug', 'subject_type', 'subject_slug', (eb) => eb.fn.max('revision.revision').as('latest')])
    .groupBy(['agreement_slug', 'subject_type', 'subject_slug'])))
    .map((row) => [`${row.agreement_slug}/${row.subject_type}/${row.subject_slug}`, Number(row.latest)]))
  const drafts = await listDrafts(store)
  const returned = await returnsOf(store, drafts.map((draft) => draft.id))
  // A draft its author edited is replaced by the edit, and an author's older open draft by their newer one of the same
  // subject and kind (the history shows it as replaced): only an author's current version waits for review.
  const replaced = new Set((await store.all(store.db.selectFrom('draft_supersession').select('revision_id'))).map((row) => row.revision_id))
  const open = drafts.filter((draft) => !returned.has(draft.id) && !replaced.has(draft.id))
  const subjectOf = (draft: RevisionRecord) => `${draft.subject.agreement}/${draft.subject.type}/${draft.subject.slug}`
  const versionOf = (draft: RevisionRecord) => `${subjectOf(draft)}/${draft.kind}/${draft.authorId}`
  const newestOpen = new Map(open.map((draft) => [versionOf(draft), draft.revision]))
  return open.filter((draft) => draft.authorId !== reviewerId && draft.revision === newestOpen.get(versionOf(draft))
    && draft.revision > (newestPublished.get(subjectOf(draft)) ?? 0))
}

/** Every revision whose id is given (drafts included: the caller decides who may see them). */
export async function revisionsById(store: EditorialStore, ids: readonly number[]): Promise<RevisionRecord[]> {
  return ids.length === 0 ? [] : readRevisions(store, (q) => q.where('revision.id', 'in', [...ids]))
}
