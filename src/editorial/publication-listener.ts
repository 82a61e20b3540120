import { sql } from 'kysely'
import pg from 'pg'
import type { EditorialStore } from './open-editorial-store.js'

/** The channel a publication is announced on; the payload is the new publication's id. */
export const publicationChannel = 'open_akkoord_publication'

/**
 * Announces a publication to every replica of a PostgreSQL store. Called
 * inside the transaction that inserts the publication row: PostgreSQL
 * delivers the notification at commit, and never for a transaction rolled
 * back. On SQLite it does nothing (other processes notice data_version).
 */
export async function notifyPublication(store: EditorialStore, publicationId: number): Promise<void> {
  if (store.engine !== 'postgres') return
  await store.first(store.db.selectNoFrom((eb) => eb.fn<string>('pg_notify', [eb.val(publicationChannel), eb.val(String(publicationId))]).as('sent')))
}

/** The channel a reporting round opened or closed is announced on; the payload is the store's new round state. */
const roundChannel = 'open_akkoord_round'

/** What the reporting rounds look like to the public, as one number that only grows (see EditorialStore.roundState). */
export const roundStateSql = 'SELECT (2 * count(*) + count(closed_at))::bigint AS rounds FROM reporting_round'

/**
 * Announces a reporting round opened or closed to every replica, as
 * notifyPublication does a publication: called inside the transaction that
 * wrote it, delivered at commit. On SQLite it does nothing.
 */
export async function notifyRounds(store: EditorialStore): Promise<void> {
  if (store.engine !== 'postgres') return
  // The state as this transaction leaves it: delivered at its commit, so no replica sees a number ahead of the rows.
  await store.first(store.db.selectNoFrom((eb) => eb.fn<string>('pg_notify', [eb.val(roundChannel), sql<string>`(${sql.raw(roundStateSql)})::text`]).as('sent')))
}

/** The query the fallback poll and every (re)connection make: one index lookup (and, with rounds, a count of a few rows). */
const readGeneration = 'SELECT coalesce(max(id), 0)::bigint AS id FROM publication'
const readBoth = `SELECT coalesce(max(id), 0)::bigint AS id, (${roundStateSql}) AS rounds FROM publication`

/** The publication generation of a PostgreSQL store as this process knows it, kept current without a query per use. */
export interface PublicationListener {
  /** The highest publication id seen: read from memory, costs nothing. */
  readonly generation: number
  /** The round state (with the `rounds` option; else 0), kept the same way. */
  readonly roundState: number
  /** Whether the listening connection is up (for /readyz); while it is down the value may lag. */
  readonly listening: boolean
  /** When the generation was last confirmed by the server (a notification or a poll), ms since the epoch. */
  readonly confirmedAt: number
  /** Raises the generation to at least `id`: this process's own publication, known at its commit. */
  advance(id: number): void
  /** Reads the generation from the server now. */
  refresh(): Promise<number>
  /** Calls `listener` with each new generation (and each new round state); returns a function that stops the calls. */
  onChange(listener: (generation: number, roundState: number) => void): () => void
  close(): Promise<void>
}

export interface ListenOptions {
  /** The store's connection settings (EDITORIAL_DATABASE_URL). */
  connectionString: string
  /** Also follow the reporting rounds (the editorial store does; a bare publication table does not have them). */
  rounds?: boolean
  /** The fallback poll's period: catches a notification lost with a connection. Default 2000 ms. */
  pollMs?: number
  /** The first wait before reconnecting; doubled after each failure up to `maxRetryMs`. Default 100 ms. */
  retryMs?: number
  maxRetryMs?: number
  /** Told of a lost connection or a failed poll (logged by the server); the listener recovers by itself. */
  onError?: (error: Error) => void
}

/**
 * Keeps the publication generation of a PostgreSQL editorial store in memory.
 * One dedicated connection LISTENs on {@link publicationChannel}: every
 * publication NOTIFYs in its own transaction (see notifyPublication), so
 * each replica learns of it as it commits. A notification sent while the
 * connection is down is lost, so a poll of max(publication.id) runs every
 * few seconds and at every reconnection; a lost connection is remade with
 * backoff, for ever, until close().
 */
