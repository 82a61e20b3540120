import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities, type EntityName, type EntityRecord } from './entities.js'

/**
 * Reads the records of an entity for several agreements in one statement, in
 * the entity's stable order: what a batched loader needs when a query asks for
 * the themes (or rules, districts, ...) of every agreement.
 */
export async function listRecordsOfAgreements<E extends EntityName>(
  db: Kysely<Database>, entity: E, agreementIds: readonly number[],
): Promise<EntityRecord<E>[]> {
  const definition = entities[entity]
  const ids = agreementIds.length ? agreementIds : [-1]
  const rows = await definition.query(db).where(definition.agreementColumn as never, 'in', ids as never).execute()
  return rows.map((row) => definition.map(row) as EntityRecord<E>)
}
