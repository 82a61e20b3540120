import type { EntityName, EntityRecord } from '../read-model/entities.js'
import { columnKit, type Column, type ColumnKit, type KeyedRow } from './table-columns.js'
import type { TableSources } from './table-sources.js'

/** Makes the IRI of a record of the same agreement: (node type or IRI segment, key). */
type IriOf = (node: string, key: string | null) => string

/** How a table's rows become RDF. */
interface TableRdf<R = any> {
  /** The subject of a row's triples: the record itself or, in a link table, the record the link hangs from. */
  subject(row: KeyedRow<R>): { node: string; key: string | null }
  /** Classes of the subject; empty for link tables, whose subject is typed by its own table. */
  classes: string[]
  /** Further triples of IRIs (subject, compact predicate, object), for example a Popolo membership. */
  extra?(row: KeyedRow<R>, iri: IriOf): [string, string, string][]
  /** Literal values every row states, for example the currency of an amount: (compact predicate, plain literal). */
  constants?: [string, string][]
}

/**
 * One published table: a CSV and an NDJSON file, a Data Package resource
 * with its Table Schema, and RDF, all driven by the same columns.
 */
export interface TableDefinition<R = any> {
  /** Resource name and file stem: lower-case, hyphenated. */
  name: string
  /** The read-model entity the rows are, unless `rows` reads them from elsewhere (the published progress). */
  entity?: EntityName
  /** Where the rows come from when they are not (only) the entity's records. */
  rows?(sources: TableSources): AsyncIterable<KeyedRow<R>> | Iterable<KeyedRow<R>>
  title: string
  /** The title in Dutch: sheet names, distribution titles, version notes. */
  dutchTitle: string
  description: string
  primaryKey?: string[]
  columns: Column<R>[]
  rdf: TableRdf<R>
}

type Definition<R> = Omit<TableDefinition<R>, 'entity' | 'rows'>

/** Defines a table of a read-model entity with column builders typed for its records; `rows` may add derived fields. */
export function defineTable<E extends EntityName, R = EntityRecord<E>>(
  entity: E, build: (t: ColumnKit<R>) => Definition<R>, rows?: TableDefinition<R>['rows'],
): TableDefinition {
  return { entity, ...(rows ? { rows } : {}), ...build(columnKit<R>()) }
}

/** Defines a table whose rows are not read-model records (the published progress). */
export function defineRowTable<R>(rows: NonNullable<TableDefinition<R>['rows']>, build: (t: ColumnKit<R>) => Definition<R>): TableDefinition {
  return { rows, ...build(columnKit<R>()) }
}

/** The subject of a record with its own key. */
export const own = (node: string) => (row: KeyedRow) => ({ node, key: row.keys.own })
/** The subject of a link row: the referenced record named. */
export const via = (node: string, ref: string) => (row: KeyedRow) => ({ node, key: row.keys.refs[ref] ?? null })
