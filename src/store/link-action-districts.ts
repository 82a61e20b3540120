import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import { insertRows } from './insert-rows.js'
import { placePattern } from './place-pattern.js'

/**
 * Links an agreement's actions to the districts their text or topic title names
 * ("Ook in Kloosterveen versnellen we de woningbouw."), by the district's name
 * or by a part of it the curated data lists ("Vanaf 2025 bevoorraden we onze
 * binnenstad CO2-neutraal." for Centrum).
 */
export async function linkActionDistricts(db: Kysely<Database>, agreementId: number): Promise<void> {
  const districts = await db.selectFrom('district').select(['id', 'name']).where('agreement_id', '=', agreementId).execute()
  const parts = await db.selectFrom('district_part').innerJoin('district', 'district.id', 'district_part.district_id')
    .select(['district_part.district_id', 'district_part.name']).where('district.agreement_id', '=', agreementId).execute()
  const actions = await db
    .selectFrom('action')
    .leftJoin('topic', 'topic.id', 'action.topic_id')
    .select(['action.id', 'action.text', 'topic.title'])
    .where('action.agreement_id', '=', agreementId)
    .execute()
  const patterns = districts.map((d) => ({
    id: d.id,
    names: [placePattern(d.name), ...parts.filter((p) => p.district_id === d.id).map((p) => placePattern(p.name))],
  }))
  await insertRows(db, 'action_district', actions.flatMap((action) =>
    patterns
      .filter(({ names }) => names.some((pattern) => pattern.test(action.text) || pattern.test(action.title ?? '')))
      .map(({ id }) => ({ action_id: action.id, district_id: id }))))
}
