import { DataFactory, Parser, Store } from 'n3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cc0Iri } from '../../src/model/cc0.js'
import { ns } from '../../src/publication/vocabulary.js'
import { baseUrl, servedPublication } from './publication-fixture.js'

const { namedNode } = DataFactory
let origin: string
let close: () => Promise<void>
let catalog: Store

beforeAll(async () => {
  ;({ origin, close } = await servedPublication('formats'))
  catalog = new Store(new Parser().parse(await (await fetch(`${origin}/data/catalog.ttl`)).text()))
})
afterAll(() => close?.())

const objects = (subject: string | null, predicate: string) => catalog.getQuads(subject ? namedNode(subject) : null, namedNode(predicate), null, null).map((q) => q.object.value)
/** Any way of writing CC0 as an address: Creative Commons' deeds and legal code, SPDX, the EU vocabulary. */
const cc0Pattern = /https?:\/\/(?:creativecommons\.org\/publicdomain\/zero\/1\.0[\w/.]*|spdx\.org\/licenses\/CC0[\w.-]*|publications\.europa\.eu\/resource\/authority\/licence\/CC0)/g

describe('what the formats say about themselves', () => {
  it('writes CC0 with one IRI in every text file, page and the vocabulary (the EU one only as the catalogue\'s exactMatch)', async () => {
    const index = await (await fetch(`${origin}/data/`)).json() as { files: { path: string }[] }
    const texts = index.files.filter((f) => /\.(ttl|jsonld|json|txt)$/.test(f.path)).map((f) => `/data/${f.path}`)
    const found = new Map<string, Set<string>>()
    for (const path of [...texts, '/data/catalog.ttl', '/', '/def', '/afspraken']) {
      const body = await (await fetch(`${origin}${path}`, { headers: { accept: path === '/def' ? 'text/turtle' : '*/*' } })).text()
      for (const match of body.match(cc0Pattern) ?? []) {
        const iri = match.replace(/\.$/, '') // a sentence's full stop
        found.set(iri, (found.get(iri) ?? new Set()).add(path))
      }
    }
    const eu = 'http://publications.europa.eu/resource/authority/licence/CC0'
    expect([...found.keys()].filter((iri) => iri !== eu)).toEqual([cc0Iri])
    expect(objects(null, ns.skos + 'exactMatch')).toContain(eu)
    expect(catalog.getQuads(null, null, namedNode(eu), null).map((q) => q.predicate.value)).toEqual([ns.skos + 'exactMatch'])
  })

  it('states no unregistered media type: NDJSON has none, every other distribution an IANA type', () => {
    const distributions = catalog.getSubjects(namedNode(ns.rdf + 'type'), namedNode(ns.dcat + 'Distribution'), null).map((d) => d.value)
    for (const d of distributions) {
      const url = objects(d, ns.dcat + 'downloadURL')[0]!
      const types = objects(d, ns.dcat + 'mediaType')
      if (url.endsWith('.ndjson')) expect(types, url).toEqual([])
      else expect(types, url).toEqual([expect.stringMatching(/^https:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/(?!x-)[\w.+-]+$/)])
    }
    expect(catalog.getQuads(null, null, null, null).some((q) => q.object.value.includes('x-ndjson'))).toBe(false)
  })

  it('gives keywords that pass CKAN\'s tag rule (letters, digits, spaces, - _ .; 2 to 100 characters)', () => {
    const keywords = objects(null, ns.dcat + 'keyword')
    expect(keywords.length).toBeGreaterThan(3)
    for (const keyword of keywords) expect(keyword).toMatch(/^[\p{L}\p{N}_ .-]{2,100}$/u)
  })

  it('claims conformance to the Data Package only for files that follow it: not for the SQLite copy', () => {
    const distributions = catalog.getSubjects(namedNode(ns.rdf + 'type'), namedNode(ns.dcat + 'Distribution'), null).map((d) => d.value)
    const sqlite = distributions.filter((d) => objects(d, ns.dcat + 'downloadURL')[0]!.endsWith('.sqlite'))
    expect(sqlite).toHaveLength(2)
    for (const d of sqlite) {
      expect(objects(d, ns.dct + 'conformsTo')).toEqual(['https://www.sqlite.org/fileformat.html'])
      expect(catalog.getObjects(namedNode(d), namedNode(ns.dct + 'description'), null).map((o) => o.value).join(' ')).toMatch(/ander model dan de CSV-tabellen/)
    }
    const csv = distributions.find((d) => objects(d, ns.dcat + 'downloadURL')[0] === `${baseUrl}/data/csv/actions.csv`)!
    expect(objects(csv, ns.dct + 'conformsTo')).toEqual([expect.stringMatching(/\/datapackage\.json$/)])
  })
})
