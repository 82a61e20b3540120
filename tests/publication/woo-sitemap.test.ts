import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { writePublication } from '../../src/publication/write-publication.js'
import { openTestStore } from '../helpers.js'
import { startTestServer } from '../api/support.js'
import { parseXml, type XmlElement } from './atom.js'
import { progressStore } from './progress-fixture.js'
import { baseUrl, publisherName, publisherUri } from './publication-fixture.js'

/**
 * The Woo-index sitemap as the national harvester reads it: named in
 * robots.txt, read with an XML parser of its own (sax), validated whole
 * (xmllint) against the sitemap protocol and the project's own schema of the
 * DiWoo elements and TOOI values it writes (not the official DiWoo XSD), every
 * document answering 200 with the format it states; then again after two
 * later progress publications, as a harvester comes back.
 */
const sitemapNs = '{http://www.sitemaps.org/schemas/sitemap/0.9}'
const diwooNs = '{https://standaarden.overheid.nl/diwoo/metadata/}'
const wrapperXsd = join(projectRoot, 'tests/publication/woo-sitemap.xsd')
const formatTypes: Record<string, RegExp> = {
  'http://publications.europa.eu/resource/authority/file-type/PDF': /^application\/pdf$/,
  'http://publications.europa.eu/resource/authority/file-type/TXT': /^text\/plain; charset=utf-8$/,
}
const progressKind = 'https://identifier.overheid.nl/tooi/def/thes/kern/c_cccba364'

/**
 * Validates an XML document against an XML Schema with Debian's xmllint
 * (libxml2-utils, installed by .ci/run), offline. A missing xmllint throws
 * rather than passing.
 */
function validateWithXsd(xml: string, schemaPath: string): { valid: boolean; messages: string } {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schemaPath, '-'], { input: xml, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  if (run.error) throw run.error
  return { valid: run.status === 0, messages: run.stderr }
}

let origin: string
let close: () => Promise<void>
let editorial: Awaited<ReturnType<typeof progressStore>>
let root: string

/** One url of the sitemap, read from the parsed tree. */
interface Entry { loc: string; lastmod: string; identifier: string; title: string; publisher: string; category: string; kind: string; format: string; language: string; atTime: string }

const child = (element: XmlElement, name: string): XmlElement => {
  const found = element.children.find((c) => c.name === name)
  if (!found) throw new Error(`${element.name} has no ${name}`)
  return found
}
const path = (element: XmlElement, ...names: string[]) => names.reduce(child, element)

function entries(xml: string): Entry[] {
  const urlset = parseXml(xml)
  expect(urlset.name).toBe(`${sitemapNs}urlset`)
  return urlset.children.map((url) => {
    expect(url.name).toBe(`${sitemapNs}url`)
    const diwoo = path(url, `${diwooNs}Document`, `${diwooNs}DiWoo`)
    const d = (...names: string[]) => path(diwoo, ...names.map((n) => `${diwooNs}${n}`))
    return {
      loc: child(url, `${sitemapNs}loc`).text, lastmod: child(url, `${sitemapNs}lastmod`).text,
      identifier: d('identifiers', 'identifier').text, title: d('titelcollectie', 'officieleTitel').text,
      publisher: d('publisher').attributes.resource!, category: d('classificatiecollectie', 'informatiecategorieen', 'informatiecategorie').attributes.resource!,
      kind: d('classificatiecollectie', 'documentsoorten', 'documentsoort').attributes.resource!,
      format: d('format').attributes.resource!, language: d('language').attributes.resource!,
      atTime: d('documenthandelingen', 'documenthandeling', 'atTime').text,
    }
  })
}

const local = (url: string) => url.replace(baseUrl, origin)

async function sitemap(): Promise<{ xml: string; response: Response }> {
  const response = await fetch(`${origin}/woo-sitemap.xml`)
  return { xml: await response.text(), response }
}

/** Every document answers 200 with the type its DiWoo format names (read whole, one at a time: PDFs render on demand). */
async function expectDocumentsServed(list: readonly Entry[]) {
  for (const entry of list) {
    const response = await fetch(local(entry.loc))
    const body = Buffer.from(await response.arrayBuffer())
    expect(response.status, entry.loc).toBe(200)
    expect(response.headers.get('content-type'), entry.loc).toMatch(formatTypes[entry.format]!)
    if (entry.format.endsWith('/PDF')) expect(body.subarray(0, 5).toString('latin1'), entry.loc).toBe('%PDF-')
    else expect(body.length, entry.loc).toBeGreaterThan(1000)
  }
}

/** Waits until the server has seen a publication made through another handle of the store (it looks every 100 ms), bounded. */
async function sitemapAfterPublication(previous: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { xml } = await sitemap()
    if (xml !== previous) return xml
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the Woo sitemap did not change after a progress publication')
}

let first: { xml: string; entries: Entry[] }

beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'open-akkoord-woo-')), 'publication')
  editorial = await progressStore()
  const store = openTestStore()
  try {
    await writePublication({ db: store.db, databasePath: loadConfig({}).databasePath, outDir: root, root: projectRoot, baseUrl, publisherUri, publisherName, editorial: editorial.store })
  } finally {
    await store.db.destroy()
  }
  const server = await startTestServer({ PUBLICATION_DIR: root, PUBLIC_BASE_URL: baseUrl, ...editorial.env })
  origin = server.base
  close = server.close
  const { xml } = await sitemap()
  first = { xml, entries: entries(xml) }
}, 120_000)

