import type { Kysely } from 'kysely'
import type { Database } from './database.js'
import { insertRows } from './insert-rows.js'
import { placePattern } from './place-pattern.js'

/**
 * Links an agreement's actions to the districts their text or topic title names
 * ("Ook in Kloosterveen versnellen we de woningbouw."), by the district's name
 * or by a part of it the curated data lists ("Vanaf 2025 bevoorraden we onze
 * binnenstad CO2-neutraal." for Centrum). `curated` holds the actions whose districts the curators
 * set instead (by action slug, district slugs): a city-wide sentence under a district's topic, a "hier".
 */
export async function linkActionDistricts(
  db: Kysely<Database>, agreementId: number, curated: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<void> {
  const districts = await db.selectFrom('district').select(['id', 'slug', 'name']).where('agreement_id', '=', agreementId).execute()
  const districtId = new Map(districts.map((d) => [d.slug, d.id]))
  const parts = await db.selectFrom('district_part').innerJoin('district', 'district.id', 'district_part.district_id')
    .select(['district_part.district_id', 'district_part.name']).where('district.agreement_id', '=', agreementId).execute()
  const actions = await db
    .selectFrom('action')
    .leftJoin('topic', 'topic.id', 'action.topic_id')
    .select(['action.id', 'action.slug', 'action.text', 'topic.title'])
    .where('action.agreement_id', '=', agreementId)
    .execute()
  const patterns = districts.map((d) => ({
    id: d.id,
    names: [placePattern(d.name), ...parts.filter((p) => p.district_id === d.id).map((p) => placePattern(p.name))],
  }))
  await insertRows(db, 'action_district', actions.flatMap((action) => curated.has(action.slug)
    ? curated.get(action.slug)!.map((slug) => ({ action_id: action.id, district_id: districtId.get(slug)! }))
    : patterns
      .filter(({ names }) => names.some((pattern) => pattern.test(action.text) || pattern.test(action.title ?? '')))
      .map(({ id }) => ({ action_id: action.id, district_id: id }))))
}
