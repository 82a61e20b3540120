import type { Column } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'

/** A Frictionless Table Schema (v2) descriptor. */
export interface TableSchema {
  $schema: string
  fields: Record<string, unknown>[]
  missingValues: string[]
  primaryKey?: string[]
  foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[]
}

function fieldOf(column: Column): Record<string, unknown> {
  const constraints: Record<string, unknown> = {}
  if (column.required) constraints.required = true
  if (column.unique) constraints.unique = true
  if (column.enum) constraints.enum = [...column.enum]
  if (column.pattern) constraints.pattern = column.pattern
  return {
    name: column.name,
    type: column.type,
    description: column.description,
    ...(column.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  }
}

/**
 * The Table Schema of a published table: field types, required fields,
 * enums and patterns, the primary key, and a foreign key for every column referring to a
 * record (a self-reference leaves the resource out, as v2 asks).
 */
export function tableSchemaOf(table: TableDefinition): TableSchema {
  const foreignKeys = table.columns.filter((c) => c.reference).map((c) => ({
    fields: [c.name],
    reference: { ...(c.reference!.resource === table.name ? {} : { resource: c.reference!.resource }), fields: ['id'] },
  }))
  return {
    $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
    fields: table.columns.map(fieldOf),
    // An empty cell is a missing value (null); no published text is empty.
    missingValues: [''],
    ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
    ...(foreignKeys.length ? { foreignKeys } : {}),
  }
}
