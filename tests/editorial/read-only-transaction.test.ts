import { rmSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WriteInReadOnlyTransactionError } from '../../src/editorial/editorial-errors.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { readPublishedProgress } from '../../src/editorial/published-progress.js'
import { storeFailure } from '../../src/store/store-failure.js'
import { testEngine } from '../editorial-target.js'
import { progressStore } from '../publication/progress-fixture.js'

/** Another process's writer on the same store: a write transaction that inserted a row and stays open until released. */
interface HeldWrite {
  release(): Promise<void>
}

async function holdWrite(target: string): Promise<HeldWrite> {
  if (testEngine === 'sqlite') {
    const other = new SQLite(target)
    other.prepare('BEGIN IMMEDIATE').run()
    other.prepare('INSERT INTO account (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)').run('schrijver', 'editor', '0'.repeat(64), '2026-01-01T00:00:00Z')
    return { release: async () => { other.prepare('ROLLBACK').run(); other.close() } }
  }
  const other = new pg.Client({ connectionString: target })
  await other.connect()
  await other.query('BEGIN ISOLATION LEVEL SERIALIZABLE')
  await other.query('INSERT INTO account (name, role, token_hash, created_at) VALUES ($1, $2, $3, $4)', ['schrijver', 'editor', '0'.repeat(64), '2026-01-01T00:00:00Z'])
  // A lock that keeps every other writer of the table out, and lets readers in.
  await other.query('LOCK TABLE publication IN EXCLUSIVE MODE')
  return { release: async () => { await other.query('ROLLBACK'); await other.end() } }
}

describe(`a public read of published progress beside another connection's write transaction (${testEngine})`, () => {
  let fixture: Awaited<ReturnType<typeof progressStore>>
  let reader: EditorialStore
  let target: string
  beforeAll(async () => {
    fixture = await progressStore()
    target = fixture.env.EDITORIAL_DATABASE_URL ?? join(fixture.dir, 'editorial.sqlite')
    // The server waits this briefly for another process's write lock: a read that took the lock would fail, not wait.
    reader = await openEditorialStore(target, { busyTimeoutMs: 100, poolSize: 2 })
  })
  afterAll(async () => {
    await reader?.close()
    await fixture?.store.close()
    if (fixture) rmSync(fixture.dir, { recursive: true, force: true })
  })

  it('succeeds, sees only what was committed, and the same as without the writer', async () => {
    const before = await readPublishedProgress(reader)
    expect(before.revisions.length).toBeGreaterThan(0)
    const held = await holdWrite(target)
    try {
      const started = performance.now()
      const during = await readPublishedProgress(reader)
      expect(during).toEqual(before)
      // Well under a busy wait: the read never queued behind the writer.
      expect(performance.now() - started).toBeLessThan(2000)
      if (testEngine === 'sqlite') {
        // The writer really holds the lock: a write transaction of the reader's handle gives up after its busy timeout.
        const write = reader.transaction(async (tx) => tx.run(tx.db.insertInto('account').values({ name: 'lezer', role: 'editor', token_hash: '1'.repeat(64), created_at: '2026-01-01T00:00:00Z' })))
        const error = await write.then(() => null, (e: unknown) => e)
        expect(storeFailure(error)?.error).toBe('busy')
      }
    } finally {
      await held.release()
    }
  })

  it('runs read-only on the engine and refuses a write inside it, writing nothing', async () => {
    const accounts = async () => (await reader.all(reader.db.selectFrom('account').select('name'))).length
    const count = await accounts()
    if (testEngine === 'postgres') {
      const mode = await reader.transaction(async (tx) => tx.first({ compile: () => sql<{ transaction_read_only: string }>`SHOW transaction_read_only`.compile(tx.db) }), { readOnly: true })
      expect(mode?.transaction_read_only).toBe('on')
    }
    const insert = reader.transaction(async (tx) => {
      await tx.all(tx.db.selectFrom('account').select('name'))
      return tx.run(tx.db.insertInto('account').values({ name: 'stiekem', role: 'editor', token_hash: '2'.repeat(64), created_at: '2026-01-01T00:00:00Z' }))
    }, { readOnly: true })
    await expect(insert).rejects.toBeInstanceOf(WriteInReadOnlyTransactionError)
    // A write transaction asked for inside a read-only one is refused too, rather than quietly widening it.
    const nested = reader.transaction(async () => reader.transaction(async () => 'written'), { readOnly: true })
    await expect(nested).rejects.toBeInstanceOf(WriteInReadOnlyTransactionError)
    expect(await accounts()).toBe(count)
    // Read-only joins a write transaction that is open.
    expect(await reader.transaction(async () => reader.transaction(async () => 'joined', { readOnly: true }))).toBe('joined')
  })
})
