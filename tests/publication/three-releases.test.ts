import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { releaseFolder } from '../../src/publication/release-store.js'
import { ns } from '../../src/publication/vocabulary.js'
import { catalogPaths } from '../../src/publication/write-catalog.js'
import { writePublication } from '../../src/publication/write-publication.js'
import { openTestStore } from '../helpers.js'
import { startTestServer } from '../api/support.js'
import { atomChildren, atomText, parseXml } from './atom.js'
import { download, harvest, type Harvest } from './harvest.js'
import { progressStore } from './progress-fixture.js'
import { baseUrl, publisherName, publisherUri } from './publication-fixture.js'
import { Parser } from 'n3'
import { validate, shapeFiles } from './shacl.js'

/**
 * Three releases, as a municipality makes them: the data's first release,
 * then two days on which progress was published. Each release's catalogue
 * is harvested over HTTP as a portal would, and the first release's folder
 * is compared byte for byte before and after the later two.
 */
const versions = ['2026-11-28', '2026-12-01', '2026-12-03'] as const
const dataset = `${baseUrl}/id/dataset/open-akkoord`
let root: string
let editorial: Awaited<ReturnType<typeof progressStore>>
let origin: string
let close: () => Promise<void>
let firstBefore: Map<string, string>

/** Every file of a release folder (hidden ones too) with its SHA-256. */
const fingerprint = (folder: string): Map<string, string> => new Map(readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => {
    const path = join(e.parentPath, e.name)
    return [path.slice(folder.length), createHash('sha256').update(readFileSync(path)).digest('hex')] as const
  }).sort())

async function dump() {
  const store = openTestStore()
  try {
    return await writePublication({ db: store.db, databasePath: loadConfig({}).databasePath, outDir: root, root: projectRoot, baseUrl, publisherUri, publisherName, editorial: editorial.store })
  } finally {
    await store.db.destroy()
  }
}

beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'open-akkoord-three-')), 'publication')
  editorial = await progressStore()
  expect((await dump()).version).toBe(versions[0])
  firstBefore = fingerprint(realpathSync(releaseFolder(root, versions[0])))
  editorial.publishAssessment('2026-12-01', 'plek-voor-kunstenaars', 'IN_PROGRESS')
  expect((await dump()).version).toBe(versions[1])
  editorial.publishAssessment('2026-12-03', 'pilot-basisbanen-structureel', 'NOT_STARTED')
  expect((await dump()).version).toBe(versions[2])
  // The server reads the same editorial store, so it finds the publication current and writes nothing.
  const server = await startTestServer({ PUBLICATION_DIR: root, PUBLIC_BASE_URL: baseUrl, ...editorial.env })
  origin = server.base
  close = server.close
}, 180_000)

afterAll(async () => {
  await close?.()
  editorial?.store.close()
  rmSync(editorial.dir, { recursive: true, force: true })
})

/** Every download of a harvest answers 200 with the size and SHA-256 the catalogue states; every /data/ link answers 200. */
async function expectLinksHold(h: Harvest) {
  for (const d of h.downloads) {
    const got = await download(origin, baseUrl, d.url)
    expect(got.status, d.url).toBe(200)
    expect({ url: d.url, bytes: got.bytes, sha256: got.sha256 }).toEqual({ url: d.url, bytes: d.bytes, sha256: d.sha256 })
  }
  for (const link of h.links) expect((await fetch(link.replace(baseUrl, origin), { method: 'HEAD' })).status, link).toBe(200)
}

