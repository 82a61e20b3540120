import { addAccount } from '../../src/editorial/accounts.js'
import type { EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { publishRevision } from '../../src/editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../../src/editorial/record-revision.js'

/**
 * Publishes progress through the editorial domain's own operations, as the
 * API does (four eyes: an editor records, a reviewer publishes): each call
 * one assessment of an action, dated `day`. Returns the publisher.
 */
export async function progressPublisher(store: EditorialStore): Promise<(day: string, slug: string, status: string) => Promise<number>> {
  const at = (day: string) => new Date(`${day}T09:30:00Z`)
  const editor = (await addAccount(store, 'Redacteur', 'editor', at('2026-01-01'))).account
  const reviewer = (await addAccount(store, 'Controleur', 'reviewer', at('2026-01-01'))).account
  return async (day, slug, status) => {
    const input = {
      subject: { agreement: 'assen-2022-2026', type: 'action', slug }, asOf: day, kind: 'assessment', status,
      explanation: `Stand van ${day}: het college heeft de raad geïnformeerd.`,
      evidence: [{ title: 'Begroting 2026', url: 'https://assen.nl/begroting-2026', documentDate: null, kind: 'begroting' }],
    } as RevisionInput
    const recorded = await recordRevision(store, { account: editor, requestId: null, client: null, now: at(day) }, input)
    if (!recorded.record) throw new Error(JSON.stringify(recorded.userErrors))
    const published = await publishRevision(store, { account: reviewer, requestId: null, client: null, now: at(day) }, recorded.record.id)
    if (!published.record) throw new Error(JSON.stringify(published.userErrors))
    return published.record.id
  }
}
