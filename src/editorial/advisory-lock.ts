import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { EditorialDatabase } from './editorial-database.js'

/** The 64-bit key PostgreSQL's advisory locks take, derived from a readable name so every replica agrees on it. */
export function advisoryKey(name: string): bigint {
  return createHash('sha256').update(name).digest().readBigInt64BE(0)
}

/** A named lock no replica took within the time allowed. */
class AdvisoryLockTimeout extends Error {
  readonly code = 'ADVISORY_LOCK_TIMEOUT'
  constructor(name: string, timeoutMs: number) {
    super(`the lock ${JSON.stringify(name)} stayed held by another process for ${timeoutMs} ms`)
    this.name = 'AdvisoryLockTimeout'
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` while this process holds the PostgreSQL advisory lock `name`,
 * on one connection of `db`'s pool kept for the purpose: of several replicas
 * deciding at once one runs, the others wait their turn (polling
 * pg_try_advisory_lock, so no connection sits blocked in the server). A
 * session lock ends with its connection: a holder killed with SIGKILL frees it
 * as PostgreSQL notices the closed socket, and the next replica goes ahead.
 */
export async function withAdvisoryLock<T>(db: Kysely<EditorialDatabase>, name: string, work: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const key = advisoryKey(name)
  return db.connection().execute(async (connection) => {
    const deadline = Date.now() + timeoutMs
    for (let wait = 20; ; wait = Math.min(500, wait * 2)) {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${key}) AS locked`.execute(connection)
      if (rows[0]!.locked) break
      if (Date.now() > deadline) throw new AdvisoryLockTimeout(name, timeoutMs)
      await pause(wait)
    }
    try {
      return await work()
    } finally {
      await sql`SELECT pg_advisory_unlock(${key})`.execute(connection)
    }
  })
}
