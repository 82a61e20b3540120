import type { EditorialStore } from './open-editorial-store.js'
import type { ReportingRound } from './reporting-rounds.js'
import { servedPublicView } from './served-public-view.js'

/**
 * An agreement's reporting rounds as the public sees them, the latest
 * peildatum first. Read with the published progress once per public state (a
 * publication, a round opened or closed; src/editorial/served-public-view.ts):
 * a public page or query costs no round trip between changes, and keeps
 * answering while the store is out of reach (a PostgreSQL restart).
 */
export async function publicRounds(store: EditorialStore, agreement: string): Promise<readonly ReportingRound[]> {
  return (await servedPublicView(store)).rounds(agreement)
}
