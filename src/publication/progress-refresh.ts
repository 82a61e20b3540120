import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { publicationGeneration } from '../editorial/progress-snapshot.js'
import { ensurePublication, type EnsureOptions } from './ensure-publication.js'
import { progressDifference, publicationFormat, readManifest } from './publication-manifest.js'
import { currentRelease } from './release-store.js'

/**
 * Keeps a running server's /data/ in step with the editorial store: called
 * before each request to /data/, it compares the store's publication
 * generation with the one the current release carries and, when a
 * publication or retraction came since, writes a new release (under the
 * folder's lock, so of several workers one writes) before the request is
 * answered. The first request after a publication waits for the write; the
 * others find it current with one query. Without a publication yet, nothing
 * is written here: the server's start writes the first.
 */
export function progressRefresher(options: EnsureOptions & { editorial: EditorialStore }): () => Promise<void> {
  let carried = -1
  let running: Promise<void> | null = null
  const check = async () => {
    const manifest = await readManifest(currentRelease(options.publicationDir))
    if (!manifest) return
    if (manifest.format === publicationFormat && progressDifference(manifest, options.editorial) === null) {
      carried = manifest.progress.generation
      return
    }
    await ensurePublication(options)
  }
  return async () => {
    if (publicationGeneration(options.editorial) === carried) return
    running ??= check().finally(() => { running = null })
    await running
  }
}
