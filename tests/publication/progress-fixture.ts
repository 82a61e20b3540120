import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshEditorialTarget } from '../editorial-target.js'
import { addAccount } from '../../src/editorial/accounts.js'
import type { EditorialActor } from '../../src/editorial/editorial-actor.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { publishRevision } from '../../src/editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../../src/editorial/record-revision.js'
import { retractRevision } from '../../src/editorial/retract-revision.js'

export const agreement = 'assen-2022-2026'

/** The editorial history the publication fixture carries: what is published, retracted, and what stays a draft. */
export const history = {
  /** Assessed twice, both published: the second is current. */
  assessedTwice: 'nieuw-jongerenbeleid-met-asser-jeugd',
  /** Assessed, published, then retracted (the retraction published). */
  retracted: 'pilot-basisbanen-structureel',
  /** Only a draft: never in the open data. */
  draftOnly: 'plek-voor-kunstenaars',
  /** A target measured twice, with a fractional value. */
  measuredTarget: 'werkgelegenheidspact-5000-banen',
  /** Words that appear only in the draft. */
  draftWords: 'ONGEPUBLICEERD CONCEPT',
} as const

/**
 * A temporary editorial store with a small published history, made through
 * the editorial domain's own operations (four-eyes: an editor records, a
 * reviewer publishes). Times lie before the data version (2026-11-28), so the
 * publication's version stays the data's unless a test publishes later.
 */
export async function progressStore(options: { sqlite?: boolean } = {}): Promise<{ store: EditorialStore; dir: string; env: Record<string, string>; publishAssessment(day: string, slug: string, status: string): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-pub-editorial-'))
  // A test that handles the SQLite file itself asks for SQLite; the others follow the run's engine.
  const target = options.sqlite ? { target: join(dir, 'editorial.sqlite'), env: { EDITORIAL_DATABASE: join(dir, 'editorial.sqlite') } } : await freshEditorialTarget(dir)
  const store = await openEditorialStore(target.target, { poolSize: 2 })
  const at = (day: string): Date => new Date(`${day}T09:30:00Z`)
  const editor = (await addAccount(store, 'Redacteur', 'editor', at('2026-01-01'))).account
  const reviewer = (await addAccount(store, 'Controleur', 'reviewer', at('2026-01-01'))).account
  const actor = (account: typeof editor, day: string): EditorialActor => ({ account, requestId: null, client: null, now: at(day) })
  const evidence = [
    { title: 'Raadsinformatiebrief jongerenbeleid', url: 'https://assen.bestuurlijkeinformatie.nl/Document/1', documentDate: '2026-02-01', kind: 'raadsinformatiebrief' },
    { title: 'Begroting 2026, "programma 2", jeugd', url: 'https://assen.nl/begroting-2026', documentDate: null, kind: 'begroting' },
  ]
  const record = async (day: string, subject: { type: 'action' | 'target'; slug: string }, rest: Partial<RevisionInput> & ({ status: string } | { value: number })) => {
    const input = {
      subject: { agreement, ...subject }, asOf: day, explanation: 'Het college heeft de raad geïnformeerd; de uitvoering loopt.', evidence: evidence.slice(1),
      kind: 'status' in rest ? 'assessment' : 'measurement', ...rest,
    } as RevisionInput
    const outcome = await recordRevision(store, actor(editor, day), input)
    if (!outcome.record) throw new Error(JSON.stringify(outcome.userErrors))
    return outcome.record
  }
  const publish = async (id: number, day: string) => {
    const outcome = await publishRevision(store, actor(reviewer, day), id)
    if (!outcome.record) throw new Error(JSON.stringify(outcome.userErrors))
  }
  await publish((await record('2026-02-10', { type: 'action', slug: history.assessedTwice }, { status: 'NOT_STARTED', explanation: 'Nog niet begonnen.' })).id, '2026-02-11')
  await publish((await record('2026-03-10', { type: 'action', slug: history.assessedTwice }, { status: 'IN_PROGRESS', evidence })).id, '2026-03-11')
  const wrong = await record('2026-03-12', { type: 'action', slug: history.retracted }, { status: 'ACHIEVED', explanation: 'De pilot is structureel, zegt "de wethouder".' })
  await publish(wrong.id, '2026-03-13')
  const retraction = await retractRevision(store, actor(editor, '2026-04-01'), { revisionId: wrong.id, reason: 'Te vroeg: het besluit volgt pas in de begroting.' })
  await publish(retraction.record!.id, '2026-04-02')
  await publish((await record('2026-04-10', { type: 'target', slug: history.measuredTarget }, { value: 1200 })).id, '2026-04-11')
  await publish((await record('2026-05-10', { type: 'target', slug: history.measuredTarget }, { value: 1850.5, evidence: evidence.slice(0, 1) })).id, '2026-05-11')
  await record('2026-05-20', { type: 'action', slug: history.draftOnly }, { status: 'ACHIEVED', explanation: history.draftWords })
  await record('2026-05-21', { type: 'action', slug: history.assessedTwice }, { status: 'ABANDONED', explanation: history.draftWords })
  /** Records and publishes one assessment on a later day: the next release's real progress. */
  const publishAssessment = async (day: string, slug: string, status: string) => publish((await record(day, { type: 'action', slug }, { status, explanation: `Stand van ${day}.` })).id, day)
  return { store, dir, env: target.env, publishAssessment }
}
