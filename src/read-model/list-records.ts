import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities, type EntityName, type EntityRecord } from './entities.js'

/** Narrows a list: to one agreement, to record ids, or to the children of parent records. */
export interface RecordFilter {
  agreementId?: number
  ids?: readonly number[]
  /** A parent column named in the entity definition (for example themeId on topics) and its ids. */
  parent?: { column: string; ids: readonly number[] }
}

function filtered<E extends EntityName>(db: Kysely<Database>, entity: E, filter: RecordFilter) {
  const definition = entities[entity]
  let query = definition.query(db)
  if (filter.agreementId !== undefined) query = query.where(definition.agreementColumn as never, '=', filter.agreementId as never)
  if (filter.ids) {
    if (!('idColumn' in definition) || !definition.idColumn) throw new Error(`${entity} has no id column to filter on`)
    query = query.where(definition.idColumn as never, 'in', (filter.ids.length ? filter.ids : [-1]) as never)
  }
  if (filter.parent) {
    const column = (definition.parentColumns as Record<string, string>)[filter.parent.column]
    if (!column) throw new Error(`${entity} has no parent column ${filter.parent.column}`)
    query = query.where(column as never, 'in', (filter.parent.ids.length ? filter.parent.ids : [-1]) as never)
  }
  return query
}

/** Reads the records of an entity in its stable order. */
export async function listRecords<E extends EntityName>(db: Kysely<Database>, entity: E, filter: RecordFilter = {}): Promise<EntityRecord<E>[]> {
  const rows = await filtered(db, entity, filter).execute()
  return rows.map((row) => entities[entity].map(row) as EntityRecord<E>)
}

/** Streams the records of an entity in its stable order, so memory stays flat however many there are. */
export async function* streamRecords<E extends EntityName>(db: Kysely<Database>, entity: E, filter: RecordFilter = {}): AsyncGenerator<EntityRecord<E>> {
  for await (const row of filtered(db, entity, filter).stream(500)) yield entities[entity].map(row) as EntityRecord<E>
}
