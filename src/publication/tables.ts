import type { TableDefinition } from './table-definition.js'
import { agreementTables } from './tables-agreement.js'
import { budgetTables } from './tables-budget.js'
import { progressTables } from './tables-progress.js'

/** Every published table, in the order of the Data Package. */
export const publicationTables: readonly TableDefinition[] = [...agreementTables, ...budgetTables, ...progressTables]

/** Where a table's files live inside the publication. */
export const tablePath = (table: TableDefinition, format: 'csv' | 'ndjson'): string => `${format}/${table.name}.${format}`