describe('a publication with three releases, harvested as a portal would', () => {
  it('keeps one dataset with a stable identifier and the releases as its versions', async () => {
    const current = await harvest(origin, baseUrl, '/data/catalog.ttl')
    expect(current.datasets).toEqual([dataset])
    expect(current.values(dataset, ns.dct + 'identifier')).toEqual([dataset])
    expect(current.values(dataset, ns.dcat + 'version')).toEqual([versions[2]])
    const versionIris = versions.map((v) => `${dataset}/${v}`)
    expect(current.values(dataset, ns.dcat + 'hasVersion').sort()).toEqual(versionIris)
    expect(current.values(dataset, ns.dcat + 'hasCurrentVersion')).toEqual([versionIris[2]])
    versionIris.forEach((iri, i) => {
      expect(current.values(iri, ns.dcat + 'isVersionOf')).toEqual([dataset])
      expect(current.values(iri, ns.dcat + 'version')).toEqual([versions[i]])
      expect(current.values(iri, ns.adms + 'versionNotes')).toHaveLength(1)
      expect(current.values(iri, ns.dcat + 'previousVersion')).toEqual(i === 0 ? [] : [versionIris[i - 1]])
    })
    expect(current.values(versionIris[2]!, ns.adms + 'versionNotes')[0]).toMatch(/vergeleken met versie 2026-12-01\. Voortgang van acties: 1 nieuw record/)
    // The current distributions stay at their stable URLs.
    expect(current.values(dataset, ns.dcat + 'distribution').map((d) => current.values(d, ns.dcat + 'downloadURL')[0])).toContain(`${baseUrl}/data/csv/actions.csv`)
  })

  it('gives each release a catalogue of its own: one dataset, its versions so far, links only into release folders', async () => {
    for (const [i, version] of versions.entries()) {
      const h = await harvest(origin, baseUrl, `/data/releases/${version}/${catalogPaths.turtle}`)
      expect(h.datasets).toEqual([dataset])
      expect(h.values(dataset, ns.dcat + 'hasVersion')).toHaveLength(i + 1)
      expect(h.values(dataset, ns.dcat + 'version')).toEqual([version])
      const outside = h.links.filter((l) => !l.startsWith(`${baseUrl}/data/releases/`))
      expect(outside, version).toEqual([])
    }
  })

  it('answers 200 for every link, with the size and checksum each catalogue states', async () => {
    for (const path of ['/data/catalog.ttl', ...versions.map((v) => `/data/releases/${v}/${catalogPaths.turtle}`)]) await expectLinksHold(await harvest(origin, baseUrl, path))
  })

  it('never gives one checksum IRI two values across the catalogues', async () => {
    const seen = new Map<string, string>()
    for (const path of ['/data/catalog.ttl', ...versions.map((v) => `/data/releases/${v}/${catalogPaths.turtle}`)]) {
      for (const d of (await harvest(origin, baseUrl, path)).downloads) {
        expect(seen.get(d.checksum) ?? d.sha256, d.checksum).toBe(d.sha256)
        seen.set(d.checksum, d.sha256)
      }
    }
  })

  it('leaves the first release byte-identical after two new ones', async () => {
    expect(fingerprint(realpathSync(releaseFolder(root, versions[0])))).toEqual(firstBefore)
  })

  it('passes every DCAT-AP(-NL) shape with zero violations, current and release catalogues alike', async () => {
    const current = fetch(`${origin}/data/catalog.ttl`).then((r) => r.text())
    const files = [{ name: 'current', text: await current }, ...versions.map((v) => ({ name: v, text: readFileSync(join(releaseFolder(root, v), catalogPaths.turtle), 'utf8') }))]
    for (const file of shapeFiles) {
      for (const { name, text } of files) {
        const quads = new Parser({ format: 'text/turtle' }).parse(text)
        expect((await validate(quads, file)).filter((r) => r.severity === 'Violation'), `${name} ${file}`).toEqual([])
      }
    }
  })

  it('writes the same bytes when the current release is written again from the same data', async () => {
    const before = fingerprint(realpathSync(releaseFolder(root, versions[2])))
    await dump()
    expect(fingerprint(realpathSync(releaseFolder(root, versions[2])))).toEqual(before)
    expect(fingerprint(realpathSync(releaseFolder(root, versions[0])))).toEqual(firstBefore)
  })
})

