import { statfsSync } from 'node:fs'
import { dirname } from 'node:path'
import { verifyChain, type ChainState } from '../editorial/audit-chain.js'
import { contentSubjects } from '../editorial/content-subjects.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { findOrphans } from '../editorial/orphan-check.js'
import { publicationGeneration } from '../editorial/progress-snapshot.js'
import { publicViewStatus } from '../editorial/served-public-view.js'
import type { SubjectKey } from '../editorial/revision-record.js'
import type { StoreHolder } from './store-holder.js'

const chainCheckMs = 60_000

/** Bytes free to unprivileged writers on the editorial store's file system: at 0 every sign-in and mutation fails. */
function freeBytes(path: string): number {
  const stats = statfsSync(dirname(path))
  return stats.bavail * stats.bsize
}

/**
 * The editorial part of /readyz: whether the store answers, its publication
 * generation and the one the public side serves (behind it, with the last failed read, while the store is out of reach), the records whose action or target the content lacks (by
 * stable key; counted, never deleted), and the state of the hash chain
 * over the audit trail and publications; on PostgreSQL the connection,
 * pool, publication listener and migrations. Content keys are read once per
 * database generation.
 */
export function editorialHealth(stores: StoreHolder, editorial: EditorialStore): () => Promise<Record<string, unknown>> {
  let keys: { generation: number; exists: (subject: SubjectKey) => boolean } | undefined
  // Walking the chain reads every linked row: done at most once a minute, however often /readyz is asked.
  let chain: { at: number; state: ChainState } | undefined
  return async () => {
    // PostgreSQL: the connection, pool, listener and migrations, also (above all) when the store does not answer.
    const postgres = editorial.health ? { postgres: await editorial.health() } : {}
    try {
      if (keys?.generation !== stores.generation) {
        const lease = stores.acquire()
        try {
          keys = { generation: lease.generation, exists: await contentSubjects(lease.store.db) }
        } finally {
          lease.release()
        }
      }
      const orphans = await findOrphans(editorial, keys.exists)
      if (!chain || Date.now() - chain.at > chainCheckMs) chain = { at: Date.now(), state: await verifyChain(editorial) }
      return {
        editorial: {
          status: 'ok', publicationGeneration: publicationGeneration(editorial), publicView: publicViewStatus(editorial), orphanedSubjects: orphans.length, freeBytes: editorial.path !== null ? freeBytes(editorial.path) : undefined, engine: editorial.engine,
          chain: { status: chain.state.ok ? 'ok' : 'broken', links: chain.state.links, head: chain.state.head, checkedAt: new Date(chain.at).toISOString(), problem: chain.state.problem },
          orphans: orphans.slice(0, 20).map((o) => ({ ...o.subject, revisions: o.revisions })),
          ...postgres,
        },
      }
    } catch {
      return { editorial: { status: 'unavailable', engine: editorial.engine, publicationGeneration: publicationGeneration(editorial), publicView: publicViewStatus(editorial), ...postgres } }
    }
  }
}
