import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import { insertRows } from './insert-rows.js'

/**
 * Links an agreement's actions to the districts their text or topic title names
 * ("Ook in Kloosterveen versnellen we de woningbouw."). The article in a name
 * such as "de Lariks" is not needed to match.
 */
export async function linkActionDistricts(db: Kysely<Database>, agreementId: number): Promise<void> {
  const districts = await db.selectFrom('district').select(['id', 'name']).where('agreement_id', '=', agreementId).execute()
  const actions = await db
    .selectFrom('action')
    .leftJoin('topic', 'topic.id', 'action.topic_id')
    .select(['action.id', 'action.text', 'topic.title'])
    .where('action.agreement_id', '=', agreementId)
    .execute()
  const patterns = districts.map((d) => ({
    id: d.id,
    pattern: new RegExp(`(?<![\\p{L}-])${escape(d.name.replace(/^de /, ''))}(?![\\p{L}-])`, 'u'),
  }))
  await insertRows(db, 'action_district', actions.flatMap((action) =>
    patterns
      .filter(({ pattern }) => pattern.test(action.text) || pattern.test(action.title ?? ''))
      .map(({ id }) => ({ action_id: action.id, district_id: id }))))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
