import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities } from './entities.js'
import type { AgreementRecord } from './records.js'

/**
 * Finds an agreement by slug; without a slug, the current one: the most
 * recently presented agreement. Returns null when there is none.
 */
export async function findAgreement(db: Kysely<Database>, slug?: string | null): Promise<AgreementRecord | null> {
  let query = db.selectFrom('agreement').selectAll()
  query = slug == null ? query.orderBy('presented_on', 'desc').orderBy('slug', 'desc').limit(1) : query.where('slug', '=', slug)
  const row = await query.executeTakeFirst()
  return row ? entities.agreement.map(row) : null
}
