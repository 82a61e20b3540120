import { sqliteHandle } from '../../src/editorial/sqlite-editorial-store.js'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { verifyChain } from '../../src/editorial/audit-chain.js'
import { openEditorialStore } from '../../src/editorial/open-editorial-store.js'
import { startTestServer } from '../api/support.js'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import { openTestStore } from '../helpers.js'
import { writePublication } from '../../src/publication/write-publication.js'
import { progressStore } from '../publication/progress-fixture.js'

let folder: string
let pristine: string

/** A copy of the pristine store, changed by `tamper` through a raw connection, as an intruder with the file would. */
function tampered(name: string, tamper: (db: SQLite.Database) => void): string {
  const path = join(folder, `${name}.sqlite`)
  copyFileSync(pristine, path)
  const db = new SQLite(path)
  try {
    tamper(db)
  } finally {
    db.close()
  }
  return path
}

async function verify(path: string) {
  const store = await openEditorialStore(path)
  try {
    return await verifyChain(store)
  } finally {
    await store.close()
  }
}

/** `npm run editor -- verify` on a store: its exit code and what it printed. */
function verifyCli(path: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/editor.ts', 'verify'], { cwd: projectRoot, env: { ...process.env, EDITORIAL_DATABASE: path }, encoding: 'utf8' })
  return { status: run.status, out: run.stdout + run.stderr }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'open-akkoord-chain-'))
  const { store, dir } = await progressStore({ sqlite: true })
  pristine = join(folder, 'pristine.sqlite')
  sqliteHandle(store)!.pragma('wal_checkpoint(TRUNCATE)')
  await store.close()
  copyFileSync(join(dir, 'editorial.sqlite'), pristine)
  rmSync(dir, { recursive: true, force: true })
}, 60_000)
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const lastId = (db: SQLite.Database, table: string) => db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number

describe('the hash chain over the audit trail and publications', () => {
  it('holds on an untouched store, and `npm run editor -- verify` says so', async () => {
    const state = await verify(pristine)
    expect(state.ok).toBe(true)
    expect(state.links).toBeGreaterThan(10)
    const cli = verifyCli(pristine)
    expect(cli.status).toBe(0)
    expect(cli.out).toContain(`head ${state.head}`)
  })

  it('names a changed audit entry (its trigger dropped first)', async () => {
    const path = tampered('update', (db) => {
      db.exec('DROP TRIGGER audit_entry_no_update')
      db.prepare("UPDATE audit_entry SET outcome = 'refused', subject = 'herschreven' WHERE id = 3").run()
      db.exec("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'x'); END")
    })
    expect((await verify(path)).problem).toMatch(/^link \d+ \(audit entry 3\): the row was changed/)
    const cli = verifyCli(path)
    expect(cli.status).toBe(1)
    expect(cli.out).toContain('audit entry 3')
  })

  it('names a rewritten evidence URL of a published revision', async () => {
    const path = tampered('evidence', (db) => {
      db.exec('DROP TRIGGER evidence_no_update')
      db.prepare("UPDATE evidence SET url = 'https://elders.example/' WHERE id = 1").run()
    })
    expect((await verify(path)).problem).toMatch(/\(publication \d+\): the row was changed/)
  })

  it('names a deleted publication', async () => {
    let id = 0
    const path = tampered('delete', (db) => {
      id = lastId(db, 'publication')
      // Its recorded chain state refers to it: the intruder removes that first.
      db.exec('DROP TRIGGER publication_no_delete; DROP TRIGGER publication_chain_state_no_delete')
      db.prepare('DELETE FROM publication_chain_state WHERE publication_id = ?').run(id)
      db.prepare('DELETE FROM publication WHERE id = ?').run(id)
    })
    expect((await verify(path)).problem).toMatch(new RegExp(`\\(publication ${id}\\): the row is gone`))
  })

  it('names an inserted, back-dated audit entry and a self-published revision', async () => {
    const backDated = tampered('insert', (db) => {
      db.prepare("INSERT INTO audit_entry (at, account_id, operation, outcome, codes) VALUES ('2026-01-02T08:00:00.000Z', 1, 'publishProgress', 'accepted', '')").run()
    })
    expect((await verify(backDated)).problem).toMatch(/^audit entry \d+ is not in the chain/)
    const selfPublished = tampered('self-published', (db) => {
      db.exec('DROP TRIGGER publication_four_eyes')
      const author = db.prepare("SELECT author_id FROM revision WHERE id NOT IN (SELECT revision_id FROM publication) LIMIT 1").get() as { author_id: number }
      const draft = db.prepare('SELECT id FROM revision WHERE id NOT IN (SELECT revision_id FROM publication) LIMIT 1').pluck().get() as number
      db.prepare("INSERT INTO publication (revision_id, reviewer_id, published_at) VALUES (?, ?, '2026-05-30T10:00:00.000Z')").run(draft, author.author_id)
    })
    expect((await verify(selfPublished)).problem).toMatch(/^publication \d+ is not in the chain/)
  })

  it('names a removed chain link, and dropped triggers even when every row still matches', async () => {
    const unlinked = tampered('unlink', (db) => {
      db.exec('DROP TRIGGER chain_link_no_delete')
      db.prepare('DELETE FROM chain_link WHERE seq = 5').run()
    })
    expect((await verify(unlinked)).problem).toMatch(/^link 6 .* does not follow the link before it/)
    const unguarded = tampered('triggers', (db) => db.exec('DROP TRIGGER revision_no_update; DROP TRIGGER audit_entry_no_delete'))
    expect((await verify(unguarded)).problem).toBe('the append-only triggers revision_no_update, audit_entry_no_delete are missing')
  })

  it('chains the rows a store held before the migration, without changing them', async () => {
    const path = tampered('before-migration', (db) => {
      // A store from before that migration has none of the later ones either.
      db.exec("DROP TRIGGER publication_not_superseded; DROP TABLE draft_supersession; DELETE FROM editorial_migration WHERE name = '2026-12-07T1900-create-draft-supersessions'")
      db.exec("DROP TABLE publication_chain_state; DELETE FROM editorial_migration WHERE name = '2026-12-07T2140-record-publication-chain-states'")
      db.exec("DROP TABLE chain_link; DELETE FROM editorial_migration WHERE name = '2026-12-07T1600-chain-audit-and-publications'")
    })
    const before = new SQLite(path, { readonly: true })
    const rows = before.prepare('SELECT * FROM audit_entry ORDER BY id').all()
    before.close()
    const state = await verify(path)
    expect(state.ok).toBe(true)
    expect(state).toMatchObject({ links: (await verify(pristine)).links })
    const after = new SQLite(path, { readonly: true })
    expect(after.prepare('SELECT * FROM audit_entry ORDER BY id').all()).toEqual(rows)
    after.close()
  })

  it('reports a broken chain in /readyz', async () => {
    const path = tampered('readyz', (db) => {
      db.exec('DROP TRIGGER audit_entry_no_update')
      db.prepare("UPDATE audit_entry SET client = '10.0.0.1' WHERE id = 2").run()
    })
    const server = await startTestServer({ EDITORIAL_DATABASE: path })
    try {
      const ready = await (await fetch(`${server.base}/readyz`)).json()
      expect(ready.details.editorial.chain).toMatchObject({ status: 'broken' })
      expect(ready.details.editorial.chain.problem).toContain('audit entry 2')
    } finally {
      await server.close()
    }
  })
})

