import { openDatabase } from '../store/open-database.js'
import { withPublicationLock } from './publication-lock.js'
import { publicationDifference, type PublicationInputs } from './publication-manifest.js'
import { currentRelease } from './release-store.js'
import { writePublication, type PublicationResult } from './write-publication.js'

/** What ensurePublication needs: where to write, from what, and where the source texts are. */
export interface EnsureOptions extends PublicationInputs {
  publicationDir: string
  root: string
}

/**
 * Writes the publication when the current one differs from what these
 * settings, this database and this editorial store's published progress
 * would give (another address, publisher or database, a publication or
 * retraction since, or none at all), so /data/ never disagrees with the API.
 * The check and the write hold the folder's lock, so of several processes
 * deciding at once one writes and the others find it current.
 * Returns why it wrote, and the result; null when the publication was current.
 */
export async function ensurePublication(options: EnsureOptions): Promise<{ reason: string; result: PublicationResult } | null> {
  return withPublicationLock(options.publicationDir, async () => {
    const reason = await publicationDifference(currentRelease(options.publicationDir), options)
    if (reason === null) return null
    const store = openDatabase(options.databasePath, { readonly: true })
    try {
      const result = await writePublication({
        db: store.db, databasePath: options.databasePath, outDir: options.publicationDir, root: options.root,
        baseUrl: options.baseUrl, publisherUri: options.publisherUri, publisherName: options.publisherName, editorial: options.editorial ?? null,
      })
      return { reason, result }
    } finally {
      await store.db.destroy()
    }
  })
}
