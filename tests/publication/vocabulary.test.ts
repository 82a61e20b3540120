import { Parser, type Quad } from 'n3'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ownNamespace } from '../../src/publication/own-terms.js'
import { ns } from '../../src/publication/vocabulary.js'
import { all, attr, text, type Node } from '../web/html-tree.js'
import { servedPublication } from './publication-fixture.js'

/**
 * The vocabulary at /def read back over HTTP (n3 for Turtle, parse5 for the
 * page) against the terms the published RDF really uses.
 */
let origin: string
let close: () => Promise<void>
let data: Quad[]
let vocabulary: Quad[]

beforeAll(async () => {
  ;({ origin, close } = await servedPublication('def'))
  data = new Parser().parse(await (await fetch(`${origin}/data/rdf/open-akkoord.ttl`)).text())
  vocabulary = new Parser().parse(await (await fetch(`${origin}/def`, { headers: { accept: 'text/turtle' } })).text())
})
afterAll(() => close?.())

const of = (quads: Quad[], subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object)
const languages = (subject: string, predicate: string) => of(vocabulary, subject, predicate).filter((o) => o.termType === 'Literal' && o.value.trim() !== '').map((o) => (o as { language: string }).language).sort()

describe('the vocabulary at /def', () => {
  it('defines every own term the data uses with a Dutch and an English label and definition', () => {
    const used = new Set<string>()
    for (const q of data) for (const term of [q.predicate, q.object]) if (term.termType === 'NamedNode' && term.value.startsWith(ownNamespace)) used.add(term.value)
    expect(used.size).toBeGreaterThan(80)
    const missing: string[] = []
    for (const term of used) {
      const concept = of(vocabulary, term, ns.rdf + 'type').some((t) => t.value === ns.skos + 'Concept')
      const [label, definition] = concept ? [ns.skos + 'prefLabel', ns.skos + 'definition'] : [ns.rdfs + 'label', ns.rdfs + 'comment']
      if (languages(term, label).join() !== 'en,nl' || languages(term, definition).join() !== 'en,nl') missing.push(term.slice(ownNamespace.length))
    }
    expect(missing).toEqual([])
  })

  it('gives every property a domain and a range the data keeps to', () => {
    const subClassOf = (c: string): string[] => [c, ...of(vocabulary, c, ns.rdfs + 'subClassOf').flatMap((p) => subClassOf(p.value))]
    const typesOf = (iri: string) => new Set([...data, ...vocabulary].filter((q) => q.subject.value === iri && q.predicate.value === ns.rdf + 'type').flatMap((q) => subClassOf(q.object.value)))
    const properties = vocabulary.filter((q) => q.predicate.value === ns.rdf + 'type' && q.object.value === ns.rdf + 'Property').map((q) => q.subject.value)
    expect(properties.length).toBeGreaterThan(55)
    const broken: string[] = []
    for (const property of properties) {
      const domain = of(vocabulary, property, ns.rdfs + 'domain').map((o) => o.value)
      const range = of(vocabulary, property, ns.rdfs + 'range').map((o) => o.value)
      if (domain.length !== 1 || range!.length !== 1) {
        broken.push(`${property}: domain ${domain}, range ${range}`)
        continue
      }
      for (const q of data.filter((t) => t.predicate.value === property)) {
        const o = q.object as { termType: string; value: string; language?: string; datatype?: { value: string } }
        const ok = o.termType === 'Literal'
          ? (range[0] === ns.rdf + 'langString' ? o.language !== '' : o.datatype?.value === range[0])
          : range[0] === ns.dct + 'Location' || typesOf(o.value).has(range[0]!)
        if (!ok) broken.push(`${property} ${o.value}: not a ${range[0]}`)
        if (!domain[0]!.endsWith('#AgreementRecord') && !typesOf(q.subject.value).has(domain[0]!)) broken.push(`${q.subject.value} ${property}: not a ${domain[0]}`)
      }
    }
    expect(broken.slice(0, 10)).toEqual([])
  })

  it('shows each class and property on the page with both languages, domain and range', async () => {
    const page = parse(await (await fetch(`${origin}/def`, { headers: { accept: 'text/html' } })).text()) as unknown as Node
    const entries = all(page).filter((n) => n.nodeName === 'dt' && attr(n, 'id'))
    const action = all(page).find((n) => n.nodeName === 'dd' && text(n).startsWith('actie: De actie waar'))
    expect(action && text(action)).toMatch(/\(action: The action the record belongs to\.\) Domein: akkoord:AgreementRecord; bereik: akkoord:Action\./)
    const deadline = all(page).find((n) => n.nodeName === 'dd' && text(n).startsWith('uiterste datum:'))
    expect(deadline && text(deadline)).toMatch(/Domein: akkoord:Target; bereik: xsd:date\./)
    expect(entries.length).toBeGreaterThan(100)
  })
})
