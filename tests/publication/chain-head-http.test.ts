import { parse } from 'csv-parse/sync'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { Parser } from 'n3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { verifyChain, type ChainState, type PublishedHead } from '../../src/editorial/audit-chain.js'
import { linkContent, linkHash } from '../../src/editorial/migrations/2026-12-07T1600-chain-audit-and-publications.js'
import { openEditorialStore } from '../../src/editorial/open-editorial-store.js'
import { readChainStates } from '../../src/editorial/publication-chain-state.js'
import { sqliteHandle } from '../../src/editorial/sqlite-editorial-store.js'
import { ensurePublication } from '../../src/publication/ensure-publication.js'
import { releaseFolder } from '../../src/publication/release-store.js'
import { startTestServer } from '../api/support.js'
import { progressStore } from './progress-fixture.js'
import { baseUrl, publisherName, publisherUri } from './publication-fixture.js'
import { fingerprint } from './release-fingerprint.js'

/**
 * Each release that carries progress states the editorial hash chain's
 * length and head at its newest publication, read back over HTTP with
 * csv-parse, JSON.parse and n3: the store records them in the publishing
 * transaction, a later release repeats them unchanged (the earlier release
 * stays byte-identical), and `npm run editor -- verify --length --head`
 * catches a store rewritten behind them, even with every hash recomputed.
 */
type Row = Record<string, string>
let fixture: Awaited<ReturnType<typeof progressStore>>
let server: Awaited<ReturnType<typeof startTestServer>>
let root: string
/** The chain as `verifyChain` computed it right after each release's newest publication. */
const chains: ChainState[] = []
const [first, second] = ['2026-11-28', '2026-12-01']

const get = async (path: string): Promise<string> => {
  const response = await fetch(`${server.base}${path}`)
  expect(response.status, path).toBe(200)
  return response.text()
}
const csv = async (version: string): Promise<Row[]> => parse(await get(`/data/releases/${version}/csv/progress-publications.csv`), { columns: true, record_delimiter: '\r\n' })
const ndjson = async (version: string) => (await get(`/data/releases/${version}/ndjson/progress-publications.ndjson`)).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
/** The files of the first release a reader would keep, as served. */
const keptFiles = ['csv/progress-publications.csv', 'ndjson/progress-publications.ndjson', 'LEESMIJ.txt', 'versienotities.txt', 'SHA256SUMS', 'catalog.ttl']
const served = async (version: string) => Promise.all(keptFiles.map((path) => get(`/data/releases/${version}/${path}`)))

beforeAll(async () => {
  fixture = await progressStore({ sqlite: true })
  root = join(fixture.dir, 'publication')
  server = await startTestServer({ ...fixture.env, PUBLICATION_DIR: root, PUBLIC_BASE_URL: baseUrl })
  // The fixture records drafts after its last publication: one more publication, so the chain is read right after it.
  await fixture.publishAssessment('2026-06-01', 'woonvisie-3000-woningen-als-minimum', 'NOT_STARTED')
  chains.push(await verifyChain(fixture.store))
  await ensurePublication({ publicationDir: root, root: projectRoot, databasePath: loadConfig({}).databasePath, baseUrl, publisherUri, publisherName, editorial: fixture.store })
}, 120_000)
afterAll(async () => {
  await server?.close()
  await fixture?.store.close()
  if (fixture) rmSync(fixture.dir, { recursive: true, force: true })
})

