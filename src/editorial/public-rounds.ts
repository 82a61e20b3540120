import type { EditorialStore } from './open-editorial-store.js'
import { publicStateGeneration } from './progress-snapshot.js'
import { listRounds, type ReportingRound } from './reporting-rounds.js'

const cache = new WeakMap<EditorialStore, { state: number; byAgreement: Map<string, readonly ReportingRound[]> }>()

/**
 * An agreement's reporting rounds as the public sees them, the latest
 * peildatum first. Read once per public state (a publication, a round opened
 * or closed), like the progress snapshot: a public page or query costs no
 * round trip between changes, and keeps answering while the store is out of
 * reach (a PostgreSQL restart).
 */
export async function publicRounds(store: EditorialStore, agreement: string): Promise<readonly ReportingRound[]> {
  const state = publicStateGeneration(store)
  let cached = cache.get(store)
  if (!cached || cached.state !== state) cache.set(store, cached = { state, byAgreement: new Map() })
  let rounds = cached.byAgreement.get(agreement)
  if (!rounds) cached.byAgreement.set(agreement, rounds = await listRounds(store, agreement))
  return rounds
}
