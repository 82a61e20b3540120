import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'

/** The tables whose slugs the API's filters accept. */
export type SluggedTable = 'theme' | 'topic' | 'section' | 'portfolio' | 'party' | 'district' | 'budget_category'

/**
 * Resolves slugs of one agreement to row ids in one statement, so a filter can
 * tell an unknown slug (a mistake worth reporting) from a slug with no matches.
 */
export async function slugsToIds(
  db: Kysely<Database>, table: SluggedTable, agreementId: number, slugs: readonly string[],
): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map()
  const rows = await db.selectFrom(table).select(['id', 'slug'])
    .where('agreement_id', '=', agreementId).where('slug', 'in', [...slugs]).execute()
  return new Map(rows.map((row) => [row.slug, row.id]))
}
