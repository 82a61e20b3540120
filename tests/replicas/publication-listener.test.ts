import { Kysely, PostgresDialect, sql, type Generated, type Transaction } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listenForPublications, publicationChannel, type PublicationListener } from '../../src/editorial/publication-listener.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../../bench/private-postgres.js'

const bin = postgresBinaries()
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Waits until `listener` holds `generation`; returns how long that took (ms), or throws after `boundMs`. */
async function seen(listener: PublicationListener, generation: number, boundMs: number): Promise<number> {
  const started = performance.now()
  while (listener.generation < generation) {
    if (performance.now() - started > boundMs) throw new Error(`generation ${generation} not seen within ${boundMs} ms (have ${listener.generation})`)
    await pause(5)
  }
  return performance.now() - started
}

interface Table { publication: { id: Generated<string> } }

/** What the store's notifyPublication sends, inside the publishing transaction. */
const notifyPublication = (tx: Transaction<Table>, id: number) => sql`SELECT pg_notify(${publicationChannel}, ${String(id)})`.execute(tx)

describe.skipIf(bin === null)('the publication generation pushed by LISTEN/NOTIFY (private PostgreSQL)', { timeout: 120_000 }, () => {
  let server: PrivatePostgres
  let url: string
  let db: Kysely<Table>
  const listeners: PublicationListener[] = []

  /** Publishes as the store does: the row and the notification in one transaction. */
  const publish = (notify = true) => db.transaction().execute(async (tx) => {
    const row = await tx.insertInto('publication').defaultValues().returning('id').executeTakeFirstOrThrow()
    if (notify) await notifyPublication(tx, Number(row.id))
    return Number(row.id)
  })

  beforeAll(async () => {
    server = await startPrivatePostgres(bin!)
    url = await server.createDatabase('listener')
    db = new Kysely<Table>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) })
    // The shape of the editorial store's table as far as the generation goes: an identity column.
    await db.schema.createTable('publication').addColumn('id', 'bigserial', (c) => c.primaryKey()).execute()
  })
  afterAll(async () => {
    for (const listener of listeners) await listener.close()
    await db?.destroy()
    server?.destroy()
  })

  it('tells three replicas of a publication at once, and costs no query between publications', async () => {
    for (let n = 0; n < 3; n++) listeners.push(await listenForPublications({ connectionString: url, pollMs: 60_000 }))
    expect(listeners.map((l) => l.generation)).toEqual([0, 0, 0])
    const first = await publish()
    const second = await publish()
    // The poll is a minute away: only the notifications can have told them.
    for (const listener of listeners) expect(await seen(listener, second, 1000)).toBeLessThan(1000)
    expect(listeners.map((l) => l.generation)).toEqual([second, second, second])
    expect(second).toBe(first + 1)

    // Between publications the value is memory: count the queries any pg client makes meanwhile.
    const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
    const query = prototype.query
    let queries = 0
    prototype.query = function (this: unknown, ...args: unknown[]) { queries += 1; return query.apply(this, args) }
    try {
      for (let n = 0; n < 100_000; n++) void listeners[n % 3]!.generation
    } finally {
      prototype.query = query
    }
    expect(queries).toBe(0)
  })

  it('a rolled-back publication is not announced; one committed without a notification is found by the poll', async () => {
    const polled = await listenForPublications({ connectionString: url, pollMs: 150 })
    listeners.push(polled)
    const start = polled.generation
    await db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('publication').defaultValues().returning('id').executeTakeFirstOrThrow()
      await notifyPublication(tx, Number(row.id))
      throw new Error('rolled back')
    }).catch(() => undefined)
    await pause(300)
    expect(polled.generation).toBe(start)
    const silent = await publish(false)
    expect(await seen(polled, silent, 2000)).toBeLessThan(2000)
  })

  it('survives the server stopping: reconnects by itself and catches up on what was published meanwhile', async () => {
    const listener = await listenForPublications({ connectionString: url, pollMs: 60_000, retryMs: 50, maxRetryMs: 300 })
    listeners.push(listener)
    const errors: Error[] = []
    const other = await listenForPublications({ connectionString: url, pollMs: 60_000, retryMs: 50, maxRetryMs: 300, onError: (e) => errors.push(e) })
    listeners.push(other)
    expect(listener.listening).toBe(true)
    await db.destroy()
    server.stop()
    for (let n = 0; n < 100 && listener.listening; n++) await pause(20)
    expect(listener.listening).toBe(false)
    expect(errors.length).toBeGreaterThan(0)
    await pause(500)
    server.start()
    // A publication made before the listeners are back: no notification reaches them, the reconnection's read does.
    db = new Kysely<Table>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) })
    const missed = await publish()
    expect(await seen(listener, missed, 5000)).toBeLessThan(5000)
    expect(await seen(other, missed, 5000)).toBeLessThan(5000)
    for (let n = 0; n < 100 && !listener.listening; n++) await pause(20)
    expect(listener.listening).toBe(true)
    // Listening again: the next publication is pushed.
    const next = await publish()
    expect(await seen(listener, next, 1000)).toBeLessThan(1000)
  })
})
