import { DataFactory, type Quad } from 'n3'
import { cc0Iri } from './cc0.js'
import { conceptIri, conceptSchemes, ownNamespace } from './own-terms.js'
import type { TableDefinition } from './table-definition.js'
import { ns, publicationPrefixes } from './vocabulary.js'
import { expandIri } from './rdf-quads.js'

const { namedNode, literal, quad } = DataFactory

/** The established classes the project's own classes refine, where one exists. */
const superClasses: Record<string, string> = {
  Agreement: ns.schema + 'CreativeWork', Section: ns.schema + 'CreativeWork', Party: ns.org + 'Organization',
  Portfolio: ns.org + 'Post', District: ns.schema + 'Place', BudgetAmount: ns.schema + 'MonetaryAmount',
  BudgetYearTotal: ns.schema + 'MonetaryAmount', Action: ns.schema + 'Action',
}

/**
 * The project's vocabulary as RDF: an owl:Ontology with every own class and
 * property the tables use (the column's description as comment), and the
 * SKOS concept schemes of action, section and artefact kinds with Dutch and
 * English labels. Terms of established vocabularies are reused, not redefined.
 */
export function vocabularyQuads(tables: readonly TableDefinition[]): Quad[] {
  const quads: Quad[] = []
  const add = (s: string, p: string, o: string | ReturnType<typeof literal>) => quads.push(quad(namedNode(s), namedNode(p), typeof o === 'string' ? namedNode(o) : o))
  const ontology = ownNamespace.replace(/#$/, '')
  add(ontology, ns.rdf + 'type', ns.owl + 'Ontology')
  add(ontology, ns.dct + 'title', literal('Open Akkoord-vocabulaire', 'nl'))
  add(ontology, ns.dct + 'title', literal('Open Akkoord vocabulary', 'en'))
  add(ontology, ns.dct + 'description', literal('Klassen en eigenschappen voor coalitieakkoorden als open data. Hergebruikt schema.org (namen, teksten, volgorde, bedragen, datums), W3C ORG en FOAF (personen, partijen, portefeuilles als posten), DCTERMS (licentie) en SKOS (soorten); definieert alleen wat die niet hebben.', 'nl'))
  add(ontology, ns.dct + 'description', literal('Classes and properties for coalition agreements as open data. Reuses schema.org (names, texts, order, amounts, dates), W3C ORG and FOAF (people, parties, portfolios as posts), DCTERMS (licence) and SKOS (kinds); defines only what those lack.', 'en'))
  add(ontology, ns.dct + 'license', cc0Iri)
  const own = (compact: string) => {
    const iri = expandIri(compact, publicationPrefixes)
    return iri.startsWith(ownNamespace) ? iri : null
  }
  const classes = new Map<string, string>()
  const properties = new Map<string, string>()
  for (const table of tables) {
    for (const c of table.rdf.classes) {
      const iri = own(c)
      if (iri && !classes.has(iri)) classes.set(iri, `${table.title}: ${table.description}`)
    }
    for (const column of table.columns) {
      const iri = column.predicate ? own(column.predicate) : null
      if (iri && !properties.has(iri)) properties.set(iri, column.description)
    }
  }
  for (const [iri, comment] of classes) {
    add(iri, ns.rdf + 'type', ns.owl + 'Class')
    add(iri, ns.rdfs + 'label', literal(iri.slice(ownNamespace.length), 'en'))
    add(iri, ns.rdfs + 'comment', literal(comment, 'en'))
    add(iri, ns.rdfs + 'isDefinedBy', ontology)
    const parent = superClasses[iri.slice(ownNamespace.length)]
    if (parent) add(iri, ns.rdfs + 'subClassOf', parent)
  }
  for (const [iri, comment] of properties) {
    add(iri, ns.rdf + 'type', ns.rdf + 'Property')
    add(iri, ns.rdfs + 'label', literal(iri.slice(ownNamespace.length), 'en'))
    add(iri, ns.rdfs + 'comment', literal(comment, 'en'))
    add(iri, ns.rdfs + 'isDefinedBy', ontology)
  }
  for (const [name, scheme] of Object.entries(conceptSchemes)) {
    const schemeIri = ownNamespace + name
    add(schemeIri, ns.rdf + 'type', ns.skos + 'ConceptScheme')
    add(schemeIri, ns.skos + 'prefLabel', literal(scheme.nl, 'nl'))
    add(schemeIri, ns.skos + 'prefLabel', literal(scheme.en, 'en'))
    add(schemeIri, ns.rdfs + 'isDefinedBy', ontology)
    for (const [value, concept] of Object.entries(scheme.concepts)) {
      const iri = conceptIri(scheme.prefix, value)
      add(iri, ns.rdf + 'type', ns.skos + 'Concept')
      add(iri, ns.skos + 'inScheme', schemeIri)
      add(iri, ns.skos + 'notation', literal(value))
      add(iri, ns.skos + 'prefLabel', literal(concept.nl, 'nl'))
      add(iri, ns.skos + 'prefLabel', literal(concept.en, 'en'))
      add(iri, ns.skos + 'definition', literal(concept.definition, 'nl'))
    }
  }
  return quads
}
