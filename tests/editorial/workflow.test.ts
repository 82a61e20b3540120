import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { agreement, assessment, count, sqlRows, publishProgress, recordProgress, retractProgress, startEditorialServer } from './support.js'

const server = await startEditorialServer()
afterAll(() => server.close())
let slugs: string[]
const t: Record<string, string> = {}
beforeAll(async () => {
  slugs = (await server.gql('{ actions(first: 3, filter: { hasTarget: true }) { edges { node { slug } } } }')).body.data.actions.edges.map((e: any) => e.node.slug)
  t.eva = await server.account('Eva', 'editor')
  t.erik = await server.account('Erik', 'editor')
  t.rob = await server.account('Rob', 'reviewer')
  t.ada = await server.account('Ada', 'admin')
})

const publicQuery = (slug: string) => `{ action(slug: "${slug}") { progressStatus progress { revision status explanation } } agreement { progressSummary { assessed } } }`

describe('the editorial workflow over HTTP', () => {
  it('shows who is signed in, and nothing private to anonymous callers', async () => {
    expect((await server.gql('{ viewer { name role } }', {}, t.rob)).body.data.viewer).toEqual({ name: 'Rob', role: 'REVIEWER' })
    const anonymous = await server.gql('{ viewer { name } }')
    expect(anonymous.body.data.viewer).toBeNull()
    expect((await server.gql('{ drafts { totalCount } }')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect((await server.gql('{ reviewQueue { totalCount } }', {}, t.eva)).body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect((await server.gql('{ auditLog { totalCount } }', {}, t.rob)).body.errors[0].extensions.code).toBe('FORBIDDEN')
  })

  it('records, reviews and publishes; the very next public response shows it, and signed-in answers are never cached', async () => {
    const slug = slugs[0]!
    const cachedBefore = await server.gql(publicQuery(slug))
    expect(cachedBefore.body.data.action).toEqual({ progressStatus: 'NOT_ASSESSED', progress: null })
    expect((await server.gql(publicQuery(slug))).headers.get('x-cache')).toBe('HIT')
    expect(cachedBefore.headers.get('cache-control')).toBe('public, no-cache')

    const recorded = await server.gql(recordProgress, { input: assessment(slug, { status: 'ACHIEVED', expectedRevision: 0 }) }, t.eva)
    const draft = recorded.body.data.recordProgress.assessment
    expect(draft).toMatchObject({ revision: 1, state: 'DRAFT', recordedBy: 'Eva' })
    expect(recorded.headers.get('cache-control')).toBe('private, no-store')
    // A draft is not public: not in the answer, not found by node().
    expect((await server.gql(publicQuery(slug))).body.data.action.progressStatus).toBe('NOT_ASSESSED')
    expect((await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: draft.id })).body.data.node).toBeNull()
    expect((await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: draft.id }, t.erik)).body.data.node).toEqual({ id: draft.id })

    const queue = await server.gql('{ reviewQueue { totalCount edges { node { id recordedBy } } } }', {}, t.rob)
    expect(queue.body.data.reviewQueue.edges.map((e: any) => e.node.id)).toContain(draft.id)
    expect(queue.headers.get('cache-control')).toBe('private, no-store')
    const published = await server.gql(publishProgress, { id: draft.id }, t.rob)
    expect(published.body.data.publishProgress).toMatchObject({ revision: { state: 'PUBLISHED', publishedBy: 'Rob' }, userErrors: [] })

    const after = await server.gql(publicQuery(slug))
    expect(after.headers.get('x-cache')).toBe('MISS')
    expect(after.body.data.action).toMatchObject({ progressStatus: 'ACHIEVED', progress: { revision: 1, status: 'ACHIEVED' } })
    expect(after.body.data.agreement.progressSummary.assessed).toBe(1)
    expect(after.headers.get('etag')).not.toBe(cachedBefore.headers.get('etag'))
    const publishedAgain = await server.gql(publishProgress, { id: draft.id }, t.ada)
    expect(publishedAgain.body.data.publishProgress.userErrors[0].code).toBe('CONFLICT')
  })

  it('retracts by a newer, reviewed revision with a reason; the history keeps everything, newest first', async () => {
    const slug = slugs[0]!
    const current = (await server.gql(`{ action(slug: "${slug}") { progress { id } } }`)).body.data.action.progress.id
    const second = await server.gql(recordProgress, { input: assessment(slug, { status: 'PARTLY_ACHIEVED', expectedRevision: 1 }) }, t.erik)
    await server.gql(publishProgress, { id: second.body.data.recordProgress.assessment.id }, t.rob)
    expect((await server.gql(publicQuery(slug))).body.data.action.progressStatus).toBe('PARTLY_ACHIEVED')

    const secondId = second.body.data.recordProgress.assessment.id
    const stale = await server.gql(retractProgress, { id: secondId, reason: 'Verkeerde bron.', expected: 1 }, t.eva)
    expect(stale.body.data.retractProgress.userErrors[0].code).toBe('CONFLICT')
    const retraction = await server.gql(retractProgress, { id: secondId, reason: 'De bron bleek een concept te zijn.', expected: 2 }, t.eva)
    expect(retraction.body.data.retractProgress.retraction).toMatchObject({ revision: 3, state: 'DRAFT', retracts: { id: secondId } })
    expect((await server.gql(publicQuery(slug))).body.data.action.progressStatus).toBe('PARTLY_ACHIEVED')
    await server.gql(publishProgress, { id: retraction.body.data.retractProgress.retraction.id }, t.ada)
    // The action falls back to the assessment before the retracted one.
    const after = await server.gql(`{ action(slug: "${slug}") { progressStatus progress { id } progressHistory { totalCount edges { node {
      __typename revision state ... on ProgressRetraction { reason } ... on ProgressAssessment { retractedBy { revision } } } } } } }`)
    expect(after.body.data.action.progressStatus).toBe('ACHIEVED')
    expect(after.body.data.action.progress.id).toBe(current)
    expect(after.body.data.action.progressHistory.edges.map((e: any) => e.node)).toEqual([
      { __typename: 'ProgressRetraction', revision: 3, state: 'PUBLISHED', reason: 'De bron bleek een concept te zijn.' },
      { __typename: 'ProgressAssessment', revision: 2, state: 'RETRACTED', retractedBy: { revision: 3 } },
      { __typename: 'ProgressAssessment', revision: 1, state: 'PUBLISHED', retractedBy: null },
    ])
    const again = await server.gql(retractProgress, { id: secondId, reason: 'Nogmaals.' }, t.eva)
    expect(again.body.data.retractProgress.userErrors[0].code).toBe('CONFLICT')
  })

  it('records target measurements, filters actions by status, and feeds harvesters in publication order', async () => {
    const target = (await server.gql(`{ action(slug: "${slugs[1]}") { targets { id slug } } }`)).body.data.action.targets[0]
    const measured = await server.gql(`mutation($input: RecordTargetMeasurementInput!) { recordTargetMeasurement(input: $input) { measurement { id value } userErrors { code } } }`,
      { input: { targetId: target.id, value: 1850, asOf: '2025-12-31', explanation: '1850 van de 3000 woningen opgeleverd.', evidence: [{ title: 'Jaarrekening 2025', url: 'https://assen.nl/jaarrekening-2025.pdf', kind: 'JAARREKENING' }] } }, t.eva)
    expect(measured.body.data.recordTargetMeasurement.userErrors).toEqual([])
    await server.gql(publishProgress, { id: measured.body.data.recordTargetMeasurement.measurement.id }, t.rob)
    const read = await server.gql(`{ action(slug: "${slugs[1]}") { targets { measurements { totalCount edges { node { value asOf target { slug } } } } } } }`)
    expect(read.body.data.action.targets[0].measurements.edges[0].node).toEqual({ value: 1850, asOf: '2025-12-31', target: { slug: target.slug } })

    const filtered = await server.gql('{ achieved: actions(filter: { progressStatus: [ACHIEVED] }) { totalCount edges { node { slug } } } rest: actions(filter: { progressStatus: [NOT_ASSESSED] }) { totalCount } all: actions { totalCount } }')
    expect(filtered.body.data.achieved.edges.map((e: any) => e.node.slug)).toEqual([slugs[0]])
    expect(filtered.body.data.rest.totalCount).toBe(filtered.body.data.all.totalCount - 1)

    const feed = await server.gql('{ progressChanges(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { __typename revision } } } }')
    expect(feed.body.data.progressChanges.totalCount).toBe(4)
    expect(feed.body.data.progressChanges.edges.map((e: any) => e.node.__typename)).toEqual(['ProgressAssessment', 'ProgressAssessment'])
    const rest = await server.gql('query($after: String) { progressChanges(after: $after) { edges { node { __typename } } } }', { after: feed.body.data.progressChanges.pageInfo.endCursor })
    expect(rest.body.data.progressChanges.edges.map((e: any) => e.node.__typename)).toEqual(['ProgressRetraction', 'TargetMeasurement'])
  })

  it('lets two editors race on one action: exactly one wins, the others get CONFLICT', async () => {
    const slug = slugs[2]!
    const before = await count(server.store, 'revision')
    const answers = await Promise.all([t.eva, t.erik, t.eva, t.erik, t.rob, t.ada].map((token) => server.gql(recordProgress, { input: assessment(slug, { expectedRevision: 0 }) }, token)))
    const codes = answers.map((a) => a.body.data.recordProgress.userErrors.map((e: any) => e.code).join() || 'OK')
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1)
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(5)
    expect(await count(server.store, 'revision')).toBe(before + 1)
  })

  it('keeps an audit log for admins: every operation, accepted or refused, with the request id', async () => {
    const log = await server.gql('{ auditLog(first: 100) { totalCount edges { node { at account operation accepted codes subject revisionBefore revisionAfter requestId } } } }', {}, t.ada)
    const entries = log.body.data.auditLog.edges.map((e: any) => e.node)
    expect(entries.some((e: any) => e.operation === 'publishProgress' && e.accepted && e.account === 'Rob')).toBe(true)
    expect(entries.some((e: any) => e.operation === 'recordProgress' && !e.accepted && e.codes.includes('CONFLICT'))).toBe(true)
    expect(entries.find((e: any) => e.operation === 'retractProgress' && e.accepted)).toMatchObject({ subject: `${agreement}/action/${slugs[0]}`, revisionBefore: 2, revisionAfter: 3 })
    expect(entries.every((e: any) => e.operation === 'addAccount' || /^[0-9a-f-]{36}$/.test(e.requestId))).toBe(true)
    // The store refuses to change history or audit rows.
    for (const text of ['UPDATE audit_entry SET outcome = \'accepted\'', 'DELETE FROM audit_entry', 'UPDATE revision SET status = \'ACHIEVED\'', 'DELETE FROM evidence', 'DELETE FROM publication', 'DELETE FROM account']) {
      await expect(sqlRows(server.store, sql.raw(text))).rejects.toThrow(/append-only|never deleted/)
    }
  })
})
