import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import type { DistrictPartRecord } from './records.js'

/** The parts of an agreement's districts that the text names, district by district in their order. */
export async function listDistrictParts(db: Kysely<Database>, agreementId: number): Promise<DistrictPartRecord[]> {
  const rows = await db.selectFrom('district_part').innerJoin('district', 'district.id', 'district_part.district_id')
    .selectAll('district_part').select('district.agreement_id')
    .where('district.agreement_id', '=', agreementId)
    .orderBy('district.position').orderBy('district_part.position')
    .execute()
  return rows.map((r) => ({
    id: r.id, agreementId: r.agreement_id, districtId: r.district_id, position: r.position, name: r.name,
    inferred: r.inferred === 1, reason: r.reason, source: { startLine: r.start_line, endLine: r.end_line },
  }))
}