describe('/readyz and the editorial store\'s disk', () => {
  it('reports the free space left to the editorial store (at 0 every sign-in and mutation fails)', async () => {
    const server = await startEditorialServer()
    try {
      const details = (await (await fetch(`${server.base}/readyz`)).json()).details
      expect(details.editorial.freeBytes).toBeGreaterThan(0)
      expect(details.editorial.chain).toMatchObject({ status: 'ok' })
    } finally {
      await server.close()
    }
  })
})

describe('/readyz when the publication cannot be written', () => {
  it('reports the failed write while /data/ keeps serving the previous release', async () => {
    const publication = join(folder, 'publication')
    const config = loadConfig({})
    const content = openTestStore()
    try {
      await writePublication({ db: content.db, databasePath: config.databasePath, outDir: publication, root: projectRoot, baseUrl: 'http://127.0.0.1', publisherUri: config.publisherUri, publisherName: config.publisherName })
    } finally {
      await content.db.destroy()
    }
    // The next release cannot be linked: where the releases folder was, there is a file (a full or broken disk fails alike).
    rmSync(join(publication, 'releases'), { recursive: true, force: true })
    writeFileSync(join(publication, 'releases'), 'not a folder')
    const server = await startEditorialServer({ PUBLICATION_DIR: publication })
    try {
      const editor = await server.account('eva', 'editor')
      const reviewer = await server.account('rob', 'reviewer')
      const recorded = await server.gql(recordProgress, { input: assessment('woonvisie-3000-woningen-als-minimum') }, editor)
      const published = await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, reviewer)
      expect(published.body.data.publishProgress.userErrors).toEqual([])
      expect((await fetch(`${server.base}/data/`)).status).toBe(200)
      const ready = await fetch(`${server.base}/readyz`)
      expect(ready.status).toBe(200)
      expect((await ready.json()).details.publication.lastWriteFailure).toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) })
    } finally {
      await server.close()
    }
  }, 120_000)
})