afterAll(async () => {
  await close?.()
  editorial?.store.close()
  rmSync(editorial.dir, { recursive: true, force: true })
  rmSync(join(root, '..'), { recursive: true, force: true })
})

describe('the Woo-index sitemap', () => {
  it('is named in robots.txt and served as XML with the caching of the site files', async () => {
    const robots = await (await fetch(`${origin}/robots.txt`)).text()
    expect(robots.match(/^Sitemap: (\S+)$/gm)).toEqual([`Sitemap: ${baseUrl}/sitemap.xml`, `Sitemap: ${baseUrl}/woo-sitemap.xml`])
    const { response, xml } = await sitemap()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(response.headers.get('cache-control')).toMatch(/^public/)
    expect(xml).toBe(first.xml)
    const again = await fetch(`${origin}/woo-sitemap.xml`, { headers: { 'if-none-match': response.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('validates against the sitemap protocol and the project\'s DiWoo schema, which catches a value off our lists or a missing element', () => {
    const verdict = validateWithXsd(first.xml, wrapperXsd)
    expect(verdict.messages).toContain('validates')
    expect(verdict.valid).toBe(true)
    const broken: Record<string, string> = {
      category: first.xml.replace('kern/c_816e508d', 'kern/c_00000000'),
      kind: first.xml.replace('kern/c_10eb451d', 'kern/c_00000000'),
      act: first.xml.replace('kern/c_641ecd76', 'kern/c_00000000'),
      publisher: first.xml.replace('gemeente/gm0106', 'gemeente/gm0107'),
      language: first.xml.replace('language/NLD', 'language/ENG'),
      format: first.xml.replace('file-type/PDF', 'file-type/DOCX'),
      noPublisher: first.xml.replace(/<diwoo:publisher [^>]*>[^<]*<\/diwoo:publisher>/, ''),
      noTitle: first.xml.replace(/<diwoo:officieleTitel>[^<]*<\/diwoo:officieleTitel>/, ''),
      emptyLabel: first.xml.replace(/(<diwoo:documentsoort [^>]*>)[^<]*/, '$1'),
      badTime: first.xml.replace(/<diwoo:atTime>[^<]*/, '<diwoo:atTime>gisteren'),
      unknownElement: first.xml.replace('</diwoo:DiWoo>', '<diwoo:opsteller>x</diwoo:opsteller></diwoo:DiWoo>'),
    }
    for (const [change, xml] of Object.entries(broken)) {
      expect(xml, change).not.toBe(first.xml)
      expect(validateWithXsd(xml, wrapperXsd).valid, change).toBe(false)
    }
  })

  it('lists the source text and every report as PDF, each with its own identifier, the publisher, category, kind and language', async () => {
    const index = await (await fetch(`${origin}/reports/`)).json() as { dataVersion: string; reports: { type: string; pdf: string }[] }
    const locs = first.entries.map((e) => e.loc)
    expect(locs).toEqual([`${baseUrl}/data/source/bestuursakkoord-assen-2022-2026.txt`, ...index.reports.map((r) => `${baseUrl}${r.pdf}`)])
    expect(new Set(first.entries.map((e) => e.identifier)).size).toBe(first.entries.length)
    for (const entry of first.entries) {
      expect(entry.identifier).toBe(entry.loc)
      expect(entry.publisher).toBe('https://identifier.overheid.nl/tooi/id/gemeente/gm0106')
      expect(entry.category).toBe('https://identifier.overheid.nl/tooi/def/thes/kern/c_816e508d')
      expect(entry.language).toBe('http://publications.europa.eu/resource/authority/language/NLD')
      expect(entry.title).toMatch(/^Bestuursakkoord 2022-2026 Assen: /)
      expect(entry.kind === progressKind).toBe(/\/reports\/progress[./]/.test(entry.loc))
      // The fixture's progress lies before the data version: every document is dated by the data.
      expect(entry.lastmod).toBe(index.dataVersion)
      expect(entry.atTime).toBe(`${index.dataVersion}T00:00:00Z`)
    }
    expect(first.entries.filter((e) => e.kind === progressKind).length).toBeGreaterThan(20)
  })

  it('serves every document it lists with the format it states', async () => {
    await expectDocumentsServed(first.entries)
  }, 300_000)

  it('keeps every address and identifier across two later publications, dating the progress reports by them', async () => {
    let previous = first.xml
    for (const day of ['2026-12-01', '2026-12-03']) {
      editorial.publishAssessment(day, day === '2026-12-01' ? 'plek-voor-kunstenaars' : 'pilot-basisbanen-structureel', 'IN_PROGRESS')
      const xml = await sitemapAfterPublication(previous)
      const later = entries(xml)
      expect(later.map((e) => [e.loc, e.identifier, e.kind, e.format])).toEqual(first.entries.map((e) => [e.loc, e.identifier, e.kind, e.format]))
      for (const [i, entry] of later.entries()) {
        if (entry.kind === progressKind) {
          expect(entry.lastmod, entry.loc).toMatch(new RegExp(`^${day}T09:30:00(\\.000)?Z$`))
          expect(entry.atTime).toBe(entry.lastmod)
        } else {
          expect(entry).toEqual(first.entries[i])
        }
      }
      expect(validateWithXsd(xml, wrapperXsd).valid).toBe(true)
      // The same progress gives the same bytes.
      expect((await sitemap()).xml).toBe(xml)
      previous = xml
    }
    // After the third release, the progress reports (the documents that changed) and the source text still answer.
    await expectDocumentsServed(entries(previous).filter((e) => e.kind === progressKind || e.format.endsWith('/TXT')))
  }, 300_000)
})
