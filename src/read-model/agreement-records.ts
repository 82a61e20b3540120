import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities, type EntityName, type EntityRecord } from './entities.js'
import type { SqlReader, StatementTally } from './sql-reader.js'

/** The entities that belong to an agreement (every one but the agreement itself). */
export type ScopedEntity = Exclude<EntityName, 'agreement'>

/** Every record of one agreement, per entity, in the entity's stable order. */
export type AgreementRecords = { readonly [E in ScopedEntity]: readonly EntityRecord<E>[] }

const scopedEntities = (Object.keys(entities) as EntityName[]).filter((e): e is ScopedEntity => e !== 'agreement')

/**
 * Reads every record of one agreement: one statement per entity (20), each
 * the entity's own base query narrowed to the agreement, so the records and
 * their order are exactly those every other reader of the read model sees.
 */
export function readAgreementRecords(db: Kysely<Database>, reader: SqlReader, agreementId: number, tally?: StatementTally): AgreementRecords {
  const records: Partial<Record<ScopedEntity, readonly unknown[]>> = {}
  for (const entity of scopedEntities) {
    const definition = entities[entity]
    const query = definition.query(db).where(definition.agreementColumn as never, '=', agreementId as never).compile()
    records[entity] = Object.freeze(reader.rows(query, tally).map((row) => definition.map(row as never)))
  }
  return records as AgreementRecords
}
