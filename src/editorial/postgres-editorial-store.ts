import { setTimeout as sleep } from 'node:timers/promises'
import { Kysely, PostgresDialect, sql, type Compilable, type Transaction } from 'kysely'
import pg from 'pg'
import type { EditorialDatabase } from './editorial-database.js'
import { EditorialStoreDiskError, EditorialStoreUnavailableError, WriteInReadOnlyTransactionError } from './editorial-errors.js'
import { migrateEditorialStore, migrationNames } from './migrate-editorial-store.js'
import { listenForPublications, roundStateSql, type PublicationListener } from './publication-listener.js'
import type { EditorialStore, EditorialStoreOptions, StoreHealth } from './open-editorial-store.js'
import { currentTransaction, inTransaction, isWrite, joinTransaction, writesRows, type TransactionOptions } from './transaction-scope.js'

/** Attempts of a transaction that meets a serialization failure or deadlock before the error stands. */
const attempts = 10

// count(*) and other bigints come back as numbers, as SQLite gives them (the store's counts stay far below 2^53).
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser }

/** Whether a PostgreSQL error means "run the transaction again": a serialization failure, a deadlock, or a unique key another transaction took meanwhile. */
const retryable = (error: unknown) => ['40001', '40P01', '23505'].includes((error as { code?: string }).code ?? '')

/** What a refusal by the server's disk is: 53100 disk full, 25006 a read-only server (a standby), 58030 an I/O error. */
const diskCodes = { '53100': 'STORE_FULL', '25006': 'STORE_READ_ONLY', '58030': 'STORE_IO_ERROR' } as const

/** Whether an error means the server cannot be reached or went away (connection refused or lost, shutting down, too many clients). */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  return /^(08|57P|53[02-9])/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(code)
    || /Connection terminated|connection timeout|Client has encountered a connection error/i.test((error as Error)?.message ?? '')
}

/** A lost or refused connection, or a refusing disk, becomes its named error (503 or 507 to a client); anything else stays as it is. */
function mapped(error: unknown): unknown {
  const disk = diskCodes[((error as { code?: string } | null)?.code ?? '') as keyof typeof diskCodes]
  if (disk) return new EditorialStoreDiskError(disk, error)
  return unreachable(error) ? new EditorialStoreUnavailableError(error) : error
}

/** The URL with its password hidden, for logs and messages. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres://(unparsable URL)'
  }
}

/**
 * The PostgreSQL engine: a `pg` pool under Kysely's PostgresDialect. A
 * transaction is SERIALIZABLE and runs again (with a short random pause) when
 * PostgreSQL refuses it for a conflict with a concurrent one, so the races the
 * SQLite engine rules out by its single writer are ruled out here too.
 */
export async function openPostgresStore(url: string, options: EditorialStoreOptions): Promise<EditorialStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types, connectionTimeoutMillis: 5000 })
  // An idle client losing its connection must not crash the process: the next query reconnects.
  pool.on('error', () => undefined)
  // Nor one losing it while checked out (a query in flight as the server stops): pg emits 'error' on the client,
  // which the pool listens to only while the client is idle. The query fails (503), the pool drops the client.
  pool.on('connect', (client) => client.on('error', () => undefined))
  const db = new Kysely<EditorialDatabase>({ dialect: new PostgresDialect({ pool }) })
  try {
    await migrateEditorialStore(db, 'postgres')
  } catch (error) {
    await db.destroy()
    throw mapped(error)
  }
  return postgresStore(url, db, pool)
}

