import type { Kysely } from 'kysely'
import { DataFactory, type Quad } from 'n3'
import type { Database } from '../store/database.js'
import type { EntityName } from '../read-model/entities.js'
import { streamKeyedRecords, type KeyedRecord } from '../read-model/keyed-records.js'
import type { Column } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'
import { ns, prefixesFor, recordIri } from './vocabulary.js'

const { namedNode, literal, quad } = DataFactory

/** Expands a compact IRI (`schema:name`) with the given prefixes; full IRIs pass through. */
export function expandIri(compact: string, prefixes: Record<string, string>): string {
  const colon = compact.indexOf(':')
  const namespace = colon > 0 ? prefixes[compact.slice(0, colon)] : undefined
  if (namespace === undefined) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(compact) || compact.startsWith('mailto:')) return compact
    throw new Error(`unknown prefix in ${compact}`)
  }
  return namespace + compact.slice(colon + 1)
}

const datatypes = { integer: 'integer', boolean: 'boolean', date: 'date', year: 'gYear' } as const

function objectOf(column: Column, row: KeyedRecord<EntityName>, value: NonNullable<ReturnType<Column['value']>>, baseUrl: string) {
  if (column.reference) {
    const key = column.reference.key(row)
    return namedNode(column.reference.node === 'Agreement' ? recordIri(baseUrl, 'Agreement', key!) : recordIri(baseUrl, column.reference.node, row.keys.agreement, key))
  }
  if (column.type === 'string') return column.dutch ? literal(String(value), 'nl') : literal(String(value))
  return literal(String(value), namedNode(ns.xsd + datatypes[column.type]))
}

/**
 * The triples of one table row: its classes, one triple per column with a
 * predicate and a value (foreign keys become links to the record's IRI),
 * and the table's extra triples. No blank nodes, so every serialisation of
 * the same data has the same triples.
 */
export function rowQuads(table: TableDefinition, row: KeyedRecord<EntityName>, baseUrl: string, prefixes = prefixesFor(baseUrl)): Quad[] {
  const iri = (node: string, key: string | null) => recordIri(baseUrl, node, row.keys.agreement, key)
  const subjectParts = table.rdf.subject(row)
  const subject = namedNode(iri(subjectParts.node, subjectParts.key))
  const quads: Quad[] = table.rdf.classes.map((c) => quad(subject, namedNode(ns.rdf + 'type'), namedNode(expandIri(c, prefixes))))
  for (const column of table.columns) {
    const value = column.value(row)
    if (!column.predicate || value === null) continue
    quads.push(quad(subject, namedNode(expandIri(column.predicate, prefixes)), objectOf(column, row, value, baseUrl)))
  }
  for (const [s, p, o] of table.rdf.extra?.(row, iri) ?? []) {
    quads.push(quad(namedNode(expandIri(s, prefixes)), namedNode(expandIri(p, prefixes)), namedNode(expandIri(o, prefixes))))
  }
  return quads
}

/** Streams the triples of every table, table by table in stable order. */
export async function* publicationQuads(db: Kysely<Database>, tables: readonly TableDefinition[], baseUrl: string): AsyncGenerator<Quad> {
  const prefixes = prefixesFor(baseUrl)
  for (const table of tables) {
    for await (const row of streamKeyedRecords(db, table.entity)) yield* rowQuads(table, row, baseUrl, prefixes)
  }
}