describe('the chain head each progress publication states', () => {
  let firstRows: Row[]

  it('is the chain as the newest publication left it, in the table, the LEESMIJ, the notes and the catalogue', async () => {
    firstRows = await csv(first)
    expect(firstRows.map((r) => Number(r.publication))).toEqual([1, 2, 3, 4, 5, 6, 7])
    const last = firstRows.at(-1)!
    expect(chains[0]!.ok).toBe(true)
    expect({ length: Number(last.chain_length), head: last.chain_head }).toEqual({ length: chains[0]!.links, head: chains[0]!.head })
    // Every publication's head is a prefix of the chain, and lengths only grow.
    for (const row of firstRows) {
      expect((await verifyChain(fixture.store, { length: Number(row.chain_length), head: row.chain_head! })).published, row.publication).toEqual({ ok: true })
    }
    expect(firstRows.map((r) => Number(r.chain_length))).toEqual([...firstRows.map((r) => Number(r.chain_length))].sort((a, b) => a - b))
    expect(new Set(firstRows.map((r) => r.chain_head)).size).toBe(7)
    expect(Object.keys(last)).toEqual(['publication', 'published_at', 'record_id', 'chain_length', 'chain_head'])
    expect(last.published_at).toBe('2026-06-01T09:30:00.000Z')
    const command = `npm run editor -- verify --length ${chains[0]!.links} --head ${chains[0]!.head}`
    expect(await get(`/data/releases/${first}/LEESMIJ.txt`)).toContain(command)
    expect(await get(`/data/releases/${first}/versienotities.txt`)).toContain(command)
    const notes = new Parser().parse(await get('/data/catalog.ttl')).filter((q) => q.predicate.value === 'http://www.w3.org/ns/adms#versionNotes').map((q) => q.object.value)
    expect(notes.some((n) => n.includes(`${chains[0]!.links} schakels, met als kop (SHA-256) ${chains[0]!.head}`))).toBe(true)
    // Only numbers and hashes: no account, no audit entry.
    const texts = (await served(first)).join('\n')
    for (const secret of ['Redacteur', 'Controleur', 'publishProgress', 'recordProgress']) expect(texts).not.toContain(secret)
  })

  it('is repeated unchanged by the next release, which adds its own; the first release stays byte-identical', async () => {
    const before = fingerprint(releaseFolder(root, first))
    const kept = await served(first)
    await fixture.publishAssessment(second, 'woonvisie-3000-woningen-als-minimum', 'IN_PROGRESS')
    chains.push(await verifyChain(fixture.store))
    // The next request to /data/ writes the release of the new publication.
    // The server notices the other connection's commit within its poll; the next request to /data/ then writes the release.
    for (let tries = 0; (await fetch(`${server.base}/data/releases/${second}/`)).status !== 200; tries += 1) {
      expect(tries).toBeLessThan(100)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const rows = await csv(second)
    expect(rows.slice(0, -1)).toEqual(firstRows)
    expect({ length: Number(rows.at(-1)!.chain_length), head: rows.at(-1)!.chain_head }).toEqual({ length: chains[1]!.links, head: chains[1]!.head })
    expect(chains[1]!.links).toBeGreaterThan(chains[0]!.links)
    const json = await ndjson(second)
    expect(json.map((r) => [r.publication, r.chain_length, r.chain_head])).toEqual(rows.map((r) => [Number(r.publication), Number(r.chain_length), r.chain_head]))
    expect(await get(`/data/releases/${second}/LEESMIJ.txt`)).toContain(`--length ${chains[1]!.links} --head ${chains[1]!.head}`)
    // The newest catalogue lists both releases, each with the head it stated.
    const notes = new Parser().parse(await get(`/data/releases/${second}/catalog.ttl`)).filter((q) => q.predicate.value === 'http://www.w3.org/ns/adms#versionNotes').map((q) => q.object.value)
    for (const chain of chains) expect(notes.some((n) => n.includes(`${chain.links} schakels, met als kop (SHA-256) ${chain.head}`))).toBe(true)
    // The newest publication's IRI resolves to its triples, the chain's length and head among them.
    const iri = `${baseUrl}/id/progress-publication/assen-2022-2026/${rows.at(-1)!.publication}`
    const triples = new Parser().parse(await (await fetch(`${server.base}/id/progress-publication/assen-2022-2026/${rows.at(-1)!.publication}`, { headers: { accept: 'text/turtle' } })).text())
    expect(triples.filter((q) => q.subject.value === iri).map((q) => [q.predicate.value.split(/[#/]/).at(-1), q.object.value])).toEqual(expect.arrayContaining([
      ['chainLength', String(chains[1]!.links)], ['chainHead', chains[1]!.head], ['type', 'https://w3id.org/open-akkoord/def#ProgressPublication'],
    ]))
    const schema = JSON.parse(await get(`/data/releases/${second}/datapackage.json`)).resources.find((r: { name: string }) => r.name === 'progress-publications').schema
    expect(schema.primaryKey).toEqual(['publication'])
    expect(schema.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
      ['publication', 'integer'], ['published_at', 'datetime'], ['record_id', 'string'], ['chain_length', 'integer'], ['chain_head', 'string'],
    ])
    expect(fingerprint(releaseFolder(root, first))).toEqual(before)
    expect(await served(first)).toEqual(kept)
  })
})

describe('checking a store against a published head', () => {
  let folder: string
  let pristine: string
  let published: PublishedHead

  beforeAll(async () => {
    folder = join(fixture.dir, 'copies')
    mkdirSync(folder)
    sqliteHandle(fixture.store)!.pragma('wal_checkpoint(TRUNCATE)')
    pristine = join(folder, 'pristine.sqlite')
    copyFileSync(join(fixture.dir, 'editorial.sqlite'), pristine)
    // What a reader kept: the first release's newest publication, as served.
    const last = (await csv(first)).at(-1)!
    published = { length: Number(last.chain_length), head: last.chain_head! }
  })

  /** A copy of the store with audit entry 3 rewritten; `rechain` also recomputes every link and recorded head after it, as a careful intruder would. */
  function rewritten(name: string, rechain: boolean, change = true): string {
    const path = join(folder, `${name}.sqlite`)
    copyFileSync(pristine, path)
    const db = new SQLite(path)
    try {
      db.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER chain_link_no_update; DROP TRIGGER publication_chain_state_no_update')
      if (change) db.prepare("UPDATE audit_entry SET outcome = 'refused', codes = 'SAME_AUTHOR' WHERE id = 3").run()
      if (rechain) {
        const heads = new Map<string, string>()
        let previous = '0'.repeat(64)
        for (const link of db.prepare('SELECT seq, kind, row_id, hash FROM chain_link ORDER BY seq').all() as { seq: number; kind: string; row_id: number; hash: string }[]) {
          const row = db.prepare(`SELECT * FROM ${link.kind === 'audit' ? 'audit_entry' : 'publication'} WHERE id = ?`).get(link.row_id) as { revision_id?: number }
          const content = link.kind === 'audit' ? linkContent(row, null, null)
            : linkContent(row, db.prepare('SELECT * FROM revision WHERE id = ?').get(row.revision_id), db.prepare('SELECT * FROM evidence WHERE revision_id = ? ORDER BY position').all(row.revision_id))
          const hash = linkHash(previous, link.kind, content)
          db.prepare('UPDATE chain_link SET previous_hash = ?, hash = ? WHERE seq = ?').run(previous, hash, link.seq)
          heads.set(link.hash, hash)
          previous = hash
        }
        for (const [old, hash] of heads) db.prepare('UPDATE publication_chain_state SET chain_head = ? WHERE chain_head = ?').run(hash, old)
      }
      for (const [table, trigger] of [['audit_entry', 'audit_entry_no_update'], ['chain_link', 'chain_link_no_update'], ['publication_chain_state', 'publication_chain_state_no_update']]) {
        db.exec(`CREATE TRIGGER ${trigger} BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, 'append-only'); END`)
      }
    } finally {
      db.close()
    }
    return path
  }

  async function verify(path: string, head?: PublishedHead): Promise<ChainState> {
    const store = await openEditorialStore(path)
    try {
      return await verifyChain(store, head)
    } finally {
      await store.close()
    }
  }

  /** `npm run editor -- verify ...` on a store: its exit code and what it printed. */
  function verifyCli(path: string, ...args: string[]): { status: number | null; out: string } {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/editor.ts', 'verify', ...args], { cwd: projectRoot, env: { ...process.env, EDITORIAL_DATABASE: path }, encoding: 'utf8' })
    return { status: run.status, out: run.stdout + run.stderr }
  }
  const headArgs = () => ['--length', String(published.length), '--head', published.head]

  it('holds on the untouched store, also after every hash is recomputed the same way', async () => {
    const cli = verifyCli(pristine, ...headArgs())
    expect(cli.status).toBe(0)
    expect(cli.out).toContain(`the published head holds: the first ${published.length} links hash to ${published.head}`)
    expect((await verify(rewritten('same', true, false), published)).published).toEqual({ ok: true })
  })

  it('fails, naming the entry, when an audit row behind the head was rewritten', async () => {
    const path = rewritten('changed', false)
    const state = await verify(path, published)
    expect(state.ok).toBe(false)
    expect(state.published).toEqual({ ok: false, problem: expect.stringMatching(new RegExp(`^the chain breaks within the published head's ${published.length} links: link \\d+ \\(audit entry 3\\): the row was changed after it was written$`)) })
    const cli = verifyCli(path, ...headArgs())
    expect(cli.status).toBe(1)
    expect(cli.out).toContain(`the published head does not hold (${published.length} links, ${published.head})`)
    expect(cli.out).toContain('audit entry 3')
  })

  it('fails when the row was rewritten and every hash recomputed, which the store\'s own check cannot see', async () => {
    const path = rewritten('rechained', true)
    const state = await verify(path, published)
    expect(state.ok).toBe(true)
    expect(state.published!.ok).toBe(false)
    expect(state.published!.problem).toMatch(new RegExp(`^the first ${published.length} links hash to [0-9a-f]{64}, not to the published head ${published.head}: the history before that publication was rewritten$`))
    const cli = verifyCli(path, ...headArgs())
    expect(cli.status).toBe(1)
    expect(cli.out).toContain('the chain holds')
    expect(cli.out).toContain('the published head does not hold')
    expect(verifyCli(path, '--length', String(published.length)).status).toBe(2)
  })

  it('finds a recorded head changed in the store itself', async () => {
    const path = join(folder, 'recorded.sqlite')
    copyFileSync(pristine, path)
    const db = new SQLite(path)
    db.exec('DROP TRIGGER publication_chain_state_no_update')
    db.prepare('UPDATE publication_chain_state SET chain_head = ? WHERE publication_id = 2').run('f'.repeat(64))
    db.exec("CREATE TRIGGER publication_chain_state_no_update BEFORE UPDATE ON publication_chain_state BEGIN SELECT RAISE(ABORT, 'x'); END")
    db.close()
    expect((await verify(path)).problem).toMatch(/^publication 2 recorded the chain at \d+ links with head f{64}, but link \d+ is [0-9a-f]{64}: the recorded state or the links were changed$/)
  })

  it('records the same states for a store from before the migration as the store records at publication', async () => {
    const path = join(folder, 'before-migration.sqlite')
    copyFileSync(pristine, path)
    const db = new SQLite(path)
    db.exec("DROP TABLE publication_chain_state; DELETE FROM editorial_migration WHERE name = '2026-12-07T2140-record-publication-chain-states'")
    db.close()
    const [before, after] = [await openEditorialStore(pristine), await openEditorialStore(path)]
    try {
      expect(await readChainStates(after, 1e9)).toEqual(await readChainStates(before, 1e9))
      expect((await verifyChain(after)).ok).toBe(true)
    } finally {
      await before.close()
      await after.close()
    }
  })
})
