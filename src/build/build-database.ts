import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { sql } from 'kysely'
import { checkAgreementData } from '../data/check-agreement-data.js'
import { DataError, DataErrors } from '../data/data-error.js'
import { readAgreementData, type AgreementData } from '../data/read-agreement-data.js'
import { SourceDocument } from '../source/source-document.js'
import { fillSearchIndex, rebuildSearchIndex } from '../store/fill-search-index.js'
import { insertAgreement } from '../store/insert-agreement.js'
import { linkActionDistricts } from '../store/link-action-districts.js'
import { curatedDistricts } from '../data/curated-districts.js'
import { migrateToLatest } from '../store/migrate-to-latest.js'
import { openDatabase } from '../store/open-database.js'

/** Where the build reads its data and writes its database. */
export interface BuildOptions {
  /** Folder holding one sub-folder per agreement (db/data). */
  dataDir: string
  /** The database file to (re)place. */
  databasePath: string
  /** The folder paths in the data files are relative to (the project root). */
  root: string
}

/** What a build produced. */
export interface BuildResult {
  agreements: string[]
  databasePath: string
}

/** One agreement's checked data with the source text it quotes. */
export interface LoadedAgreement {
  data: AgreementData
  source: SourceDocument
}

/**
 * Validates every agreement under dataDir and builds the database into a
 * temporary file beside the target, renamed into place only when complete.
 * Any problem throws (DataErrors for data problems) and leaves an existing
 * database untouched.
 */
export async function buildDatabase(options: BuildOptions): Promise<BuildResult> {
  return writeDatabase(loadAgreements(options), options.databasePath)
}

/**
 * Writes agreements that are already checked into a new database file, atomically.
 * Takes any iterable, so a generator can feed thousands of agreements without
 * holding them all in memory.
 */
export async function writeDatabase(agreements: Iterable<LoadedAgreement>, databasePath: string): Promise<BuildResult> {
  const target = resolve(databasePath)
  const temporary = join(dirname(target), `.build-${basename(target)}-${process.pid}-${Date.now()}`)
  const store = openDatabase(temporary)
  const slugs: string[] = []
  try {
    await migrateToLatest(store.db)
    await store.db.transaction().execute(async (trx) => {
      let version = ''
      for (const { data, source } of agreements) {
        const id = await insertAgreement(trx, data, source)
        await linkActionDistricts(trx, id, curatedDistricts(data))
        await fillSearchIndex(trx, id)
        slugs.push(data.agreement.data.slug)
        if (data.agreement.data.data_version > version) version = data.agreement.data.data_version
      }
      await rebuildSearchIndex(trx)
      // Kysely stamps migrations with the clock; the data version keeps the file byte-identical between builds.
      await sql`UPDATE kysely_migration SET timestamp = ${`${version}T00:00:00.000Z`}`.execute(trx)
    })
    const violations = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(store.db)
    if (violations.rows.length > 0) throw new Error(`foreign key check failed in ${violations.rows[0]!.table}`)
    await sql`VACUUM`.execute(store.db)
    await store.db.destroy()
    renameSync(temporary, target)
  } catch (error) {
    await store.db.destroy().catch(() => {})
    rmSync(temporary, { force: true })
    throw error
  }
  return { agreements: slugs, databasePath: target }
}

/** Reads and checks every agreement folder, gathering all problems before failing. */
export function loadAgreements(options: BuildOptions): LoadedAgreement[] {
  const folders = agreementFolders(options.dataDir)
  if (folders.length === 0) throw new DataErrors([new DataError(options.dataDir, '(folder)', 'holds no agreement folders with an agreement.yaml')])
  const errors: DataError[] = []
  const loaded: LoadedAgreement[] = []
  for (const folder of folders) {
    try {
      const data = readAgreementData(folder, options.root)
      const sourcePath = resolve(options.root, data.agreement.data.source.file)
      if (!existsSync(sourcePath)) {
        errors.push(new DataError(data.agreement.file, 'source', `source file ${data.agreement.data.source.file} does not exist`))
        continue
      }
      const source = SourceDocument.read(sourcePath)
      errors.push(...checkAgreementData(data, source))
      loaded.push({ data, source })
    } catch (error) {
      if (error instanceof DataErrors) errors.push(...error.errors)
      else throw error
    }
  }
  const slugs = new Map<string, string>()
  for (const { data } of loaded) {
    const slug = data.agreement.data.slug
    if (slugs.has(slug)) errors.push(new DataError(data.agreement.file, `agreement ${slug}`, `duplicate slug (also in ${slugs.get(slug)})`))
    slugs.set(slug, data.agreement.file)
  }
  if (errors.length > 0) throw new DataErrors(errors)
  return loaded
}

function agreementFolders(dataDir: string): string[] {
  if (!existsSync(dataDir)) return []
  return readdirSync(dataDir)
    .sort()
    .map((name) => join(dataDir, name))
    .filter((path) => statSync(path).isDirectory() && existsSync(join(path, 'agreement.yaml')))
}
