import { storeIdentity, type EditorialStore } from '../editorial/open-editorial-store.js'
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
 * others find it current with one query. It rewrites only a release of this
 * code written from this store (or from none): a missing release, one of
 * other code or one of another store is the start's and SIGHUP's to replace.
 */
export function progressRefresher(options: EnsureOptions & { editorial: EditorialStore }): () => Promise<void> {
  let carried = -1
  let running: Promise<void> | null = null
  const check = async (generation: number) => {
    const manifest = await readManifest(currentRelease(options.publicationDir))
    if (!manifest || manifest.format !== publicationFormat) return
    const store = manifest.progress.editorialStore
    const ours = store === null || store === storeIdentity(options.editorial)
    if (!ours || progressDifference(manifest, options.editorial) === null) {
      carried = generation
      return
    }
    await ensurePublication(options)
  }
  return async () => {
    const generation = publicationGeneration(options.editorial)
    if (generation === carried) return
    running ??= check(generation).finally(() => { running = null })
    await running
  }
}
