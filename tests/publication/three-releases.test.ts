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
  const server = await startTestServer({ PUBLICATION_DIR: root, PUBLIC_BASE_URL: baseUrl, EDITORIAL_DATABASE: editorial.store.path })
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
