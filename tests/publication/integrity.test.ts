import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { copyFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import SQLite from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { openDatabase } from '../../src/store/open-database.js'
import { currentRelease } from '../../src/publication/release-store.js'
import { writePublication } from '../../src/publication/write-publication.js'
import { readZip } from './read-zip.js'
import { baseUrl, dumpInto, publisherName, publisherUri, sharedPublication } from './publication-fixture.js'
import { progressStore } from './progress-fixture.js'

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
/** Every file under a folder (hidden ones aside), as sorted relative POSIX paths. */
function filesUnder(root: string, folder = root): string[] {
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.')).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(folder, entry.name)) : [relative(root, join(folder, entry.name)).split('\\').join('/')]).sort()
}

let dir: string

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
})

describe('SHA256SUMS', () => {
  it('lists every other file of the publication with its true hash', () => {
    const lines = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n')
    const listed = lines.map((line) => {
      const [hash, path] = line.split('  ') as [string, string]
      expect(hash, path).toBe(sha256(join(dir, path)))
      return path
    })
    expect(listed).toEqual(filesUnder(dir).filter((f) => f !== 'SHA256SUMS'))
    // The tables twice, 13 other files, and the feeds: releases, progress and one per theme (7).
    expect(listed).toHaveLength(27 * 2 + 13 + 2 + 7)
  })

  it('is accepted by sha256sum -c', () => {
    expect(execFileSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })).not.toMatch(/FAILED/)
  })
})

describe('the workbook', () => {
  it('dates every entry by the data, re-dated in place (headers only), and still reads with every entry\'s CRC right', () => {
    const entries = readZip(readFileSync(join(dir, 'open-akkoord.xlsx')))
    expect(entries.length).toBeGreaterThan(26)
    for (const entry of entries) expect([entry.name, entry.dosDate, entry.dosTime]).toEqual([entry.name, ((2026 - 1980) << 9) | (11 << 5) | 28, 0])
  })
})

describe('the zip', () => {
  it('opens and holds every data file byte for byte, under one folder, dated by the data version', () => {
    const entries = readZip(readFileSync(join(dir, 'open-akkoord.zip')))
    // The catalogue, the feeds and SHA256SUMS describe the zip, so they stay outside it.
    const inside = filesUnder(dir).filter((f) => !['open-akkoord.zip', 'SHA256SUMS', 'catalog.ttl', 'catalog.jsonld'].includes(f) && !f.startsWith('feeds/'))
    expect(entries.map((e) => e.name).sort()).toEqual(inside.map((f) => `open-akkoord-2026-11-28/${f}`).sort())
    for (const entry of entries) {
      const file = entry.name.slice('open-akkoord-2026-11-28/'.length)
      expect(entry.data.equals(readFileSync(join(dir, file))), file).toBe(true)
      // 2026-11-28 00:00 in DOS fields, and no extended timestamp that would carry the clock or the time zone.
      expect([entry.dosDate, entry.dosTime, entry.hasExtraFields], file).toEqual([((2026 - 1980) << 9) | (11 << 5) | 28, 0, false])
    }
  })
})

describe('a dump', () => {
  it('is deterministic: the same data gives byte-identical files', async () => {
    const again = join(await mkdtemp(join(tmpdir(), 'open-akkoord-again-')), 'publication')
    await dumpInto(again)
    const files = filesUnder(dir)
    expect(filesUnder(currentRelease(again))).toEqual(files)
    for (const file of files) expect(sha256(join(currentRelease(again), file)), file).toBe(sha256(join(dir, file)))
  })

  it('takes the base URL from its settings: another URL changes the catalogue, not the tables', async () => {
    const other = join(await mkdtemp(join(tmpdir(), 'open-akkoord-other-')), 'publication')
    await dumpInto(other, 'https://data.assen.nl/akkoord')
    expect(readFileSync(join(other, 'current/.current-catalog.ttl'), 'utf8')).toContain('<https://data.assen.nl/akkoord/data/csv/actions.csv>')
    expect(readFileSync(join(other, 'current/catalog.ttl'), 'utf8')).not.toContain(baseUrl)
    expect(sha256(join(other, 'current/csv/actions.csv'))).toBe(sha256(join(dir, 'csv/actions.csv')))
  })

  it('is atomic: a failing dump leaves the previous publication untouched and no temporary folder behind', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'open-akkoord-atomic-'))
    const outDir = join(parent, 'publication')
    await dumpInto(outDir)
    const current = currentRelease(outDir)
    const before = new Map(filesUnder(current).map((f) => [f, sha256(join(current, f))]))
    // A real failure half-way: a database that lost a table the dump reads after the first files.
    const broken = join(parent, 'broken.sqlite')
    await copyFile(loadConfig({}).databasePath, broken)
    const sqlite = new SQLite(broken)
    sqlite.exec('DROP TABLE budget_line_portfolio')
    sqlite.close()
    const store = openDatabase(broken, { readonly: true })
    try {
      await expect(writePublication({ db: store.db, databasePath: broken, outDir, root: projectRoot, baseUrl, publisherUri, publisherName }))
        .rejects.toThrow(/budget_line_portfolio/)
    } finally {
      await store.db.destroy()
    }
    expect(new Map(filesUnder(current).map((f) => [f, sha256(join(current, f))]))).toEqual(before)
    expect(readdirSync(parent).sort()).toEqual(['broken.sqlite', 'publication'])
    expect(readdirSync(join(outDir, '.builds'))).toHaveLength(1)
  })

  it('replaces a previous publication whole, leaving no stale file', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'open-akkoord-replace-'))
    const outDir = join(parent, 'publication')
    await dumpInto(outDir)
    execFileSync('touch', [join(outDir, 'current', 'stale.csv')])
    await dumpInto(outDir)
    expect(existsSync(join(outDir, 'current', 'stale.csv'))).toBe(false)
    expect(statSync(join(outDir, 'current')).mode & 0o777).toBe(0o755)
    expect(readdirSync(parent)).toEqual(['publication'])
    expect(readdirSync(outDir).sort()).toEqual(['.builds', 'current', 'releases'])
  })
})

describe('npm run dump', () => {
  it('writes the publication into --out and fails with a message on a bad option', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'open-akkoord-cli-')), 'pub')
    // The same published history as the shared publication, in an editorial store the CLI reads.
    const editorial = await progressStore()
    await editorial.store.close()
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/dump.ts', ...args], {
      cwd: projectRoot, encoding: 'utf8', env: { ...process.env, PUBLIC_BASE_URL: baseUrl, ...editorial.env },
    })
    const ok = run(['--out', out])
    expect(ok.status, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/wrote 77 files .* data version 2026-11-28, the first release/)
    expect(filesUnder(currentRelease(out))).toEqual(filesUnder(dir))
    expect(sha256(join(out, 'current/catalog.ttl'))).toBe(sha256(join(dir, 'catalog.ttl')))
    const bad = run(['--bogus'])
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(/dump failed, the previous publication is untouched/)
    rmSync(editorial.dir, { recursive: true, force: true })
  })
})
