import { conceptSchemes, ownNamespace } from './own-terms.js'
import { expandIri } from './rdf-quads.js'
import type { Column } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'
import { agreementRecordClass } from './vocabulary-terms.js'
import { ns, publicationPrefixes } from './vocabulary.js'

/** The record a link table's rows hang from (its RDF subject), where the table has no class of its own. */
const linkSubjects: Record<string, string> = {
  'action-portfolios': 'actions', 'action-districts': 'actions', 'budget-line-topics': 'budget-lines', 'budget-line-actions': 'budget-lines', 'budget-line-portfolios': 'budget-lines',
}
const literalRanges = { string: 'string', integer: 'integer', number: 'decimal', boolean: 'boolean', date: 'date', datetime: 'dateTime', year: 'gYear' } as const
const conceptProperties = new Set(Object.values(conceptSchemes).map((s) => ownNamespace + s.property))

/** A property of the vocabulary with the column it is first defined by, its domain and its range. */
export interface PropertyShape {
  iri: string
  column: Column
  domain: string
  range: string
}

/**
 * The domain and range of every own property, read from the tables: the
 * class of the records that carry it (several kinds of record: the common
 * class akkoord:AgreementRecord) and the class or datatype of its values.
 */
export function propertyShapes(tables: readonly TableDefinition[]): PropertyShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const expand = (compact: string) => expandIri(compact, publicationPrefixes)
  /** A table's records' class: its own class, else its first (foaf:Person); a link table's the class of the record it hangs from. */
  const classOf = (table: TableDefinition): string => {
    const subject = linkSubjects[table.name] ? byName.get(linkSubjects[table.name]!)! : table
    const classes = subject.rdf.classes.map(expand)
    return classes.find((c) => c.startsWith(ownNamespace)) ?? classes[0] ?? ownNamespace + agreementRecordClass
  }
  const rangeOf = (column: Column): string => {
    if (column.reference) return classOf(byName.get(column.reference.resource)!)
    const iri = expand(column.predicate!)
    if (conceptProperties.has(iri)) return ns.skos + 'Concept'
    if (column.iri) return ns.dct + 'Location'
    if (column.dutch) return ns.rdf + 'langString'
    return ns.xsd + literalRanges[column.type]
  }
  const shapes = new Map<string, { column: Column; domains: Set<string>; range: string }>()
  for (const table of tables) {
    for (const column of table.columns) {
      if (!column.predicate) continue
      const iri = expand(column.predicate)
      if (!iri.startsWith(ownNamespace)) continue
      const shape = shapes.get(iri) ?? { column, domains: new Set<string>(), range: rangeOf(column) }
      shape.domains.add(classOf(table))
      shapes.set(iri, shape)
    }
  }
  return [...shapes].map(([iri, s]) => ({ iri, column: s.column, range: s.range, domain: s.domains.size === 1 ? [...s.domains][0]! : ownNamespace + agreementRecordClass }))
}
