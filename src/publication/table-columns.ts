import { toGlobalId, type NodeType } from '../model/global-id.js'
import type { RecordKeys } from '../read-model/keyed-records.js'
import type { SourceRange } from '../read-model/records.js'

/** Frictionless Table Schema field types the publication uses. */
type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'year'
export type Cell = string | number | boolean | null

/** A row of a published table: a record and its stable keys (a read-model record, or a published revision). */
export interface KeyedRow<R = unknown> {
  record: R
  keys: RecordKeys
}

/** A reference to a record of another (or the same) table, by its global ID. */
interface ColumnReference {
  resource: string
  node: NodeType
  /** The referenced record's stable key; null where the reference is empty. */
  key(row: KeyedRow): string | null
}

/**
 * One column of a published table: its CSV name and Table Schema field, how
 * to read it from a keyed record, and the RDF predicate it maps to.
 */
export interface Column<R = any> {
  name: string
  type: FieldType
  required: boolean
  description: string
  enum?: readonly string[]
  unique?: boolean
  reference?: ColumnReference
  /** Compact IRI (`schema:name`, `akkoord:kind`); absent when the column is not stated in RDF (ids, the subject of a link). */
  predicate?: string
  /** Dutch text from the agreement: tagged `@nl` in RDF. */
  dutch?: boolean
  /** In RDF the value is this IRI (a licence, a municipality, a concept of a scheme), not a literal. */
  iri?: (value: string) => string
  /** The Table Schema pattern (XML Schema regular expression, whole value) every non-empty value matches. */
  pattern?: string
  /** The cell lists several values separated by this string; in RDF each value is a triple of its own. */
  separator?: string
  value(row: KeyedRow<R>): Cell
}

interface FieldOptions {
  required?: boolean
  description: string
  predicate?: string
  dutch?: boolean
  enum?: readonly string[]
  iri?: (value: string) => string
  pattern?: string
  separator?: string
}

/** Column builders bound to one record type, so record fields are typed. */
export interface ColumnKit<R> {
  /** The record's global ID, the same as in the API. */
  id(node: NodeType): Column<R>
  /** A plain field read from the record. */
  field(name: string, type: FieldType, get: (record: R) => Cell, options: FieldOptions): Column<R>
  /** A foreign key holding the global ID of the record it refers to. */
  ref(name: string, node: NodeType, resource: string, key: string, options: FieldOptions): Column<R>
  /** The agreement_id column: the agreement a record belongs to. */
  agreement(): Column<R>
  /** start_line and end_line: where the record stands in the source text. */
  source(get?: (record: R) => SourceRange): Column<R>[]
}

export function columnKit<R>(): ColumnKit<R> {
  const kit: ColumnKit<R> = {
    id: (node) => ({
      name: 'id', type: 'string', required: true, unique: true,
      description: `Global ID of the ${node}: the same ID as in the GraphQL API.`,
      value: (row) => (node === 'Agreement' ? toGlobalId(node, row.keys.agreement) : toGlobalId(node, row.keys.agreement, row.keys.own!)),
    }),
    field: (name, type, get, options) => ({
      name, type, required: options.required ?? true, description: options.description, enum: options.enum,
      predicate: options.predicate, dutch: options.dutch, iri: options.iri, pattern: options.pattern, separator: options.separator,
      value: (row) => get(row.record),
    }),
    ref: (name, node, resource, key, options) => {
      const keyOf = (row: KeyedRow) => (node === 'Agreement' ? row.keys.agreement : row.keys.refs[key] ?? null)
      return {
        name, type: 'string', required: options.required ?? true, description: options.description, predicate: options.predicate,
        reference: { resource, node, key: keyOf },
        value: (row) => {
          const k = keyOf(row)
          return k === null ? null : node === 'Agreement' ? toGlobalId(node, k) : toGlobalId(node, row.keys.agreement, k)
        },
      }
    },
    agreement: () => kit.ref('agreement_id', 'Agreement', 'agreements', 'agreement', {
      description: 'Global ID of the agreement the record belongs to.', predicate: 'akkoord:agreement',
    }),
    source: (get = (record) => (record as unknown as { source: SourceRange }).source) => [
      kit.field('start_line', 'integer', (r) => get(r).startLine, { description: 'First line of the record in the source text (1-based).', predicate: 'akkoord:startLine' }),
      kit.field('end_line', 'integer', (r) => get(r).endLine, { description: 'Last line of the record in the source text (inclusive).', predicate: 'akkoord:endLine' }),
    ],
  }
  return kit
}
