import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { streamKeyedRecords } from '../read-model/keyed-records.js'
import type { ProgressRows } from './published-progress-rows.js'
import type { KeyedRow } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'

/** What the published tables are read from: the content database and the published progress. */
export interface TableSources {
  db: Kysely<Database>
  progress: ProgressRows
}

/** The rows of a table in its stable order: its own source, else its entity's records streamed. */
export async function* tableRows(table: TableDefinition, sources: TableSources): AsyncGenerator<KeyedRow> {
  if (table.rows) yield* table.rows(sources)
  else if (table.entity) yield* streamKeyedRecords(sources.db, table.entity)
  else throw new Error(`table ${table.name} has neither rows nor an entity`)
}
