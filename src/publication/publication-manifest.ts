import { readFile, stat, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { storeIdentity, type EditorialStore } from '../editorial/open-editorial-store.js'
import { publicationGeneration } from '../editorial/progress-snapshot.js'
import { fileDigest } from './text-file.js'

/** What a publication was written from: the settings that end up in its files, and the database. */
export interface PublicationInputs {
  baseUrl: string
  publisherUri: string
  publisherName: string
  databasePath: string
  /** The editorial store whose published progress the publication carries; absent or null: none. */
  editorial?: EditorialStore | null
}

/**
 * The record a release keeps of its making, in `.publication.json` (hidden,
 * so never served): the inputs, the database's size, time and SHA-256, and
 * the layout version of the code that wrote it.
 */
export interface PublicationManifest {
  format: number
  version: string
  settings: Omit<PublicationInputs, 'databasePath' | 'editorial'>
  database: { path: string; bytes: number; mtimeMs: number; sha256: string }
  /** The progress it carries: the editorial store (null: none) and its publication generation then. */
  progress: { editorialStore: string | null; generation: number }
  /** The version notes in one paragraph, for the catalogue's adms:versionNotes of later releases. */
  notes: string
}

/** Bumped when the files a dump writes change shape, so a server rewrites publications of older code. */
export const publicationFormat = 4
const manifestPath = '.publication.json'

/** The database's identity as a manifest records it. */
export async function databaseIdentity(path: string): Promise<PublicationManifest['database']> {
  const absolute = resolve(path)
  const [info, digest] = await Promise.all([stat(absolute), fileDigest(absolute)])
  return { path: absolute, bytes: info.size, mtimeMs: info.mtimeMs, sha256: digest.sha256 }
}

export async function writeManifest(directory: string, manifest: PublicationManifest): Promise<void> {
  await writeFile(join(directory, manifestPath), `${JSON.stringify(manifest, null, 2)}\n`)
}

/** The manifest of a release folder, or null when it has none (or an unreadable one). */
export async function readManifest(directory: string): Promise<PublicationManifest | null> {
  try {
    return JSON.parse(await readFile(join(directory, manifestPath), 'utf8')) as PublicationManifest
  } catch {
    return null
  }
}

/**
 * Why the publication in `directory` differs from what these inputs would
 * write, or null when it matches. The database is compared by size and time
 * first and by SHA-256 only when those differ (a rebuild of the same data is
 * byte-identical, so it needs no new publication).
 */
export async function publicationDifference(directory: string, inputs: PublicationInputs): Promise<string | null> {
  const manifest = await readManifest(directory)
  if (!manifest) return 'there is no publication yet'
  if (manifest.format !== publicationFormat) return 'the publication was written by another version of the code'
  for (const key of ['baseUrl', 'publisherUri', 'publisherName'] as const) {
    if (manifest.settings[key] !== inputs[key]) return `${key} changed from ${manifest.settings[key]} to ${inputs[key]}`
  }
  const progress = progressDifference(manifest, inputs.editorial ?? null)
  if (progress !== null) return progress
  const path = resolve(inputs.databasePath)
  if (manifest.database.path !== path) return `the database is now ${path}`
  const info = await stat(path)
  if (info.size === manifest.database.bytes && info.mtimeMs === manifest.database.mtimeMs) return null
  return (await fileDigest(path)).sha256 === manifest.database.sha256 ? null : 'the database changed'
}

/**
 * Why a release's progress differs from the editorial store's, or null: a
 * publication or retraction since it was written (the publication generation
 * moved), or another store with published progress. One small query: cheap
 * enough to ask on every request to /data/.
 */
export function progressDifference(manifest: PublicationManifest, editorial: EditorialStore | null): string | null {
  const generation = editorial ? publicationGeneration(editorial) : 0
  const carried = manifest.progress?.generation ?? 0
  if (carried !== generation) return `progress was published or retracted (publication ${generation}; the release has ${carried})`
  // Before the first publication every store gives the same, empty, progress.
  const store = editorial && generation > 0 ? storeIdentity(editorial) : null
  const had = carried > 0 ? manifest.progress?.editorialStore ?? null : null
  return store === had ? null : `the editorial store is now ${store ?? 'none'}`
}
