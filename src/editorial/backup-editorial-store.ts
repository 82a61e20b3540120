import { existsSync } from 'node:fs'
import type { EditorialStore } from './open-editorial-store.js'
import { sqliteHandle } from './sqlite-editorial-store.js'

/** The backup file exists already: a backup never overwrites a file. */
export class BackupExistsError extends Error {
  override readonly name = 'BackupExistsError'
  constructor(readonly path: string) {
    super(`${path} exists already; choose a new file (a backup never overwrites one)`)
  }
}

/**
 * Copies a SQLite editorial store to a new file with SQLite's online backup: a
 * consistent copy even while servers write to the store.
 */
export async function backupEditorialStore(store: EditorialStore, out: string): Promise<{ pages: number }> {
  const sqlite = sqliteHandle(store)
  if (!sqlite) throw new Error('a PostgreSQL editorial store is backed up with pg_dump (see README, "PostgreSQL"), not with this command')
  if (existsSync(out)) throw new BackupExistsError(out)
  const result = await sqlite.backup(out)
  return { pages: result.totalPages }
}