describe('Atom feeds (RFC 4287) of the releases and the published progress', () => {
  const feed = async (path: string) => {
    const response = await fetch(`${origin}${path}`)
    expect(response.status, path).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const root = parseXml(await response.text())
    expect(root.name).toBe('{http://www.w3.org/2005/Atom}feed')
    // What RFC 4287 requires of a feed: id, title, updated, an author (here the feed's), a self link; of each entry id, title, updated.
    for (const local of ['id', 'title', 'updated']) expect(atomText(root, local), `${path} ${local}`).not.toBe('')
    expect(atomText(atomChildren(root, 'author')[0]!, 'name')).not.toBe('')
    // A release's copy names the feed's one address: the id and self link stay the same in every release.
    expect(atomChildren(root, 'link').find((l) => l.attributes.rel === 'self')?.attributes.href).toBe(`${baseUrl}/data/${path.replace(/^\/data\/(releases\/[^/]+\/)?/, '')}`)
    const entries = atomChildren(root, 'entry')
    for (const entry of entries) {
      for (const local of ['id', 'title', 'updated', 'summary']) expect(atomText(entry, local), `${path} entry ${local}`).not.toBe('')
      expect(Number.isNaN(Date.parse(atomText(entry, 'updated')))).toBe(false)
    }
    return { root, entries }
  }

  it('lists every release with its notes and zip, newest first', async () => {
    const { root, entries } = await feed('/data/feeds/versies.atom')
    expect(entries.map((e) => atomText(e, 'id'))).toEqual([...versions].reverse().map((v) => `${dataset}/${v}`))
    expect(atomText(entries[0]!, 'summary')).toMatch(/vergeleken met versie 2026-12-01/)
    expect(atomText(root, 'updated')).toBe(atomText(entries[0]!, 'updated'))
    for (const entry of entries) {
      const zip = atomChildren(entry, 'link').find((l) => l.attributes.rel === 'enclosure')!
      const got = await download(origin, baseUrl, zip.attributes.href!)
      expect([got.status, got.bytes]).toEqual([200, Number(zip.attributes.length)])
    }
  })

  it('lists every publication and retraction of progress with stable ids and dates from the data, per theme too', async () => {
    const { entries } = await feed('/data/feeds/voortgang.atom')
    const titles = entries.map((e) => atomText(e, 'title'))
    expect(titles.filter((t) => t.startsWith('Ingetrokken'))).toHaveLength(1)
    expect(entries.find((e) => atomText(e, 'updated') === '2026-12-03T09:30:00.000Z')).toBeDefined()
    // An older release's feed: the same entries keep their ids and dates.
    const older = (await feed('/data/releases/2026-12-01/feeds/voortgang.atom')).entries
    const now = new Map(entries.map((e) => [atomText(e, 'id'), atomText(e, 'updated')]))
    expect(older.length).toBe(entries.length - 1)
    for (const e of older) expect(now.get(atomText(e, 'id'))).toBe(atomText(e, 'updated'))
    const link = atomChildren(entries[0]!, 'link').find((l) => l.attributes.rel === 'alternate')!.attributes.href!
    expect((await fetch(link.replace(baseUrl, origin))).status).toBe(200)
    // plek-voor-kunstenaars (published on 2026-12-01) stands under the theme Ondernemen.
    const themed = (await feed('/data/feeds/voortgang/assen-2022-2026/ondernemen.atom')).entries
    expect(themed.map((e) => atomText(e, 'updated'))).toContain('2026-12-01T09:30:00.000Z')
    for (const e of themed) expect(now.has(atomText(e, 'id'))).toBe(true)
    expect((await feed('/data/feeds/voortgang/assen-2022-2026/wonen.atom')).entries.length).toBeLessThan(entries.length)
  })

  it('is linked from the catalogue, the /data/ index and every site page', async () => {
    const current = await harvest(origin, baseUrl, '/data/catalog.ttl')
    expect(current.values(dataset, ns.foaf + 'page')).toEqual(expect.arrayContaining([`${baseUrl}/data/feeds/versies.atom`, `${baseUrl}/data/feeds/voortgang.atom`]))
    for (const page of ['/', '/data/']) {
      const body = await (await fetch(`${origin}${page}`, { headers: { accept: 'text/html' } })).text()
      expect(body, page).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="[^"]*\/data\/feeds\/voortgang\.atom"/)
    }
  })
})
