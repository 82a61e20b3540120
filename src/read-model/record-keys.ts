import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities, type EntityRecord } from './entities.js'

/**
 * The stable key of each keyed entity inside its agreement: a slug, or a
 * position or year where the record has no slug. Global IDs and dumps are made
 * from these keys (plus the agreement slug), never from row ids.
 */
export const recordKeyColumns = {
  party: { column: 'party.slug', numeric: false },
  person: { column: 'person.slug', numeric: false },
  section: { column: 'section.slug', numeric: false },
  theme: { column: 'theme.slug', numeric: false },
  topic: { column: 'topic.slug', numeric: false },
  action: { column: 'action.slug', numeric: false },
  target: { column: 'target.slug', numeric: false },
  budgetCategory: { column: 'budget_category.slug', numeric: false },
  budgetLine: { column: 'budget_line.slug', numeric: false },
  budgetTotal: { column: 'budget_total.year', numeric: true },
  rule: { column: 'rule.position', numeric: true },
  portfolio: { column: 'portfolio.slug', numeric: false },
  responsibility: { column: 'responsibility.slug', numeric: false },
  district: { column: 'district.slug', numeric: false },
} as const
export type KeyedEntity = keyof typeof recordKeyColumns

/** The stable key of a record, as a string (a slug, or a position or year in decimal). */
export function recordKey<E extends KeyedEntity>(entity: E, record: EntityRecord<E>): string {
  const r = record as unknown as { slug?: string; year?: number; position?: number }
  if (entity === 'budgetTotal') return String(r.year)
  if (entity === 'rule') return String(r.position)
  return r.slug!
}

/** A record addressed by its agreement and its stable key. */
export interface RecordRef {
  agreementId: number
  key: string
}

/**
 * Reads the records with the given keys, across any number of agreements, in
 * one statement. Keys that match nothing are absent from the result; a
 * numeric key that is not a number matches nothing.
 */
export async function findRecordsByKey<E extends KeyedEntity>(
  db: Kysely<Database>, entity: E, refs: readonly RecordRef[],
): Promise<EntityRecord<E>[]> {
  const { column, numeric } = recordKeyColumns[entity]
  const byAgreement = new Map<number, (string | number)[]>()
  for (const ref of refs) {
    if (numeric && !/^\d{1,9}$/.test(ref.key)) continue
    const keys = byAgreement.get(ref.agreementId) ?? []
    keys.push(numeric ? Number(ref.key) : ref.key)
    byAgreement.set(ref.agreementId, keys)
  }
  if (byAgreement.size === 0) return []
  const definition = entities[entity]
  const rows = await definition.query(db)
    .where((eb) => eb.or([...byAgreement].map(([agreementId, keys]) => eb.and([
      eb(definition.agreementColumn as never, '=', agreementId as never),
      eb(column as never, 'in', keys as never),
    ]))))
    .execute()
  return rows.map((row) => definition.map(row) as EntityRecord<E>)
}
