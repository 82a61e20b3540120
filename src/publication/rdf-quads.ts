import { DataFactory, type Quad } from 'n3'
import type { Column, KeyedRow } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'
import { tableRows, type TableSources } from './table-sources.js'
import { ns, publicationPrefixes, recordIri } from './vocabulary.js'

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

const datatypes = { integer: 'integer', number: 'decimal', boolean: 'boolean', date: 'date', datetime: 'dateTime', year: 'gYear' } as const

function objectOf(column: Column, row: KeyedRow, value: NonNullable<ReturnType<Column['value']>>, baseUrl: string) {
  if (column.reference) {
    const key = column.reference.key(row)
    return namedNode(column.reference.node === 'Agreement' ? recordIri(baseUrl, 'Agreement', key!) : recordIri(baseUrl, column.reference.node, row.keys.agreement, key))
  }
  if (column.iri) return namedNode(column.iri(String(value)))
  if (column.type === 'string') return column.dutch ? literal(String(value), 'nl') : literal(String(value))
  // xsd:decimal has one lexical form per number, and no exponent: 1850.5, never 1.8505E3.
  const lexical = column.type === 'number' ? Number(value).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(value)
  return literal(lexical, namedNode(ns.xsd + datatypes[column.type]))
}

/**
 * The triples of one table row: its classes, one triple per column with a
 * predicate and a value (one per value where the cell lists several; foreign
 * keys become links to the record's IRI),
 * and the table's extra triples. No blank nodes, so every serialisation of
 * the same data has the same triples.
 */
function rowQuads(table: TableDefinition, row: KeyedRow, baseUrl: string, prefixes = publicationPrefixes): Quad[] {
  const iri = (node: string, key: string | null) => recordIri(baseUrl, node, row.keys.agreement, key)
  const subjectParts = table.rdf.subject(row)
  const subject = namedNode(iri(subjectParts.node, subjectParts.key))
  const quads: Quad[] = table.rdf.classes.map((c) => quad(subject, namedNode(ns.rdf + 'type'), namedNode(expandIri(c, prefixes))))
  for (const column of table.columns) {
    const value = column.value(row)
    if (!column.predicate || value === null) continue
    for (const one of column.separator ? String(value).split(column.separator) : [value]) {
      quads.push(quad(subject, namedNode(expandIri(column.predicate, prefixes)), objectOf(column, row, one, baseUrl)))
    }
  }
  for (const [p, value] of table.rdf.constants ?? []) quads.push(quad(subject, namedNode(expandIri(p, prefixes)), literal(value)))
  for (const [s, p, o] of table.rdf.extra?.(row, iri) ?? []) {
    quads.push(quad(namedNode(expandIri(s, prefixes)), namedNode(expandIri(p, prefixes)), namedNode(expandIri(o, prefixes))))
  }
  return quads
}

const tripleKey = (q: Quad): string => `${q.subject.value} ${q.predicate.value} ${q.object.termType === 'Literal' ? JSON.stringify([q.object.value, q.object.language, q.object.datatype.value]) : q.object.value}`

/**
 * Streams the triples of every table, table by table in stable order. A
 * triple is stated once: link rows repeat what an earlier row of the same
 * subject said (an action answered for by one portfolio through two of its
 * responsibilities), and rows of one subject come together, so remembering
 * the current subject's triples is enough, whatever the size of the data.
 */
export async function* publicationQuads(sources: TableSources, tables: readonly TableDefinition[], baseUrl: string): AsyncGenerator<Quad> {
  for (const table of tables) {
    let subject = ''
    let seen = new Set<string>()
    for await (const row of tableRows(table, sources)) {
      const quads = rowQuads(table, row, baseUrl)
      if (quads[0] && quads[0].subject.value !== subject) {
        subject = quads[0].subject.value
        seen = new Set()
      }
      for (const q of quads) {
        const key = tripleKey(q)
        if (seen.has(key)) continue
        seen.add(key)
        yield q
      }
    }
  }
}
