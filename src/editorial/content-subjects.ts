import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import type { SubjectKey } from './revision-record.js'

/** Slugs per lookup query: well under SQLite's limit of bound parameters. */
const slugsPerQuery = 500

const keyOf = (subject: SubjectKey): string => `${subject.agreement}/${subject.type}/${subject.slug}`

/**
 * The stable keys of every action and target in a content database, as a
 * membership test: what editorial records may refer to. Given the subjects
 * that will be asked about (the published revisions'), only those are looked
 * up, so a large database costs no memory for the keys nobody asks about.
 */
export async function contentSubjects(db: Kysely<Database>, asked?: readonly SubjectKey[]): Promise<(subject: SubjectKey) => boolean> {
  const keys = new Set<string>()
  for (const type of ['action', 'target'] as const) {
    const query = () => db.selectFrom(type as 'action').innerJoin('agreement', 'agreement.id', `${type as 'action'}.agreement_id`)
      .select(['agreement.slug as agreement', `${type as 'action'}.slug as slug`])
    if (!asked) {
      for (const row of await query().execute()) keys.add(`${row.agreement}/${type}/${row.slug}`)
      continue
    }
    const slugs = [...new Set(asked.filter((s) => s.type === type).map((s) => s.slug))]
    for (let at = 0; at < slugs.length; at += slugsPerQuery) {
      const rows = await query().where(`${type as 'action'}.slug`, 'in', slugs.slice(at, at + slugsPerQuery)).execute()
      for (const row of rows) keys.add(`${row.agreement}/${type}/${row.slug}`)
    }
  }
  return (subject) => keys.has(keyOf(subject))
}
