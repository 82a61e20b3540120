import jsonld from 'jsonld'
import { Parser } from 'n3'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSiteServer } from './site-server.js'
import { all, attr, type Node } from './html-tree.js'

let base: string
let close: () => Promise<void>
beforeAll(async () => ({ base, close } = await startSiteServer()))
afterAll(() => close?.())

const page = async (path: string) => parse(await (await fetch(`${base}${path}`, { headers: { accept: 'text/html' } })).text()) as unknown as Node
const meta = (doc: Node, key: 'name' | 'property', value: string) =>
  all(doc).filter((n) => n.nodeName === 'meta' && attr(n, key) === value).map((n) => attr(n, 'content'))

const schema = 'https://schema.org/'
// schema.org's context maps its terms into the vocabulary and reads these as IRIs; nothing is fetched in a test.
const schemaContext = { '@context': { '@vocab': schema, ...Object.fromEntries(['url', 'sameAs', 'license', 'contentUrl', 'identifier', 'isBasedOn'].map((t) => [t, { '@type': '@id' }])) } }
const documentLoader = async (url: string) => {
  if (url.replace(/\/?$/, '/') !== schema) throw new Error(`refusing to load ${url}: no network`)
  return { contextUrl: null, documentUrl: url, document: schemaContext }
}

describe('page metadata: a description and Open Graph tags per page', () => {
  const paths = ['/', '/thema/wonen', '/wethouder/smit', '/wijk/centrum', '/wijk/pittelo', '/afspraak/maandelijks-wijkbezoek', '/afspraken', '/rapporten', '/toegankelijkheid', '/zoeken']

  it('gives every page its own description, and the Open Graph tags of a Dutch site with its own address', async () => {
    const descriptions = new Set<string>()
    for (const path of paths) {
      const doc = await page(path)
      const [description] = meta(doc, 'name', 'description')
      expect(description, path).toBeTruthy()
      expect(description!.length, path).toBeGreaterThan(50)
      descriptions.add(description!)
      expect(meta(doc, 'property', 'og:description'), path).toEqual([description])
      const title = all(doc).find((n) => n.nodeName === 'title')!.childNodes![0]!.value!
      expect(title.startsWith(meta(doc, 'property', 'og:title')[0]!), path).toBe(true)
      expect(meta(doc, 'property', 'og:type'), path).toEqual(['website'])
      expect(meta(doc, 'property', 'og:locale'), path).toEqual(['nl_NL'])
      expect(meta(doc, 'property', 'og:site_name'), path).toEqual(['Open Akkoord Assen'])
      const [url] = meta(doc, 'property', 'og:url')
      expect(new URL(url!).pathname, path).toBe(path)
    }
    expect(descriptions.size).toBe(paths.length)
  })

  it('describes a district by what the agreement says about it', async () => {
    expect(meta(await page('/wijk/pittelo'), 'name', 'description')[0]).toContain('geen afspraak die Pittelo noemt')
    expect(meta(await page('/wijk/centrum'), 'name', 'description')[0]).toMatch(/\d+ afspraken en \d+ zinnen over Centrum/)
  })
})

describe('the home page\'s schema.org Dataset', () => {
  const dataset = async () => {
    const scripts = all(await page('/')).filter((n) => n.nodeName === 'script' && attr(n, 'type') === 'application/ld+json')
    expect(scripts).toHaveLength(1)
    const data = JSON.parse(scripts[0]!.childNodes![0]!.value!)
    // jsonld.js, the reference processor, reads it into full IRIs: what a harvester sees.
    const [expanded] = await jsonld.expand(data, { documentLoader: documentLoader as never }) as Record<string, any>[]
    return expanded!
  }
  const value = (node: Record<string, any>, term: string) => node[schema + term]?.[0]?.['@value'] as string | boolean | undefined
  const iri = (node: Record<string, any>, term: string) => node[schema + term]?.[0]?.['@id'] as string | undefined
  const object = (node: Record<string, any>, term: string) => node[schema + term]?.[0] as Record<string, any>

  it('meets what Google\'s dataset search requires and recommends', async () => {
    const d = await dataset()
    expect(d['@type']).toEqual([schema + 'Dataset'])
    expect(value(d, 'name')).toMatch(/Assen 2022-2026/)
    const description = value(d, 'description') as string
    expect(description.length).toBeGreaterThanOrEqual(50)
    expect(description.length).toBeLessThanOrEqual(5000)
    expect(iri(d, 'license')).toBe('http://creativecommons.org/publicdomain/zero/1.0/deed.nl')
    expect(value(d, 'isAccessibleForFree')).toBe(true)
    for (const role of ['creator', 'publisher']) {
      expect(object(d, role)['@type'], role).toEqual([schema + 'Organization'])
      expect(value(object(d, role), 'name'), role).toBe('Gemeente Assen')
    }
    expect(object(d, 'spatialCoverage')['@type']).toEqual([schema + 'Place'])
    expect(value(object(d, 'spatialCoverage'), 'name')).toMatch(/^Assen/)
    expect(value(d, 'temporalCoverage')).toBe('2022/2026')
    expect(value(d, 'inLanguage')).toBe('nl')
  })

  it('links the DCAT catalogue and its dataset, and every download it names is served', async () => {
    const d = await dataset()
    const catalogue = object(d, 'includedInDataCatalog')
    expect(catalogue['@type']).toEqual([schema + 'DataCatalog'])
    expect(value(catalogue, 'name')).toBeTruthy()
    expect((await fetch(`${base}${new URL(iri(catalogue, 'url')!).pathname}`)).status).toBe(200)
    // The Dataset is the DCAT catalogue's dataset: the same IRI path.
    const turtle = await (await fetch(`${base}/data/catalog.ttl`)).text()
    const datasets = new Parser().parse(turtle).filter((q) => q.predicate.value.endsWith('#type') && q.object.value === 'http://www.w3.org/ns/dcat#Dataset')
    expect(datasets.map((q) => new URL(q.subject.value).pathname)).toContain(new URL(d['@id']).pathname)
    const downloads = d[schema + 'distribution'] as Record<string, any>[]
    expect(downloads.length).toBeGreaterThanOrEqual(5)
    const formats = new Set<string>()
    for (const download of downloads) {
      expect(download['@type']).toEqual([schema + 'DataDownload'])
      formats.add(value(download, 'encodingFormat') as string)
      const response = await fetch(`${base}${new URL(iri(download, 'contentUrl')!).pathname}`, { method: 'HEAD' })
      expect(response.status, iri(download, 'contentUrl')).toBe(200)
    }
    expect(formats).toContain('text/csv')
    expect(formats).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  })
})
