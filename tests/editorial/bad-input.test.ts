import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toGlobalId } from '../../src/model/global-id.js'
import { assessment, count, post, sqlRow, sqlRows, publishProgress, recordProgress, retractProgress, startEditorialServer } from './support.js'

const server = await startEditorialServer()
afterAll(() => server.close())
let slug: string
let editor: string
let reviewer: string
beforeAll(async () => {
  slug = (await server.gql('{ actions(first: 1) { edges { node { slug } } } }')).body.data.actions.edges[0].node.slug
  editor = await server.account('Eva Editor', 'editor')
  reviewer = await server.account('Rik Reviewer', 'reviewer')
})

/** The store's rows and the audit trail's length, to show a refusal wrote nothing but its audit entry. */
const snapshot = async () => ({ revisions: await count(server.store, 'revision'), evidence: await count(server.store, 'evidence'), publications: await count(server.store, 'publication') })
const lastAudit = () => sqlRow<Record<string, unknown>>(server.store, sql`SELECT * FROM audit_entry ORDER BY id DESC LIMIT 1`)

/** Sends a refused recordProgress and checks: the code, an unchanged store, a refused audit entry. */
async function refused(input: Record<string, unknown>, code: string, field: string[]) {
  const before = (await snapshot())
  const audits = await count(server.store, 'audit_entry')
  const answer = await server.gql(recordProgress, { input }, editor)
  expect(answer.status).toBe(200)
  expect(answer.body.data.recordProgress.assessment).toBeNull()
  expect(answer.body.data.recordProgress.userErrors).toContainEqual(expect.objectContaining({ code, field }))
  expect((await snapshot())).toEqual(before)
  expect(await count(server.store, 'audit_entry')).toBe(audits + 1)
  expect((await lastAudit())).toMatchObject({ operation: 'recordProgress', outcome: 'refused' })
  expect(String((await lastAudit()).codes)).toContain(code)
}

