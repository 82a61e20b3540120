import { contentSubjects } from '../editorial/content-subjects.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { findOrphans } from '../editorial/orphan-check.js'
import { publicationGeneration } from '../editorial/progress-snapshot.js'
import type { SubjectKey } from '../editorial/revision-record.js'
import type { StoreHolder } from './store-holder.js'

/**
 * The editorial part of /readyz: whether the store answers, its publication
 * generation and the records whose action or target the content lacks (by
 * stable key; counted, never deleted). Content keys are read once per
 * database generation.
 */
export function editorialHealth(stores: StoreHolder, editorial: EditorialStore): () => Promise<Record<string, unknown>> {
  let keys: { generation: number; exists: (subject: SubjectKey) => boolean } | undefined
  return async () => {
    try {
      if (keys?.generation !== stores.generation) {
        const lease = stores.acquire()
        try {
          keys = { generation: lease.generation, exists: await contentSubjects(lease.store.db) }
        } finally {
          lease.release()
        }
      }
      const orphans = findOrphans(editorial, keys.exists)
      return {
        editorial: {
          status: 'ok', publicationGeneration: publicationGeneration(editorial), orphanedSubjects: orphans.length,
          orphans: orphans.slice(0, 20).map((o) => ({ ...o.subject, revisions: o.revisions })),
        },
      }
    } catch {
      return { editorial: { status: 'unavailable' } }
    }
  }
}
