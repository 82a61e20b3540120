import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataFactory, Store, type Quad } from 'n3'
import { beforeAll, describe, expect, it } from 'vitest'
import { ns } from '../../src/publication/vocabulary.js'
import { catalogPaths, currentCatalogPaths } from '../../src/publication/write-catalog.js'
import { shapeFiles, validate } from './shacl.js'
import { baseUrl, publisherUri, sharedPublication } from './publication-fixture.js'
import { canonical, parseJsonLd, parseTurtle } from './rdf-graph.js'

const { namedNode } = DataFactory
let dir: string
let catalog: Quad[]

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
  // The catalogue /data/catalog.ttl serves while the release is current; the release's own is checked below too.
  catalog = parseTurtle(join(dir, currentCatalogPaths.turtle))
})

describe('the DCAT catalogue', () => {
  it('reads back from Turtle and JSON-LD as the same graph', async () => {
    expect(await canonical(await parseJsonLd(join(dir, currentCatalogPaths.jsonld)))).toBe(await canonical(catalog))
    expect(await canonical(await parseJsonLd(join(dir, catalogPaths.jsonld)))).toBe(await canonical(parseTurtle(join(dir, catalogPaths.turtle))))
  })

  it('uses all five vendored shape files', () => {
    expect(shapeFiles).toEqual([
      'dcat-ap-SHACL.ttl', 'dcat-ap-nl-SHACL-aanbevolen.ttl', 'dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl',
      'dcat-ap-nl-SHACL-klassebereik.ttl', 'dcat-ap-nl-SHACL.ttl',
    ])
  })

  it('passes the DCAT-AP 3.0.1 and DCAT-AP-NL 3.0 shapes with zero violations, class ranges included', async () => {
    for (const file of shapeFiles) {
      for (const [name, quads] of [['current', catalog], ['release', parseTurtle(join(dir, catalogPaths.turtle))]] as const) {
        const violations = (await validate(quads, file)).filter((r) => r.severity === 'Violation')
        expect(violations, `${name} ${file}`).toEqual([])
      }
    }
  })

  it('meets every recommended property too: no warnings', async () => {
    expect(await validate(catalog, 'dcat-ap-nl-SHACL-aanbevolen.ttl')).toEqual([])
    expect(await validate(parseTurtle(join(dir, catalogPaths.turtle)), 'dcat-ap-nl-SHACL-aanbevolen.ttl')).toEqual([])
    const withoutService = catalog.filter((q) => q.predicate.value !== ns.dcat + 'accessService')
    const warnings = await validate(withoutService, 'dcat-ap-nl-SHACL-aanbevolen.ttl')
    expect(warnings.length).toBeGreaterThan(40)
    expect(new Set(warnings.map((w) => w.severity))).toEqual(new Set(['Warning']))
  })

  it('fails the shapes when a mandatory property or a class is taken away (the validator is live)', async () => {
    const dataset = `${baseUrl}/id/dataset/open-akkoord`
    const withoutContact = catalog.filter((q) => !(q.subject.value === dataset && q.predicate.value === ns.dcat + 'contactPoint'))
    expect((await validate(withoutContact, 'dcat-ap-nl-SHACL.ttl')).map((r) => r.path)).toContain(ns.dcat + 'contactPoint')
    const untypedLicence = catalog.filter((q) => !(q.predicate.value === ns.rdf + 'type' && q.object.value === ns.dct + 'LicenseDocument'))
    expect((await validate(untypedLicence, 'dcat-ap-SHACL.ttl')).map((r) => r.path)).toContain(ns.dct + 'license')
  })

  it('describes the dataset as DCAT-AP-NL and DCAT-AP-DONL ask', () => {
    const store = new Store(catalog)
    const dataset = namedNode(`${baseUrl}/id/dataset/open-akkoord`)
    const values = (p: string) => store.getObjects(dataset, namedNode(p), null)
    const languages = (p: string) => values(p).map((v) => (v as { language: string }).language).sort()
    expect(languages(ns.dct + 'title')).toEqual(['en', 'nl'])
    expect(languages(ns.dct + 'description')).toEqual(['en', 'nl'])
    expect(values(ns.dct + 'identifier')).toHaveLength(1)
    expect(values(ns.dct + 'publisher').map((v) => v.value)).toEqual([publisherUri])
    const contact = values(ns.dcat + 'contactPoint')[0]!
    expect(store.getObjects(contact, namedNode(ns.vcard + 'hasEmail'), null).map((v) => v.value)).toEqual(['mailto:info@assen.nl'])
    expect(values(ns.dcat + 'theme').map((v) => v.value)).toContain('http://publications.europa.eu/resource/authority/data-theme/GOVE')
    expect(values(ns.dct + 'language').map((v) => v.value)).toEqual(['http://publications.europa.eu/resource/authority/language/NLD'])
    // data.overheid.nl's licence value list names CC0 by its Dutch deed; the catalogue says it is the EU vocabulary's CC0.
    expect(values(ns.dct + 'license').map((v) => v.value)).toEqual(['http://creativecommons.org/publicdomain/zero/1.0/deed.nl'])
    expect(store.getObjects(values(ns.dct + 'license')[0]!, namedNode(ns.skos + 'exactMatch'), null).map((v) => v.value)).toEqual(['http://publications.europa.eu/resource/authority/licence/CC0'])
    expect(values(ns.dct + 'issued').map((v) => v.value)).toEqual(['2026-11-28'])
    expect(values(ns.dct + 'modified').map((v) => v.value)).toEqual(['2026-11-28'])
    const period = values(ns.dct + 'temporal')[0]!
    expect(store.getObjects(period, namedNode(ns.dcat + 'startDate'), null)[0]!.value).toBe('2022-01-01')
    expect(store.getObjects(period, namedNode(ns.dcat + 'endDate'), null)[0]!.value).toBe('2026-12-31')
    // Spatial coverage from the code lists DCAT-AP-NL 3.0 names: the EU country and the municipality in TOOI.
    expect(values(ns.dct + 'spatial').map((v) => v.value).sort()).toEqual(['http://publications.europa.eu/resource/authority/country/NLD', 'https://identifier.overheid.nl/tooi/id/gemeente/gm0106'])
    const provenance = values(ns.dct + 'provenance')[0]!
    const statement = store.getObjects(provenance, namedNode(ns.rdfs + 'label'), null).find((l) => (l as { language: string }).language === 'nl')!.value
    expect(statement).toMatch(/^Afgeleid van de tekst van het gepubliceerde PDF-document/)
    const amounts = readFileSync(join(dir, 'csv/budget-amounts.csv'), 'utf8').trim().split('\r\n').slice(1)
    const inferred = amounts.filter((line) => line.split(',')[5] === 'true').length
    expect(statement).toContain(`${inferred} van de ${amounts.length} begrotingsbedragen (inferred, inference_reason) en de houder van`)
  })

  it('gives every distribution licence, URLs under the base URL, format, size and a true SHA-256', () => {
    const store = new Store(catalog)
    const sums = new Map(readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n').map((l) => [l.slice(66), l.slice(0, 64)]))
    const distributions = store.getSubjects(namedNode(ns.rdf + 'type'), namedNode(ns.dcat + 'Distribution'), null)
    // Per table a CSV and an NDJSON; the JSON, two RDF files, the database, the data package, the zip, the flat
    // commitments table and the workbook: once at the stable /data/ URL, once in the release's folder.
    expect(distributions.length).toBe((27 * 2 + 1 + 2 + 1 + 1 + 1 + 2) * 2)
    for (const distribution of distributions) {
      const one = (p: string) => {
        const objects = store.getObjects(distribution, namedNode(p), null)
        expect(objects, `${distribution.value} ${p}`).toHaveLength(1)
        return objects[0]!
      }
      expect(one(ns.dct + 'license').value).toBe('http://creativecommons.org/publicdomain/zero/1.0/deed.nl')
      const url = one(ns.dcat + 'downloadURL').value
      expect(one(ns.dcat + 'accessURL').value).toBe(url)
      // The release's own files are served under releases/<version>/, the folder the current release also is.
      const path = url.slice(`${baseUrl}/data/`.length).replace(/^releases\/2026-11-28\//, '')
      expect(url.startsWith(`${baseUrl}/data/`)).toBe(true)
      expect(one(ns.dcat + 'byteSize').value).toBe(String(readFileSync(join(dir, path)).length))
      const checksum = one(ns.spdx + 'checksum')
      expect(store.getObjects(checksum, namedNode(ns.spdx + 'algorithm'), null)[0]!.value).toBe(`${ns.spdx}checksumAlgorithm_sha256`)
      expect(store.getObjects(checksum, namedNode(ns.spdx + 'checksumValue'), null)[0]!.value).toBe(sums.get(path))
      // DCAT-AP-NL asks a media type of every distribution, a rule its SHACL shapes do not check.
      // NDJSON has no registered type, so it states none (tests/publication/formats.test.ts).
      if (!path.endsWith('.ndjson')) expect(one(ns.dcat + 'mediaType').value, path).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[\w.+-]+$/)
      expect(store.getObjects(distribution, namedNode(ns.dct + 'title'), null).map((t) => (t as { language: string }).language).sort(), path).toEqual(['en', 'nl'])
    }
  })
})
