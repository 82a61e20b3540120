import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { copyFile, mkdtemp } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { DataFactory, Parser, Store } from 'n3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { ensurePublication } from '../../src/publication/ensure-publication.js'
import { createPublicationHandler } from '../../src/server/publication-route.js'
import { ns } from '../../src/publication/vocabulary.js'
import { openDatabase } from '../../src/store/open-database.js'
import { writePublication } from '../../src/publication/write-publication.js'
import { baseUrl, publisherName, publisherUri } from './publication-fixture.js'

const { namedNode } = DataFactory
let parent: string
let root: string
let laterDatabase: string
let server: Server
let origin: string

/** Dumps a database into the publication folder, as `npm run dump` does. */
async function dump(databasePath: string, base = baseUrl) {
  const store = openDatabase(databasePath, { readonly: true })
  try {
    return await writePublication({ db: store.db, databasePath, outDir: root, root: projectRoot, baseUrl: base, publisherUri, publisherName })
  } finally {
    await store.db.destroy()
  }
}

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'open-akkoord-releases-'))
  root = join(parent, 'publication')
  // A later version of the data: a new data version, one action reworded, one target dropped.
  laterDatabase = join(parent, 'later.sqlite')
  await copyFile(loadConfig({}).databasePath, laterDatabase)
  const sqlite = new SQLite(laterDatabase)
  sqlite.exec(`UPDATE agreement SET data_version = '2026-12-15';
    UPDATE action SET text = text || ' (herzien)' WHERE id = (SELECT min(id) FROM action);
    DELETE FROM target WHERE id = (SELECT max(id) FROM target);`)
  sqlite.close()
  await dump(loadConfig({}).databasePath)
  await dump(laterDatabase)
  const handler = createPublicationHandler({ publicationDir: root, publicBaseUrl: baseUrl })
  server = createServer((req, res) => void handler(req, res, new URL(req.url!, 'http://localhost')).then((handled) => { if (!handled) res.writeHead(418).end() }))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('releases', () => {
  it('keeps both releases side by side, each complete, and serves the newest at the plain paths', async () => {
    expect(readdirSync(join(root, 'releases')).sort()).toEqual(['2026-11-28', '2026-12-15'])
    for (const version of ['2026-11-28', '2026-12-15']) {
      expect(execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: join(root, 'releases', version), encoding: 'utf8' })).not.toMatch(/FAILED/)
    }
    const current = await (await fetch(`${origin}/data/csv/actions.csv`)).text()
    const older = await (await fetch(`${origin}/data/releases/2026-11-28/csv/actions.csv`)).text()
    const newer = await (await fetch(`${origin}/data/releases/2026-12-15/csv/actions.csv`)).text()
    expect(current).toBe(newer)
    expect(newer).toContain('(herzien)')
    expect(older).not.toContain('(herzien)')
    const index = await (await fetch(`${origin}/data/`)).json() as { version: string; releases: { version: string; url: string }[] }
    expect(index.version).toBe('2026-12-15')
    expect(index.releases.map((r) => r.url)).toEqual([`${baseUrl}/data/releases/2026-11-28/`, `${baseUrl}/data/releases/2026-12-15/`])
    const releaseIndex = await (await fetch(`${origin}/data/releases/2026-11-28/`)).json() as { version: string; files: { url: string }[] }
    expect(releaseIndex.version).toBe('2026-11-28')
    expect(releaseIndex.files.every((f) => f.url.startsWith(`${baseUrl}/data/releases/2026-11-28/`))).toBe(true)
    for (const path of ['/data/releases/..%2F/SHA256SUMS', '/data/releases/.builds/SHA256SUMS', '/data/releases/2099-01-01/SHA256SUMS', '/data/.publication.json']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBeGreaterThanOrEqual(400)
    }
  })

  it('writes Dutch version notes from a comparison with the previous release', () => {
    const notes = readFileSync(join(root, 'releases/2026-12-15/versienotities.txt'), 'utf8')
    expect(notes).toContain('Versie 2026-12-15, vergeleken met versie 2026-11-28.')
    expect(notes).toMatch(/Acties: 1 gewijzigd record/)
    expect(notes).toMatch(/Doelen: 1 vervallen record/)
    expect(notes).toMatch(/- Gewijzigd: [\w-]+: tekst \(`text`\)/)
    // Akkoorden changed too: their data_version moved.
    expect(notes).toMatch(/dataversie \(`data_version`\)/)
    expect(readFileSync(join(root, 'releases/2026-11-28/versienotities.txt'), 'utf8')).toContain('eerste uitgave')
    expect(readFileSync(join(root, 'current/LEESMIJ.txt'), 'utf8')).toContain(`${baseUrl}/data/releases/2026-12-15/`)
  })

  it('versions the dataset in the catalogue: issued stays at the first release, each version with its notes and zip', () => {
    const store = new Store(new Parser().parse(readFileSync(join(root, 'current/catalog.ttl'), 'utf8')))
    const dataset = namedNode(`${baseUrl}/id/dataset/open-akkoord`)
    const values = (subject: string | ReturnType<typeof namedNode>, p: string) => store.getObjects(typeof subject === 'string' ? namedNode(subject) : subject, namedNode(p), null).map((o) => o.value)
    expect(values(dataset, ns.dct + 'issued')).toEqual(['2026-11-28'])
    expect(values(dataset, ns.dct + 'modified')).toEqual(['2026-12-15'])
    expect(values(dataset, ns.dcat + 'version')).toEqual(['2026-12-15'])
    const versions = values(dataset, ns.dcat + 'hasVersion').sort()
    expect(versions).toEqual([`${baseUrl}/id/dataset/open-akkoord/2026-11-28`, `${baseUrl}/id/dataset/open-akkoord/2026-12-15`])
    expect(values(dataset, ns.dcat + 'hasCurrentVersion')).toEqual([versions[1]])
    expect(values(versions[1]!, ns.dcat + 'previousVersion')).toEqual([versions[0]])
    expect(values(versions[0]!, ns.adms + 'versionNotes')[0]).toContain('eerste uitgave')
    expect(values(versions[1]!, ns.adms + 'versionNotes')[0]).toContain('vergeleken met versie 2026-11-28')
    const zip = values(versions[0]!, ns.dcat + 'distribution')[0]!
    expect(values(zip, ns.dcat + 'downloadURL')).toEqual([`${baseUrl}/data/releases/2026-11-28/open-akkoord.zip`])
  })

  it('swaps a release in without a moment of absence: every request during two dumps is answered 200', async () => {
    let stop = false
    const statuses: number[] = []
    const polling = (async () => {
      while (!stop) {
        const responses = await Promise.all(['/data/SHA256SUMS', '/data/csv/actions.csv', '/data/', '/data/releases/2026-12-15/datapackage.json'].map((p) => fetch(`${origin}${p}`)))
        for (const response of responses) {
          statuses.push(response.status)
          await response.arrayBuffer()
        }
      }
    })()
    await dump(laterDatabase)
    await dump(laterDatabase, 'https://data.assen.nl/akkoord')
    stop = true
    await polling
    expect(statuses.length).toBeGreaterThan(20)
    expect(statuses.every((s) => s === 200)).toBe(true)
    expect(readFileSync(join(root, 'current/catalog.ttl'), 'utf8')).toContain('https://data.assen.nl/akkoord/data/')
  })

  it('cleans up what killed dumps left behind: temporary folders and links of dead processes, orphaned builds', async () => {
    const deadPid = 2 ** 22 + 12345 // above Linux's pid_max: no such process
    mkdirSync(join(root, '.builds', `.tmp-${deadPid}-abc`, 'csv'), { recursive: true })
    mkdirSync(join(root, '.builds', '2026-11-28-orphan'))
    symlinkSync('../.builds/2026-11-28-orphan', join(root, 'releases', `.tmp-${deadPid}-link`))
    mkdirSync(join(parent, '.publication.tmp-old'))
    await dump(laterDatabase)
    expect(readdirSync(join(root, '.builds')).filter((n) => n.startsWith('.tmp-') || n.endsWith('-orphan'))).toEqual([])
    expect(readdirSync(join(root, 'releases')).sort()).toEqual(['2026-11-28', '2026-12-15'])
    expect(existsSync(join(parent, '.publication.tmp-old'))).toBe(false)
    // The builds left are the two the releases point at, and the one the last swap replaced (removed at the next dump).
    expect(readdirSync(join(root, '.builds')).length).toBeLessThanOrEqual(3)
  })

  it('refuses to write into a folder that holds something other than a publication', async () => {
    const foreign = join(parent, 'foreign')
    mkdirSync(foreign)
    execFileSync('touch', [join(foreign, 'thesis.docx')])
    const store = openDatabase(laterDatabase, { readonly: true })
    try {
      await expect(writePublication({ db: store.db, databasePath: laterDatabase, outDir: foreign, root: projectRoot, baseUrl, publisherUri, publisherName })).rejects.toThrow(/not a publication/)
    } finally {
      await store.db.destroy()
    }
    expect(readdirSync(foreign)).toContain('thesis.docx')
  })
})

describe('a publication that follows its settings and database', () => {
  it('is rewritten when the address or the database differs, and left alone when nothing does', async () => {
    const publicationDir = join(parent, 'ensured')
    const inputs = { publicationDir, root: projectRoot, databasePath: laterDatabase, baseUrl: 'https://www.assen.nl/open-akkoord', publisherUri, publisherName }
    expect((await ensurePublication({ ...inputs, baseUrl }))?.reason).toBe('there is no publication yet')
    expect(await ensurePublication({ ...inputs, baseUrl })).toBeNull()
    expect((await ensurePublication(inputs))?.reason).toMatch(/baseUrl changed/)
    const moved = join(parent, 'moved.sqlite')
    await copyFile(laterDatabase, moved)
    expect((await ensurePublication({ ...inputs, databasePath: moved }))?.reason).toMatch(/the database is now/)
    const sqlite = new SQLite(moved)
    sqlite.exec("UPDATE action SET text = text || '!' WHERE id = (SELECT max(id) FROM action)")
    sqlite.close()
    expect((await ensurePublication({ ...inputs, databasePath: moved }))?.reason).toBe('the database changed')
    expect(readFileSync(join(publicationDir, 'current/csv/actions.csv'), 'utf8')).toContain('!')
  })
})
