import type SQLite from 'better-sqlite3'
import { migrationNames } from './migrate-to-latest.js'
import { openDatabase, type Store } from './open-database.js'

/** A database file that must not be served or published from: names the file and what is wrong. */
export class DatabaseCheckError extends Error {
  override readonly name = 'DatabaseCheckError'

  constructor(readonly path: string, readonly problem: string) {
    super(`${path}: ${problem}`)
  }
}

/** What is wrong with an open database, or undefined when it may be served. */
function problemOf(sqlite: SQLite.Database): string | undefined {
  // integrity_check rather than quick_check: it also finds an index whose entries no longer match the rows.
  let findings: string[]
  try {
    const integrity = sqlite.pragma('integrity_check(5)', { simple: false }) as { integrity_check: string }[]
    findings = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok')
  } catch (error) {
    // A page too damaged to walk stops the check itself ("database disk image is malformed", "file is not a database").
    findings = [(error as Error).message]
  }
  if (findings.length > 0) return `fails SQLite's integrity check: ${findings.join('; ')}`
  const hasTable = (name: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  if (!hasTable('kysely_migration') || !hasTable('agreement')) return 'is not an Open Akkoord database (its tables are missing)'
  const applied = (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map((row) => row.name)
  if (applied.join('\n') !== [...migrationNames].sort().join('\n')) {
    return `has schema version ${applied.at(-1) ?? '(none)'}, this version of the server expects ${migrationNames.at(-1)}; run \`npm run db:build\``
  }
  const agreements = (sqlite.prepare('SELECT count(*) AS n FROM agreement').get() as { n: number }).n
  if (agreements === 0) return 'holds no agreement'
  return undefined
}

/**
 * Opens a database read-only and checks it before anything is served or
 * published from it: SQLite's integrity check, the schema version this code
 * expects, and at least one agreement. A truncated, empty, foreign or corrupt
 * file is refused with a DatabaseCheckError, and its handle closed.
 */
export function openCheckedDatabase(path: string): Store {
  let store: Store
  try {
    store = openDatabase(path, { readonly: true })
  } catch (error) {
    throw new DatabaseCheckError(path, `cannot be opened (${(error as Error).message})`)
  }
  let problem: string | undefined
  try {
    problem = problemOf(store.sqlite)
  } catch (error) {
    problem = `cannot be read (${(error as Error).message})`
  }
  if (problem) {
    store.sqlite.close()
    throw new DatabaseCheckError(path, problem)
  }
  return store
}