async function postgresStore(url: string, db: Kysely<EditorialDatabase>, pool: pg.Pool): Promise<EditorialStore> {
  let writes = 0
  let generation = 0
  let roundState = 0
  let closed = false
  const changeListeners = new Set<() => void>()
  /** Raises the generation and round state (neither ever goes back: a read may be older than a notification), telling who listens. */
  const raise = (value: number, rounds: number) => {
    if (value <= generation && rounds <= roundState) return
    generation = Math.max(generation, value)
    roundState = Math.max(roundState, rounds)
    if (!closed) for (const listener of changeListeners) listener()
  }
  const execute = async <T>(runner: Kysely<EditorialDatabase>, query: Compilable<T>, readOnly = false) => {
    const compiled = query.compile()
    if (readOnly && writesRows(compiled)) throw new WriteInReadOnlyTransactionError()
    if (isWrite(compiled)) writes += 1
    try {
      return await runner.executeQuery(compiled)
    } catch (error) {
      throw mapped(error)
    }
  }
  const runOn = async (runner: Kysely<EditorialDatabase>, query: Compilable<unknown>, readOnly = false) => {
    const result = await execute(runner, query, readOnly)
    const first = result.rows[0] as { id?: unknown } | undefined
    return { changes: Number(result.numAffectedRows ?? result.rows.length), insertId: Number(first?.id ?? 0) }
  }
  const txStore = (trx: Transaction<EditorialDatabase>, readOnly: boolean): EditorialStore => {
    const tx: EditorialStore = {
      engine: 'postgres', path: null, location: redacted(url), db,
      get writes() { return writes },
      get generation() { return generation },
      get roundState() { return roundState },
      refreshGeneration: () => root.refreshGeneration(),
      all: async (query) => (await execute(trx, query, readOnly)).rows,
      first: async (query) => (await execute(trx, query, readOnly)).rows[0],
      run: (query) => runOn(trx, query, readOnly),
      transaction: (fn, options) => joinTransaction(root, fn, options) ?? fn(tx),
      close: () => root.close(),
    }
    return tx
  }
  const readGeneration = async (runner: Kysely<EditorialDatabase>) => {
    const row = (await execute(runner, db.selectFrom('publication')
      .select((eb) => [eb.fn.max('id').as('id'), sql<number>`(${sql.raw(roundStateSql)})`.as('rounds')]))).rows[0]
    raise(Number(row?.id ?? 0), Number(row?.rounds ?? 0))
    return generation
  }

  let refreshing: Promise<number> | undefined
  const root: EditorialStore = {
    engine: 'postgres', path: null, location: redacted(url), db,
    get writes() { return writes },
    get generation() { return generation },
    get roundState() { return roundState },
    refreshGeneration: () => {
      refreshing ??= readGeneration(db).finally(() => { refreshing = undefined })
      return refreshing
    },
    onPublicStateChange: (listener) => {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    all: async (query) => currentTransaction(root)?.all(query) ?? (await execute(db, query)).rows,
    first: async (query) => currentTransaction(root)?.first(query) ?? (await execute(db, query)).rows[0],
    run: async (query) => {
      const open = currentTransaction(root)
      if (open) return open.run(query)
      const result = await runOn(db, query)
      await root.refreshGeneration()
      return result
    },
    transaction: async <T>(fn: (tx: EditorialStore) => Promise<T>, options: TransactionOptions = {}) => {
      const joined = joinTransaction(root, fn, options)
      if (joined) return joined
      const readOnly = options.readOnly === true
      // A read-only transaction under REPEATABLE READ sees one snapshot and is never refused for a conflict with writers.
      const begin = readOnly ? db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only') : db.transaction().setIsolationLevel('serializable')
      for (let attempt = 1; ; attempt++) {
        const before = writes
        try {
          const result = await begin.execute((trx) => inTransaction(root, txStore(trx, readOnly), fn, readOnly))
          if (writes !== before) await root.refreshGeneration()
          return result
        } catch (error) {
          if (!retryable(error) || attempt >= attempts) throw mapped(error)
          await sleep(Math.floor(Math.random() * 10 * attempt))
        }
      }
    },
    health: () => storeHealth(db, pool, listener),
    close: async () => {
      closed = true
      changeListeners.clear()
      await listener.close()
      await refreshing?.catch(() => undefined)
      await db.destroy()
    },
  }
  await readGeneration(db)
  // Another process's publication is pushed by its NOTIFY; the listener's own poll, every few seconds, catches one lost with a connection.
  const listener = await listenForPublications({ connectionString: url, rounds: true })
  listener.onChange((value, rounds) => {
    if (!closed) raise(value, rounds)
  })
  return root
}

/** The store's state for /readyz: one query (the applied migrations), bounded by the pool's connection timeout. */
async function storeHealth(db: Kysely<EditorialDatabase>, pool: pg.Pool, listener: PublicationListener): Promise<StoreHealth> {
  const expected = migrationNames('postgres')
  let migrations: StoreHealth['migrations'] = null
  try {
    const applied = (await sql<{ name: string }>`SELECT name FROM editorial_migration ORDER BY name`.execute(db)).rows.map((r) => r.name)
    migrations = { applied: applied.length, expected: expected.length, latest: applied.at(-1) ?? null }
  } catch {
    // Out of reach: answers is false, and the rest says what the process holds.
  }
  return {
    answers: migrations !== null,
    pool: { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max },
    listener: { listening: listener.listening, confirmedAt: listener.confirmedAt > 0 ? new Date(listener.confirmedAt).toISOString() : null },
    migrations,
  }
}
