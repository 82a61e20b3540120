import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { toGlobalId } from '../../src/model/global-id.js'
import { agreement, assessment, publishProgress, recordProgress, sqlRows } from '../editorial/support.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { actionPath, housing, statusForm, teamPerFile } from './team.js'

const editDraft = `mutation($input: EditProgressDraftInput!) { editProgressDraft(input: $input) {
  draft { id revision state ... on ProgressAssessment { status explanation } ... on TargetMeasurement { value } } userErrors { field message code } } }`

const team = teamPerFile()

const rows = <T>(text: string) => sqlRows<T>(team.server.store, sql.raw(text))
const latestId = async () => (await rows<{ id: number }>('SELECT max(id) AS id FROM revision'))[0]!.id
const assessmentId = (id: number) => toGlobalId('ProgressAssessment', agreement, String(id))
const queueIds = async (client: BeheerClient) => [...(await (await client.get('/beheer/beoordelen')).text()).matchAll(/action="\/beheer\/beoordelen\/(\d+)\/publiceren"/g)].map((m) => Number(m[1]))
const editInput = (id: number, overrides: Record<string, unknown> = {}) => {
  const { actionId: _action, ...rest } = assessment(housing)
  return { ...rest, draftId: assessmentId(id), ...overrides }
}

describe('editing a draft in place', () => {
  it('lets its author edit it on the page: the edit replaces the draft, the queue shows only the edit, the trail records it', async () => {
    const recorded = await team.as.eva!.post(actionPath, { ...statusForm('IN_PROGRESS', 'Eerste versie.'), csrf: await team.as.eva!.formToken(actionPath) })
    expect(recorded.headers.get('location')).toBe(`${actionPath}?gedaan=vastgelegd`)
    const first = await latestId()
    const page = await (await team.as.eva!.get(actionPath)).text()
    expect(page).toContain(`<input type="hidden" name="bewerkt" value="${first}">`)
    expect(page).toContain('U bewerkt uw concept (versie 1).')
    expect(page).toContain('Eerste versie.</textarea>')
    expect(page).toContain('<button type="submit">Concept bijwerken</button>')
    const expected = /name="expectedRevision" value="(\d+)"/.exec(page)![1]!

    const edited = await team.as.eva!.post(actionPath, { ...statusForm('PARTLY_ACHIEVED', 'Tweede versie, na nieuwe cijfers.'), expectedRevision: expected, bewerkt: String(first), csrf: await team.as.eva!.formToken(actionPath) })
    expect([edited.status, edited.headers.get('location')]).toEqual([303, `${actionPath}?gedaan=bijgewerkt`])
    const second = await latestId()
    expect(await rows('SELECT revision_id AS old, superseded_by_id AS new FROM draft_supersession')).toEqual([{ old: first, new: second }])
    const after = await (await team.as.eva!.get(`${actionPath}?gedaan=bijgewerkt`)).text()
    expect(after).toContain('Uw concept is bijgewerkt')
    expect(after).toContain('Bewerkt: vervangen door versie 2')
    expect(after).toContain(`name="bewerkt" value="${second}"`)
    expect(after).toContain('Tweede versie, na nieuwe cijfers.</textarea>')
    expect(await rows<{ outcome: string; record_id: number }>("SELECT outcome, record_id FROM audit_entry WHERE operation = 'editProgressDraft'")).toEqual([{ outcome: 'accepted', record_id: second }])

    const node = `query($id: ID!) { node(id: $id) { ... on ProgressRevision { revision state editedInto { revision state } } } }`
    expect((await team.server.gql(node, { id: assessmentId(first) }, team.server.tokens.eva)).body.data.node).toEqual({ revision: 1, state: 'DRAFT', editedInto: { revision: 2, state: 'DRAFT' } })
    expect((await team.server.gql(node, { id: assessmentId(second) }, team.server.tokens.eva)).body.data.node.editedInto).toBeNull()
    expect(await queueIds(team.as.rob!)).toEqual([second])
    const old = await team.server.gql(publishProgress, { id: assessmentId(first) }, team.server.tokens.rob)
    expect(old.body.data.publishProgress.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT'])
    // The store itself refuses to publish a replaced draft and to change or remove a supersession.
    await expect(sqlRows(team.server.store, sql`INSERT INTO publication (revision_id, reviewer_id, published_at, request_id) VALUES (${first}, (SELECT id FROM account WHERE name = 'rob'), '2026-12-07T12:00:00Z', 'x')`)).rejects.toThrow(/not published/)
    await expect(rows('DELETE FROM draft_supersession')).rejects.toThrow(/append-only/)
    await expect(rows('UPDATE draft_supersession SET superseded_by_id = superseded_by_id')).rejects.toThrow(/append-only/)
  })

  it('refuses anyone but the author, on the page and in the API, and an edit of a draft edited already', async () => {
    const current = await latestId()
    const page = await (await team.as.rob!.get(actionPath)).text()
    expect(page).not.toContain('name="bewerkt"')
    const forged = await team.as.rob!.post(actionPath, { ...statusForm('ACHIEVED', 'Niet van mij.'), bewerkt: String(current), csrf: await team.as.rob!.formToken(actionPath) })
    expect(forged.status).toBe(422)
    expect(await forged.text()).toContain('Alleen wie dit concept vastlegde, kan het bewerken.')
    const api = await team.server.gql(editDraft, { input: editInput(current) }, team.server.tokens.ada)
    expect(api.body.data.editProgressDraft).toMatchObject({ draft: null, userErrors: [{ field: ['input', 'draftId'], code: 'NOT_AUTHOR' }] })
    const replaced = (await rows<{ id: number }>('SELECT revision_id AS id FROM draft_supersession'))[0]!.id
    const again = await team.server.gql(editDraft, { input: editInput(replaced) }, team.server.tokens.eva)
    expect(again.body.data.editProgressDraft.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT'])
    expect(await rows("SELECT 1 FROM draft_supersession")).toHaveLength(1)
  })

  it('edits through the API with the same checks, the second time too, and not once the draft is published', async () => {
    const current = await latestId()
    const invalid = await team.server.gql(editDraft, { input: editInput(current, { asOf: '2999-01-01', status: null }) }, team.server.tokens.eva)
    expect(invalid.body.data.editProgressDraft.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual(expect.arrayContaining([['input.asOf', 'INVALID'], ['input.status', 'INVALID']]))
    const stale = await team.server.gql(editDraft, { input: editInput(current, { expectedRevision: 1 }) }, team.server.tokens.eva)
    expect(stale.body.data.editProgressDraft.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT'])
    const third = await team.server.gql(editDraft, { input: editInput(current, { explanation: 'Derde versie.', expectedRevision: 2 }) }, team.server.tokens.eva)
    expect(third.body.data.editProgressDraft).toMatchObject({ draft: { revision: 3, state: 'DRAFT', status: 'IN_PROGRESS', explanation: 'Derde versie.' }, userErrors: [] })
    expect(await queueIds(team.as.rob!)).toEqual([await latestId()])
    const published = await team.server.gql(publishProgress, { id: third.body.data.editProgressDraft.draft.id }, team.server.tokens.rob)
    expect(published.body.data.publishProgress.userErrors).toEqual([])
    const late = await team.server.gql(editDraft, { input: editInput(await latestId()) }, team.server.tokens.eva)
    expect(late.body.data.editProgressDraft.userErrors.map((e: any) => e.code)).toEqual(['CONFLICT'])
    // Published: the form starts a new revision from what stands.
    const page = await (await team.as.eva!.get(actionPath)).text()
    expect(page).not.toContain('name="bewerkt"')
    expect(page).toContain('<button type="submit">Opslaan als concept</button>')
    expect(page).toContain('Derde versie.</textarea>')
  })

  it('does not edit a draft that was sent back: a new draft answers the reason', async () => {
    const recorded = await team.server.gql(recordProgress, { input: assessment(housing, { explanation: 'Vierde.', expectedRevision: 3 }) }, team.server.tokens.eva)
    const id = recorded.body.data.recordProgress.assessment.id
    const reviewer = team.as.rob!
    const draft = await latestId()
    const sent = await reviewer.post(`/beheer/beoordelen/${draft}/terugsturen`, { reason: 'Bron ontbreekt.', csrf: await reviewer.formToken('/beheer/beoordelen') })
    expect(sent.status).toBe(303)
    const edit = await team.server.gql(editDraft, { input: { ...editInput(draft), draftId: id } }, team.server.tokens.eva)
    expect(edit.body.data.editProgressDraft.userErrors.map((e: any) => e.message)).toEqual(['This draft was sent back: record a new revision that answers the reason.'])
    expect((await (await team.as.eva!.get(actionPath)).text())).not.toContain('name="bewerkt"')
    // A new draft that answers the reason is the one the queue shows; recorded twice, only the newer one waits.
    await team.server.gql(recordProgress, { input: assessment(housing, { explanation: 'Vijfde, met bron.' }) }, team.server.tokens.eva)
    await team.server.gql(recordProgress, { input: assessment(housing, { explanation: 'Zesde, nog beter.' }) }, team.server.tokens.eva)
    expect(await queueIds(team.as.rob!)).toEqual([await latestId()])
    // A colleague's newer draft replaces nobody's: both wait, and the history still calls eva's a draft.
    const evas = await latestId()
    await team.server.gql(recordProgress, { input: assessment(housing, { explanation: 'Van rob.' }) }, team.server.tokens.rob)
    expect(await queueIds(team.as.ada!)).toEqual([evas, await latestId()])
    const items = (await (await team.as.eva!.get(actionPath)).text()).split('<ol class="history">')[1]!.split('<li>')
    expect(items.find((item) => item.includes('Zesde, nog beter.'))).toContain('<span class="state state-draft">Concept</span>')
    expect(items.find((item) => item.includes('Vijfde, met bron.'))).toMatch(/<span class="state">Vervangen door versie \d+<\/span>/)
    const unknown = await team.server.gql(editDraft, { input: editInput(999_999) }, team.server.tokens.eva)
    expect(unknown.body.data.editProgressDraft.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND'])
  })
  it('edits a measurement\'s draft on the target page and through the API with a value', async () => {
    const targetPath = '/beheer/doel/minimaal-3000-nieuwe-woningen-in-2030'
    const form = { value: '1.850', asOf: '31-12-2025', explanation: 'Telling van december.', expectedRevision: '', 'evidence-0-title': 'Monitor wonen', 'evidence-0-url': 'https://www.assen.nl/monitor', 'evidence-0-kind': 'raadsinformatiebrief' }
    expect((await team.as.eva!.post(targetPath, { ...form, csrf: await team.as.eva!.formToken(targetPath) })).status).toBe(303)
    const draft = await latestId()
    const page = await (await team.as.eva!.get(targetPath)).text()
    expect(page).toContain(`name="bewerkt" value="${draft}"`)
    expect(page).toContain('value="1.850"')
    const { actionId: _a, status: _s, ...rest } = assessment(housing)
    const measured = await team.server.gql(editDraft, { input: { ...rest, draftId: toGlobalId('TargetMeasurement', agreement, String(draft)), value: 1900 } }, team.server.tokens.eva)
    expect(measured.body.data.editProgressDraft).toMatchObject({ draft: { revision: 2, state: 'DRAFT', value: 1900 }, userErrors: [] })
    const after = await (await team.as.eva!.get(targetPath)).text()
    expect(after).toContain('Bewerkt: vervangen door versie 2')
    expect(after).toContain('value="1.900"')
  })
})
