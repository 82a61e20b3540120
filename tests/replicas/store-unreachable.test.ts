import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeFailure } from '../../src/store/store-failure.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from './private-postgres.js'

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
      expect(failure?.error, String(error)).toBe('store_unreachable')
      expect(failure!.message).not.toMatch(/SELECT|ECONN|127\.0\.0\.1|5432|postgres/i)
    }

    server.start()
    expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }])
  })
})
