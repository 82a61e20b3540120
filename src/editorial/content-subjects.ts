import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import type { SubjectKey } from './revision-record.js'

/**
 * The stable keys of every action and target in a content database, as a
 * membership test: what editorial records may refer to.
 */
export async function contentSubjects(db: Kysely<Database>): Promise<(subject: SubjectKey) => boolean> {
  const [actions, targets] = await Promise.all(['action', 'target'].map((table) => db.selectFrom(table as 'action')
    .innerJoin('agreement', 'agreement.id', `${table as 'action'}.agreement_id`)
    .select(['agreement.slug as agreement', `${table as 'action'}.slug as slug`]).execute()))
  const keys = new Set([
    ...actions!.map((row) => `${row.agreement}/action/${row.slug}`),
    ...targets!.map((row) => `${row.agreement}/target/${row.slug}`),
  ])
  return (subject) => keys.has(`${subject.agreement}/${subject.type}/${subject.slug}`)
}
