import { withAdvisoryLock } from '../editorial/advisory-lock.js'
import { storeIdentity } from '../editorial/open-editorial-store.js'
import { openDatabase } from '../store/open-database.js'
import { withPublicationLock } from './publication-lock.js'
import { databaseIdentity, publicationDifference, type PublicationInputs, type PublicationManifest } from './publication-manifest.js'
import { archiveRelease, restoreArchive } from './release-archive.js'
import { currentRelease } from './release-store.js'
import { dumpDatabaseOptions, writePublication, type PublicationResult } from './write-publication.js'

/** What ensurePublication needs: where to write, from what, and where the source texts are. */
export interface EnsureOptions extends PublicationInputs {
  publicationDir: string
  root: string
}

/** The advisory lock's name: one writer of the publication among every replica of one store. */
const writerLock = 'open-akkoord: publication writer'

/**
 * Writes the publication when the current one differs from what these
 * settings, this database and this editorial store's published progress
 * would give (another address, publisher or database, a publication or
 * retraction since, or none at all), so /data/ never disagrees with the API.
 * The check and the write hold the folder's lock, so of several processes
 * deciding at once one writes and the others find it current. With a
 * PostgreSQL store the check and write also hold its advisory lock, and begin by
 * copying what another replica archived: a replica renders only what no
 * replica has, and every replica serves the archive's bytes.
 * Returns why it wrote, and the result; null when the publication was current.
 */
export async function ensurePublication(options: EnsureOptions): Promise<{ reason: string; result: PublicationResult } | null> {
  // A PostgreSQL store is shared by replicas that may not share a disk: its release archive is the one they share.
  const archive = options.editorial?.engine === 'postgres' ? options.editorial.db : null
  if (archive && (await publicationDifference(currentRelease(options.publicationDir), options)) === null) return null
  return withPublicationLock(options.publicationDir, async () => {
    if (!archive) return writeIfDifferent(options)
    return withAdvisoryLock(archive, writerLock, async () => {
      await restoreArchive(archive, options.publicationDir, (manifest) => localManifest(manifest, options))
      const written = await writeIfDifferent(options)
      if (written) await archiveRelease(archive, options.publicationDir, written.result.version, written.result.generation)
      return written
    })
  })
}

async function writeIfDifferent(options: EnsureOptions): Promise<{ reason: string; result: PublicationResult } | null> {
  const reason = await publicationDifference(currentRelease(options.publicationDir), options)
  if (reason === null) return null
  const store = openDatabase(options.databasePath, dumpDatabaseOptions)
  try {
    const result = await writePublication({
      db: store.db, databasePath: options.databasePath, outDir: options.publicationDir, root: options.root,
      baseUrl: options.baseUrl, publisherUri: options.publisherUri, publisherName: options.publisherName, editorial: options.editorial ?? null,
    })
    return { reason, result }
  } finally {
    await store.db.destroy()
  }
}

/**
 * A restored release's manifest names the writer's database file and store;
 * this replica's copy of the same database (same SHA-256) and its own name of
 * the store take their place, so the release counts as current here.
 */
async function localManifest(manifest: PublicationManifest, options: EnsureOptions): Promise<PublicationManifest> {
  const database = await databaseIdentity(options.databasePath)
  if (database.sha256 !== manifest.database.sha256) return manifest
  const editorialStore = manifest.progress.editorialStore === null || !options.editorial ? manifest.progress.editorialStore : storeIdentity(options.editorial)
  return { ...manifest, database, progress: { ...manifest.progress, editorialStore } }
}
