import type { EditorialStore } from './open-editorial-store.js'
import type { SubjectKey } from './revision-record.js'

/** A subject with editorial records whose action or target the content no longer has. */
export interface Orphan {
  subject: SubjectKey
  revisions: number
}

/**
 * The subjects with records that the content does not know (an action or
 * target renamed or removed in db/data). They are reported, never deleted:
 * restoring the slug in the content links them again.
 */
export async function findOrphans(store: EditorialStore, exists: (subject: SubjectKey) => boolean): Promise<Orphan[]> {
  return (await store.all(store.db.selectFrom('revision')
    .select(['agreement_slug', 'subject_type', 'subject_slug', (eb) => eb.fn.countAll<number>().as('revisions')])
    .groupBy(['agreement_slug', 'subject_type', 'subject_slug']).orderBy('agreement_slug').orderBy('subject_type').orderBy('subject_slug')))
    .map((row) => ({ subject: { agreement: row.agreement_slug, type: row.subject_type, slug: row.subject_slug }, revisions: Number(row.revisions) }))
    .filter((orphan) => !exists(orphan.subject))
}
