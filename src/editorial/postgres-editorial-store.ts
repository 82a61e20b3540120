import { setTimeout as sleep } from 'node:timers/promises'
import { Kysely, PostgresDialect, type Compilable, type Transaction } from 'kysely'
import pg from 'pg'
import type { EditorialDatabase } from './editorial-database.js'
import { EditorialStoreUnavailableError } from './editorial-errors.js'
import { migrateEditorialStore } from './migrate-editorial-store.js'
import type { EditorialStore, EditorialStoreOptions } from './open-editorial-store.js'
import { currentTransaction, inTransaction, isWrite } from './transaction-scope.js'

/** How often another process's publication is looked for (a notification, when there is one, is faster). */
const pollMs = 100
/** Attempts of a transaction that meets a serialization failure or deadlock before the error stands. */
const attempts = 10

// count(*) and other bigints come back as numbers, as SQLite gives them (the store's counts stay far below 2^53).
const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => oid === 20 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser }

/** Whether a PostgreSQL error means "run the transaction again": a serialization failure, a deadlock, or a unique key another transaction took meanwhile. */
const retryable = (error: unknown) => ['40001', '40P01', '23505'].includes((error as { code?: string }).code ?? '')

/** Whether an error means the server cannot be reached or went away (connection refused or lost, shutting down, too many clients). */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? ''
  return /^(08|57P|53)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(code)
    || /Connection terminated|connection timeout|Client has encountered a connection error/i.test((error as Error)?.message ?? '')
}

/** A lost or refused connection becomes the named error (503 to a client); anything else stays as it is. */
const mapped = (error: unknown) => unreachable(error) ? new EditorialStoreUnavailableError(error) : error

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
  const db = new Kysely<EditorialDatabase>({ dialect: new PostgresDialect({ pool }) })
  try {
    await migrateEditorialStore(db, 'postgres')
  } catch (error) {
    await db.destroy()
    throw mapped(error)
  }
  return postgresStore(url, db)
}

async function postgresStore(url: string, db: Kysely<EditorialDatabase>): Promise<EditorialStore> {
  let writes = 0
  let generation = 0
  let closed = false
  const execute = async <T>(runner: Kysely<EditorialDatabase>, query: Compilable<T>) => {
    const compiled = query.compile()
    if (isWrite(compiled)) writes += 1
    try {
      return await runner.executeQuery(compiled)
    } catch (error) {
      throw mapped(error)
    }
  }
  const runOn = async (runner: Kysely<EditorialDatabase>, query: Compilable<unknown>) => {
    const result = await execute(runner, query)
    const first = result.rows[0] as { id?: unknown } | undefined
    return { changes: Number(result.numAffectedRows ?? result.rows.length), insertId: Number(first?.id ?? 0) }
  }
  const txStore = (trx: Transaction<EditorialDatabase>): EditorialStore => {
    const tx: EditorialStore = {
      engine: 'postgres', path: null, location: redacted(url), db,
      get writes() { return writes },
      get generation() { return generation },
      refreshGeneration: () => root.refreshGeneration(),
      all: async (query) => (await execute(trx, query)).rows,
      first: async (query) => (await execute(trx, query)).rows[0],
      run: (query) => runOn(trx, query),
      transaction: (fn) => fn(tx),
      close: () => root.close(),
    }
    return tx
  }
  const readGeneration = async (runner: Kysely<EditorialDatabase>) =>
    Number((await execute(runner, db.selectFrom('publication').select((eb) => eb.fn.max('id').as('id')))).rows[0]?.id ?? 0)

  let refreshing: Promise<number> | undefined
  const root: EditorialStore = {
    engine: 'postgres', path: null, location: redacted(url), db,
    get writes() { return writes },
    get generation() { return generation },
    refreshGeneration: () => {
      refreshing ??= readGeneration(db).then((value) => {
        generation = value
        return value
      }).finally(() => { refreshing = undefined })
      return refreshing
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
    transaction: async <T>(fn: (tx: EditorialStore) => Promise<T>) => {
      const open = currentTransaction(root)
      if (open) return fn(open)
      for (let attempt = 1; ; attempt++) {
        const before = writes
        try {
          const result = await db.transaction().setIsolationLevel('serializable').execute((trx) => inTransaction(root, txStore(trx), fn))
          if (writes !== before) await root.refreshGeneration()
          return result
        } catch (error) {
          if (!retryable(error) || attempt >= attempts) throw mapped(error)
          await sleep(Math.floor(Math.random() * 10 * attempt))
        }
      }
    },
    close: async () => {
      closed = true
      clearInterval(timer)
      await refreshing?.catch(() => undefined)
      await db.destroy()
    },
  }
  generation = await readGeneration(db)
  // Another process's publication: looked for by a light poll (the replica half adds LISTEN/NOTIFY).
  const timer = setInterval(() => {
    if (!closed && !refreshing) root.refreshGeneration().catch(() => undefined)
  }, pollMs)
  timer.unref()
  return root
}
