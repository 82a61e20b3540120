import type { EntityName } from '../read-model/entities.js'
import type { KeyedRecord } from '../read-model/keyed-records.js'
import { columnKit, type Column, type ColumnKit } from './table-columns.js'

/** Makes the IRI of a record of the same agreement: (node type or IRI segment, key). */
export type IriOf = (node: string, key: string | null) => string

/** How a table's rows become RDF. */
export interface TableRdf<E extends EntityName> {
  /** The subject of a row's triples: the record itself or, in a link table, the record the link hangs from. */
  subject(row: KeyedRecord<E>): { node: string; key: string | null }
  /** Classes of the subject; empty for link tables, whose subject is typed by its own table. */
  classes: string[]
  /** Further triples of IRIs (subject, compact predicate, object), for example a Popolo membership. */
  extra?(row: KeyedRecord<E>, iri: IriOf): [string, string, string][]
  /** Literal values every row states, for example the currency of an amount: (compact predicate, plain literal). */
  constants?: [string, string][]
}

/**
 * One published table: a CSV and an NDJSON file, a Data Package resource
 * with its Table Schema, and RDF, all driven by the same columns.
 */
export interface TableDefinition<E extends EntityName = EntityName> {
  /** Resource name and file stem: lower-case, hyphenated. */
  name: string
  entity: E
  title: string
  /** The title in Dutch: sheet names, distribution titles, version notes. */
  dutchTitle: string
  description: string
  primaryKey?: string[]
  columns: Column<E>[]
  rdf: TableRdf<E>
}

/** Defines a table with column builders typed for its entity. */
export function defineTable<E extends EntityName>(entity: E, build: (t: ColumnKit<E>) => Omit<TableDefinition<E>, 'entity'>): TableDefinition {
  return { entity, ...build(columnKit<E>()) } as unknown as TableDefinition
}

/** The subject of a record with its own key. */
export const own = (node: string) => (row: KeyedRecord<EntityName>) => ({ node, key: row.keys.own })
/** The subject of a link row: the referenced record named. */
export const via = (node: string, ref: string) => (row: KeyedRecord<EntityName>) => ({ node, key: row.keys.refs[ref] ?? null })
