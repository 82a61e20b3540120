import { existsSync } from 'node:fs'
import type { EditorialStore } from './open-editorial-store.js'

/** The backup file exists already: a backup never overwrites a file. */
export class BackupExistsError extends Error {
  override readonly name = 'BackupExistsError'
  constructor(readonly path: string) {
    super(`${path} exists already; choose a new file (a backup never overwrites one)`)
  }
}

/**
 * Copies the editorial store to a new file with SQLite's online backup: a
 * consistent copy even while servers write to the store.
 */
export async function backupEditorialStore(store: EditorialStore, out: string): Promise<{ pages: number }> {
  if (existsSync(out)) throw new BackupExistsError(out)
  const result = await store.sqlite.backup(out)
  return { pages: result.totalPages }
}
