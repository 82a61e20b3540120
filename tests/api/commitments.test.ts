import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAccount } from '../../src/editorial/accounts.js'
import { publishRevision } from '../../src/editorial/publish-revision.js'
import { recordRevision } from '../../src/editorial/record-revision.js'
import { agreement, assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'

// Repeated commitments and the whole college over HTTP (db/README.md, "Repeated commitments", "The college as a whole").
const server = await startEditorialServer()
afterAll(() => server.close())
const t: Record<string, string> = {}
beforeAll(async () => {
  t.eva = await server.account('Eva', 'editor')
  t.rob = await server.account('Rob', 'reviewer')
})

const canonical = 'nieuwe-manieren-inwoners-betrekken'
const copies = ['nieuwe-vormen-participatie-uitproberen', 'samen-met-inwoners-ontdekken-wat-werkt', 'experimenteren-en-leren',
  'stem-voor-minder-gehoorde-assenaren', 'experimenteren-nieuwe-vormen-participatie']
const data = async (query: string, token?: string) => {
  const answer = await server.gql(query, {}, token)
  expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined()
  return answer.body.data
}
const commitmentQuery = (slug: string) => `{ action(slug: "${slug}") { slug sameAs { slug } sameAsReason commitment { slug } sameCommitment { slug }
  wholeCollege portfolios { slug } progressStatus progress { explanation } progressHistory(first: 5) { totalCount } } }`

describe('repeated commitments', () => {
  it('count sentences and distinct commitments apart', async () => {
    const answer = await data('{ agreement { commitmentCount } actions { totalCount } }')
    expect(answer).toEqual({ agreement: { commitmentCount: 173 }, actions: { totalCount: 185 } })
  })

  it('link every copy to its first statement, with the reason, and list the other sentences of the commitment', async () => {
    const first = (await data(commitmentQuery(canonical))).action
    expect(first).toMatchObject({ sameAs: null, sameAsReason: null, commitment: { slug: canonical } })
    expect(first.sameCommitment.map((a: { slug: string }) => a.slug)).toEqual(copies)
    for (const slug of copies) {
      const copy = (await data(commitmentQuery(slug))).action
      expect(copy.sameAs, slug).toEqual({ slug: canonical })
      expect(copy.commitment, slug).toEqual({ slug: canonical })
      expect(copy.sameAsReason, slug).toMatch(/regels? \d+/)
      expect(copy.sameCommitment.map((a: { slug: string }) => a.slug), slug).toEqual([canonical, ...copies.filter((c) => c !== slug)])
    }
  })

  it('record an assessment of a copy on its commitment, and show it on every sentence of it, read twice', async () => {
    const recorded = await server.gql(recordProgress, { input: assessment(copies[4]!, { status: 'IN_PROGRESS', explanation: 'Drie wijkpanels gestart.', expectedRevision: 0 }) }, t.eva)
    const draft = recorded.body.data.recordProgress.assessment
    expect(recorded.body.data.recordProgress.userErrors).toEqual([])
    expect((await server.gql(publishProgress, { id: draft.id }, t.rob)).body.data.publishProgress.userErrors).toEqual([])
    for (const round of [1, 2]) {
      for (const slug of [canonical, ...copies]) {
        const action = (await data(commitmentQuery(slug))).action
        expect({ round, slug, status: action.progressStatus, explanation: action.progress?.explanation, history: action.progressHistory.totalCount })
          .toEqual({ round, slug, status: 'IN_PROGRESS', explanation: 'Drie wijkpanels gestart.', history: 1 })
      }
    }
    // The status filter reads the commitment too: all six sentences are in progress.
    const filtered = await data('{ actions(filter: { progressStatus: [IN_PROGRESS] }) { totalCount } }')
    expect(filtered.actions.totalCount).toBe(1 + copies.length)
  })
})

describe('an assessment stored on a copy before the copy was linked', () => {
  it('still counts for its commitment: the newest assessment of any sentence is the commitment\'s', async () => {
    // As an editorial store from before the review holds it: an assessment whose subject is the copy's own slug.
    const actor = async (name: string, role: 'editor' | 'reviewer') => ({ account: (await addAccount(server.store, name, role)).account, requestId: null, client: null, now: new Date() })
    const draft = await recordRevision(server.store, await actor('Erik', 'editor'), {
      kind: 'assessment', subject: { agreement, type: 'action', slug: 'stadsmarketing-met-partners' }, status: 'ACHIEVED', asOf: '2025-06-30',
      explanation: 'Meerjarige campagne met partners loopt.', evidence: [{ title: 'Raadsinformatiebrief stadsmarketing', url: 'https://assen.bestuurlijkeinformatie.nl/Document/2', documentDate: '2025-07-01', kind: 'raadsinformatiebrief' }],
    })
    expect(draft.userErrors).toEqual([])
    expect((await publishRevision(server.store, await actor('Ria', 'reviewer'), draft.record!.id)).userErrors).toEqual([])
    // Written through another connection, as `npm run editor` would: the server notices it within a quarter second.
    const started = Date.now()
    while ((await data(commitmentQuery('meerjarige-stadsmarketing'))).action.progressStatus !== 'ACHIEVED' && Date.now() - started < 2000) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    for (const slug of ['meerjarige-stadsmarketing', 'stadsmarketing-met-partners']) {
      const action = (await data(commitmentQuery(slug))).action
      expect({ slug, status: action.progressStatus, explanation: action.progress?.explanation }).toEqual({ slug, status: 'ACHIEVED', explanation: 'Meerjarige campagne met partners loopt.' })
    }
  })
})

describe('the college as a whole', () => {
  it('carries twelve actions, with no portfolio and a note saying why', async () => {
    const answer = await data('{ agreement { wholeCollegeActions { slug wholeCollege portfolios { slug } responsibleNote } } }')
    const college = answer.agreement.wholeCollegeActions
    expect(college).toHaveLength(12)
    expect(college.map((a: { slug: string }) => a.slug)).toEqual(expect.arrayContaining(['maandelijks-wijkbezoek', 'maandagochtend-stad-in-stadhuis', 'tussentijdse-evaluatie-bestuursprogramma']))
    for (const a of college) expect(a, a.slug).toMatchObject({ wholeCollege: true, portfolios: [], responsibleNote: expect.stringMatching(/college als geheel/) })
    const alderman = (await data('{ action(slug: "versnellen-woningbouw") { wholeCollege portfolios { slug } responsibleNote } }')).action
    expect(alderman).toEqual({ wholeCollege: false, portfolios: [{ slug: 'staal' }], responsibleNote: null })
  })
})
