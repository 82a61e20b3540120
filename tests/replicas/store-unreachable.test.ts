import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEditorialStore } from '../../src/editorial/open-editorial-store.js'
import { storeFailure } from '../../src/store/store-failure.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../../bench/private-postgres.js'

const bin = postgresBinaries()

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}

describe.skipIf(bin === null)('a PostgreSQL store out of reach (private PostgreSQL)', { timeout: 120_000 }, () => {
  let server: PrivatePostgres
  let pool: pg.Pool
  beforeAll(async () => {
    server = await startPrivatePostgres(bin!)
    pool = new pg.Pool({ connectionString: server.url, max: 3, connectionTimeoutMillis: 2000 })
    // An idle client whose server goes away emits an error: the pool drops it, the store must not crash.
    pool.on('error', () => undefined)
  })
  afterAll(async () => {
    await pool?.end()
    server?.destroy()
  })

  it('is a 503 to the client (never SQL) while it is down, a query error stays one, and the pool reconnects by itself', async () => {
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    // A wrong query is the code's fault, not the store's absence: not a 503.
    expect(storeFailure(await rejection(pool.query('SELECT * FROM no_such_table')))).toBeUndefined()

    // A connection checked out while the server stops: it is cut under its holder.
    const held = await pool.connect()
    held.on('error', () => undefined)
    server.stop()
    const cut = await rejection(held.query('SELECT 1'))
    held.release(true)
    const refused = await rejection(pool.query('SELECT 1'))
    for (const error of [cut, refused]) {
      const failure = storeFailure(error)
      expect(failure?.error, String(error)).toBe('store_unavailable')
      expect(failure!.message).not.toMatch(/SELECT|ECONN|127\.0\.0\.1|5432|postgres/i)
    }

    server.start()
    expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
  })

  it('the editorial store reports its pool, listener and migrations, says when it cannot answer, and recovers by itself', async () => {
    const url = await server.createDatabase('health')
    const store = await openEditorialStore(url)
    try {
      const up = await store.health!()
      expect(up.answers).toBe(true)
      expect(up.listener.listening).toBe(true)
      expect(up.migrations!.applied).toBe(up.migrations!.expected)
      expect(up.migrations!.latest).toMatch(/^2026-/)
      expect(up.pool.max).toBe(10)
      expect(up.pool.total).toBeGreaterThan(0)

      server.stop()
      const read = store.all(store.db.selectFrom('account').selectAll())
      const failure = storeFailure(await rejection(read))
      expect(failure?.error).toBe('store_unavailable')
      const down = await store.health!()
      expect(down.answers).toBe(false)
      expect(down.migrations).toBeNull()
      for (let n = 0; n < 100 && (await store.health!()).listener.listening; n++) await new Promise((resolve) => setTimeout(resolve, 20))
      expect((await store.health!()).listener.listening).toBe(false)

      server.start()
      expect(await store.all(store.db.selectFrom('account').selectAll())).toEqual([])
      for (let n = 0; n < 250 && !(await store.health!()).listener.listening; n++) await new Promise((resolve) => setTimeout(resolve, 20))
      const again = await store.health!()
      expect(again.answers).toBe(true)
      expect(again.listener.listening).toBe(true)
    } finally {
      await store.close()
    }
  })
})