export async function listenForPublications(options: ListenOptions): Promise<PublicationListener> {
  const pollMs = options.pollMs ?? 2000
  const firstRetryMs = options.retryMs ?? 100
  const maxRetryMs = options.maxRetryMs ?? 5000
  const listeners = new Set<(generation: number, roundState: number) => void>()
  const query = options.rounds ? readBoth : readGeneration
  let generation = 0
  let roundState = 0
  let confirmedAt = 0
  let client: pg.Client | null = null
  let closed = false
  let retryMs = firstRetryMs
  let reconnect: NodeJS.Timeout | undefined

  const tell = () => { for (const listener of listeners) listener(generation, roundState) }
  const raise = (id: number) => {
    if (!Number.isSafeInteger(id) || id <= generation) return
    generation = id
    tell()
  }
  const raiseRounds = (state: number) => {
    if (!Number.isSafeInteger(state) || state <= roundState) return
    roundState = state
    tell()
  }
  /** A row of the poll's query: the generation, and the round state when followed. */
  const readRow = (row: { id: string; rounds?: string }) => {
    if (row.rounds !== undefined) raiseRounds(Number(row.rounds))
    raise(Number(row.id))
  }
  const report = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)))

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.connectionString, application_name: 'open-akkoord publication listener', keepAlive: true })
    // An error event on an idle client (the server went away) would otherwise be thrown: it means reconnect.
    next.on('error', (error) => lost(next, error))
    next.on('end', () => lost(next, new Error('the publication listener\'s connection ended')))
    next.on('notification', (message) => {
      if (message.channel === roundChannel) return raiseRounds(Number(message.payload))
      if (message.channel !== publicationChannel) return
      confirmedAt = Date.now()
      raise(Number(message.payload))
    })
    await next.connect()
    try {
      await next.query(`LISTEN ${publicationChannel}`)
      if (options.rounds) await next.query(`LISTEN ${roundChannel}`)
      // Listening before reading: a publication committed in between is either read here or notified.
      const { rows } = await next.query<{ id: string; rounds?: string }>(query)
      // Closed while this reconnection was under way: nobody will end it but us.
      if (closed) throw new Error('the publication listener was closed')
      client = next
      retryMs = firstRetryMs
      confirmedAt = Date.now()
      readRow(rows[0]!)
    } catch (error) {
      next.removeAllListeners('end')
      await next.end().catch(() => undefined)
      throw error
    }
  }

  const lost = (which: pg.Client, error: Error) => {
    if (closed || (client !== null && client !== which)) return
    if (client === which) {
      client = null
      report(error)
      which.removeAllListeners('end')
      void which.end().catch(() => undefined)
    }
    scheduleReconnect()
  }

  const scheduleReconnect = () => {
    if (closed || reconnect) return
    reconnect = setTimeout(() => {
      reconnect = undefined
      connect().catch((error: unknown) => {
        report(error)
        retryMs = Math.min(maxRetryMs, retryMs * 2)
        scheduleReconnect()
      })
    }, retryMs)
    reconnect.unref()
  }

  const refresh = async (): Promise<number> => {
    if (!client) throw new Error('the publication listener is not connected')
    const { rows } = await client.query<{ id: string; rounds?: string }>(query)
    confirmedAt = Date.now()
    readRow(rows[0]!)
    return generation
  }

  await connect()
  const poll = setInterval(() => {
    if (client) refresh().catch(report)
  }, pollMs)
  poll.unref()

  return {
    get generation() { return generation },
    get roundState() { return roundState },
    get listening() { return client !== null },
    get confirmedAt() { return confirmedAt },
    advance: raise,
    refresh,
    onChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {
      closed = true
      clearInterval(poll)
      clearTimeout(reconnect)
      const last = client
      client = null
      if (last) {
        last.removeAllListeners('end')
        await last.end().catch(() => undefined)
      }
    },
  }
}
