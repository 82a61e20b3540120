import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities } from './entities.js'
import type { AgreementRecord } from './records.js'

/** Reads the agreements with the given slugs in one statement; unknown slugs are simply absent. */
export async function findAgreementsBySlug(db: Kysely<Database>, slugs: readonly string[]): Promise<AgreementRecord[]> {
  if (slugs.length === 0) return []
  const rows = await entities.agreement.query(db).where('agreement.slug' as never, 'in', slugs as never).execute()
  return rows.map((row) => entities.agreement.map(row))
}