describe('bad input to the progress mutations, over HTTP', () => {
  it('refuses NOT_ASSESSED as a recorded status, and an unknown status at validation (audited)', async () => {
    await refused(assessment(slug, { status: 'NOT_ASSESSED' }), 'INVALID', ['input', 'status'])
    const before = (await snapshot())
    const answer = await server.gql(recordProgress, { input: assessment(slug, { status: 'DONE' }) }, editor)
    // Variables that do not fit their types are refused by GraphQL over HTTP itself: a 400 naming the value.
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toContain('DONE')
    expect((await snapshot())).toEqual(before)
    expect((await lastAudit())).toMatchObject({ operation: 'recordProgress', outcome: 'refused', account_id: expect.any(Number) })
  })

  it('refuses a future asOf and an impossible date', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    await refused(assessment(slug, { asOf: tomorrow }), 'INVALID', ['input', 'asOf'])
    await refused(assessment(slug, { asOf: '2025-02-30' }), 'INVALID', ['input', 'asOf'])
  })

  it('refuses an explanation over the limit, an empty one, and control characters', async () => {
    await refused(assessment(slug, { explanation: 'x'.repeat(4001) }), 'INVALID', ['input', 'explanation'])
    await refused(assessment(slug, { explanation: '   ' }), 'INVALID', ['input', 'explanation'])
    await refused(assessment(slug, { explanation: 'ok\u0007' }), 'INVALID', ['input', 'explanation'])
  })

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'http://assen.nl/stuk', 'https://user:pw@assen.nl/', 'not a url'])('refuses the evidence URL %s', async (url) => {
    const input = assessment(slug, { evidence: [{ title: 'Stuk', url, kind: 'OTHER' }] })
    await refused(input, 'INVALID', ['input', 'evidence', '0', 'url'])
  })

  it('refuses no evidence, and a future document date', async () => {
    await refused(assessment(slug, { evidence: [] }), 'INVALID', ['input', 'evidence'])
    await refused(assessment(slug, { evidence: [{ title: 'Stuk', url: 'https://assen.nl/a', kind: 'OTHER', documentDate: '2999-01-01' }] }), 'INVALID', ['input', 'evidence', '0', 'documentDate'])
  })

  it('refuses unknown action ids: another agreement, another type, garbage', async () => {
    await refused(assessment(slug, { actionId: toGlobalId('Action', 'assen-2022-2026', 'bestaat-niet') }), 'NOT_FOUND', ['input', 'actionId'])
    await refused(assessment(slug, { actionId: toGlobalId('Theme', 'assen-2022-2026', 'wonen') }), 'NOT_FOUND', ['input', 'actionId'])
    await refused(assessment(slug, { actionId: '!!nope' }), 'NOT_FOUND', ['input', 'actionId'])
  })

  it('refuses a stale expectedRevision with CONFLICT', async () => {
    const first = await server.gql(recordProgress, { input: assessment(slug, { expectedRevision: 0 }) }, editor)
    expect(first.body.data.recordProgress.userErrors).toEqual([])
    await refused(assessment(slug, { expectedRevision: 0 }), 'CONFLICT', ['input', 'expectedRevision'])
  })

  it('refuses a reviewer publishing their own draft (SAME_AUTHOR), and an editor publishing at all (FORBIDDEN)', async () => {
    const own = await server.gql(recordProgress, { input: assessment(slug) }, reviewer)
    const id = own.body.data.recordProgress.assessment.id
    const before = (await snapshot())
    const same = await server.gql(publishProgress, { id }, reviewer)
    expect(same.body.data.publishProgress.userErrors).toEqual([expect.objectContaining({ code: 'SAME_AUTHOR' })])
    expect((await snapshot())).toEqual(before)
    expect((await lastAudit())).toMatchObject({ operation: 'publishProgress', outcome: 'refused', codes: 'SAME_AUTHOR' })
    const forbidden = await server.gql(publishProgress, { id }, editor)
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect((await lastAudit())).toMatchObject({ operation: 'publishProgress', outcome: 'refused', codes: 'FORBIDDEN' })
    // The store holds the same rule: a trigger refuses a publication by the author.
    const row = await sqlRow<{ author_id: number }>(server.store, sql`SELECT author_id FROM revision ORDER BY id DESC LIMIT 1`)
    await expect(sqlRows(server.store, sql`INSERT INTO publication (revision_id, reviewer_id, published_at) VALUES ((SELECT max(id) FROM revision), ${row.author_id}, 'x')`)).rejects.toThrow(/four-eyes/)
    expect((await snapshot())).toEqual(before)
  })

  it('refuses retracting a draft, an unknown id, and without a reason', async () => {
    const draft = (await server.gql(recordProgress, { input: assessment(slug) }, editor)).body.data.recordProgress.assessment.id
    const before = (await snapshot())
    const ofDraft = await server.gql(retractProgress, { id: draft, reason: 'Onjuist.' }, reviewer)
    expect(ofDraft.body.data.retractProgress.userErrors).toContainEqual(expect.objectContaining({ code: 'INVALID' }))
    const unknown = await server.gql(retractProgress, { id: toGlobalId('ProgressAssessment', 'assen-2022-2026', '99999'), reason: 'Onjuist.' }, reviewer)
    expect(unknown.body.data.retractProgress.userErrors).toContainEqual(expect.objectContaining({ code: 'NOT_FOUND' }))
    const noReason = await server.gql(retractProgress, { id: draft, reason: ' ' }, reviewer)
    expect(noReason.body.data.retractProgress.userErrors).toContainEqual(expect.objectContaining({ code: 'INVALID', field: ['input', 'reason'] }))
    expect((await snapshot())).toEqual(before)
  })

  it('answers anonymous, malformed, unknown and revoked tokens with UNAUTHENTICATED, audited, without echoing the token', async () => {
    const before = (await snapshot())
    const anonymous = await server.gql(recordProgress, { input: assessment(slug) })
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect((await lastAudit())).toMatchObject({ operation: 'recordProgress', outcome: 'refused', codes: 'UNAUTHENTICATED', account_id: null })
    const revokedToken = await server.account('Oud Account', 'editor')
    const { revokeAccount } = await import('../../src/editorial/accounts.js')
    await revokeAccount(server.store, 'Oud Account')
    for (const token of ['not-a-token', `oa_${'A'.repeat(43)}`, revokedToken]) {
      const answer = await server.gql(recordProgress, { input: assessment(slug) }, token)
      expect(answer.status).toBe(401)
      expect(answer.headers.get('www-authenticate')).toContain('invalid_token')
      expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
      expect(JSON.stringify(answer.body)).not.toContain(token)
      expect((await lastAudit())).toMatchObject({ operation: 'authenticate', outcome: 'refused', codes: 'UNAUTHENTICATED' })
    }
    expect(String((await lastAudit()).subject)).toBe('revoked')
    expect((await snapshot())).toEqual(before)
  })

  it('refuses a 1 MB explanation with 413 before reading it, and a mutation over GET', async () => {
    const before = (await snapshot())
    const big = await post(server.base, recordProgress, { input: assessment(slug, { explanation: 'x'.repeat(1_000_000) }) }, editor)
    expect(big.status).toBe(413)
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE')
    const params = new URLSearchParams({ query: 'mutation { publishProgress(input: { assessmentId: "x" }) { userErrors { code } } }' })
    const overGet = await fetch(`${server.base}/graphql?${params}`, { headers: { authorization: `Bearer ${reviewer}`, accept: 'application/graphql-response+json' } })
    expect(overGet.status).toBe(405)
    expect((await snapshot())).toEqual(before)
  })
})
