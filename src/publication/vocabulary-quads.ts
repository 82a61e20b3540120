import { DataFactory, type Quad } from 'n3'
import { cc0Iri } from '../model/cc0.js'
import { dutchHeader } from './dutch-headers.js'
import { conceptIri, conceptSchemes, ownNamespace } from './own-terms.js'
import { expandIri } from './rdf-quads.js'
import type { TableDefinition } from './table-definition.js'
import { propertyShapes } from './vocabulary-shapes.js'
import { agreementRecordClass, classTexts, propertyTexts, type TermText } from './vocabulary-terms.js'
import { ns, publicationPrefixes } from './vocabulary.js'

const { namedNode, literal, quad } = DataFactory

/** The established classes the project's own classes refine, where one exists. */
const superClasses: Record<string, string> = {
  Agreement: ns.schema + 'CreativeWork', Section: ns.schema + 'CreativeWork', Party: ns.org + 'Organization',
  Portfolio: ns.org + 'Post', District: ns.schema + 'Place', BudgetAmount: ns.schema + 'MonetaryAmount',
  BudgetYearTotal: ns.schema + 'MonetaryAmount', Action: ns.schema + 'Action',
}

/**
 * The project's vocabulary as RDF: an owl:Ontology with every own class and
 * property the tables use, each with a Dutch and an English label
 * (rdfs:label) and definition (rdfs:comment), every property with its
 * rdfs:domain and rdfs:range; and the SKOS concept schemes of the kinds and
 * statuses, each concept labelled and defined in both languages. Terms of
 * established vocabularies are reused, not redefined.
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
  const describe = (iri: string, text: TermText) => {
    add(iri, ns.rdfs + 'label', literal(text.nl[0], 'nl'))
    add(iri, ns.rdfs + 'label', literal(text.en[0], 'en'))
    add(iri, ns.rdfs + 'comment', literal(text.nl[1], 'nl'))
    add(iri, ns.rdfs + 'comment', literal(text.en[1], 'en'))
    add(iri, ns.rdfs + 'isDefinedBy', ontology)
  }
  const classes = new Set<string>([ownNamespace + agreementRecordClass])
  for (const table of tables) for (const c of table.rdf.classes.map((compact) => expandIri(compact, publicationPrefixes))) if (c.startsWith(ownNamespace)) classes.add(c)
  for (const iri of classes) {
    const name = iri.slice(ownNamespace.length)
    add(iri, ns.rdf + 'type', ns.owl + 'Class')
    // A class the texts lack still gets its name: the vocabulary test names what is missing.
    describe(iri, classTexts[name] ?? { nl: [name, ''], en: [name, ''] })
    if (superClasses[name]) add(iri, ns.rdfs + 'subClassOf', superClasses[name])
    if (name !== agreementRecordClass && name !== 'Agreement') add(iri, ns.rdfs + 'subClassOf', ownNamespace + agreementRecordClass)
  }
  for (const shape of propertyShapes(tables)) {
    const name = shape.iri.slice(ownNamespace.length)
    const literalRange = shape.range.startsWith(ns.xsd) || shape.range === ns.rdf + 'langString'
    add(shape.iri, ns.rdf + 'type', ns.rdf + 'Property')
    add(shape.iri, ns.rdf + 'type', ns.owl + (literalRange ? 'DatatypeProperty' : 'ObjectProperty'))
    describe(shape.iri, propertyTexts[name] ?? { nl: [dutchHeader(shape.column.name), ''], en: [name, shape.column.description] })
    add(shape.iri, ns.rdfs + 'domain', shape.domain)
    add(shape.iri, ns.rdfs + 'range', shape.range)
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
      if (concept.definitionEn) add(iri, ns.skos + 'definition', literal(concept.definitionEn, 'en'))
    }
  }
  return quads
}
