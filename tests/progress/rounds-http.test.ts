import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { progressSnapshot, progressSnapshotAt } from '../../src/editorial/served-public-view.js'
import { findRound } from '../../src/editorial/reporting-rounds.js'
import { agreement, sqlRow, sqlRows, startEditorialServer } from '../editorial/support.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { actionPath, housing, signInTeam, statusForm } from './team.js'


let server: Awaited<ReturnType<typeof startEditorialServer>>
let as: Record<string, BeheerClient> = {}

beforeAll(async () => {
  server = await startEditorialServer()
  as = await signInTeam(server)
})
afterAll(() => server?.close())

const latestDraftId = async () => ((await sqlRow<{ id: number }>(server.store, sql`SELECT id FROM revision WHERE subject_type = 'action' ORDER BY id DESC LIMIT 1`))).id

describe('reporting rounds, assignments and the overview in /beheer', () => {
  it('lets only an administrator open a round, with its dates read the Dutch way', async () => {
    const form = { name: 'Voortgangsrapportage 2025', peildatum: '31-12-2025', opensOn: '1-12-2026', closesOn: '1-12-2026' }
    expect((await as.eva!.post('/beheer/rondes', { ...form, csrf: await as.eva!.formToken(actionPath) })).status).toBe(403)
    const refused = await as.ada!.post('/beheer/rondes', { ...form, closesOn: '30-11-2026', csrf: await as.ada!.formToken('/beheer/rondes') })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('De ronde kan niet sluiten voordat hij opent.')
    const opened = await as.ada!.post('/beheer/rondes', { ...form, csrf: await as.ada!.formToken('/beheer/rondes') })
    expect([opened.status, opened.headers.get('location')]).toEqual([303, '/beheer/rondes?gedaan=geopend'])
    const round = (await findRound(server.store, agreement, 'voortgangsrapportage-2025'))!
    expect([round.peildatum, round.opensOn, round.closesOn, round.closedAt]).toEqual(['2025-12-31', '2026-12-01', '2026-12-01', null])
    // One open round at a time.
    const second = await as.ada!.post('/beheer/rondes', { ...form, name: 'Tweede', csrf: await as.ada!.formToken('/beheer/rondes') })
    expect(await second.text()).toContain('Er is al een open ronde: sluit die eerst.')
  })

  it('assigns an action to an editor, who finds it on their own list', async () => {
    const evaId = ((await sqlRow<{ id: number }>(server.store, sql`SELECT id FROM account WHERE name = 'eva'`))).id
    expect((await as.eva!.post(`${actionPath}/toewijzen`, { accountId: String(evaId), csrf: await as.eva!.formToken(actionPath) })).status).toBe(403)
    const assigned = await as.rob!.post(`${actionPath}/toewijzen`, { accountId: String(evaId), csrf: await as.rob!.formToken(actionPath) })
    expect(assigned.headers.get('location')).toBe(`${actionPath}?gedaan=toegewezen`)
    const list = await (await as.eva!.get('/beheer/mijn-lijst')).text()
    expect(list).toContain('1 afspraak is aan eva toegewezen.')
    expect(list).toContain(`href="${actionPath}"`)
    expect(list).toContain('Niet beoordeeld, Te laat')
  })

  it('counts per theme what is left: overdue, awaiting review, published in the round', async () => {
    const count = async (column: number) => {
      const body = await (await as.rob!.get('/beheer/overzicht')).text()
      const row = /<tr><th scope="row">Wonen<\/th>(.*?)<\/tr>/s.exec(body)![1]!
      return [...row.matchAll(/<td class="amount">(\d+)<\/td>/g)].map((m) => Number(m[1]))[column]!
    }
    const before = { overdue: await count(5), awaiting: await count(2) }
    expect((await as.eva!.post(actionPath, { ...statusForm('IN_PROGRESS', 'De bouw is gestart.'), csrf: await as.eva!.formToken(actionPath) })).status).toBe(303)
    expect(await count(2)).toBe(before.awaiting + 1)
    expect((await as.rob!.post(`/beheer/beoordelen/${await latestDraftId()}/publiceren`, { csrf: await as.rob!.formToken('/beheer/beoordelen') })).status).toBe(303)
    expect(await count(4)).toBe(1)
    expect(await count(5)).toBe(before.overdue - 1)
    const perAlderman = await (await as.rob!.get('/beheer/overzicht?per=wethouder')).text()
    expect(perAlderman).toContain('Afspraken per wethouder en hoe ver ze zijn')
  })

  it('starts a correction from the published text', async () => {
    const form = await (await as.eva!.get(actionPath)).text()
    expect(form).toContain('>De bouw is gestart.</textarea>')
    expect(form).toContain('id="asOf" name="asOf" type="text" value="31-12-2025"')
    expect(form).toContain('<option value="IN_PROGRESS" selected>')
  })

  it('closes a round once; its picture never changes, and its unpublished drafts cannot be published', async () => {
    expect((await as.eva!.post(actionPath, { ...statusForm('ACHIEVED', 'Klaar, volgens de opsteller.'), csrf: await as.eva!.formToken(actionPath) })).status).toBe(303)
    const pending = await latestDraftId()
    const closed = await as.ada!.post('/beheer/rondes/voortgangsrapportage-2025/sluiten', { csrf: await as.ada!.formToken('/beheer/rondes') })
    expect(closed.headers.get('location')).toBe('/beheer/rondes?gedaan=gesloten')
    expect((await as.ada!.post('/beheer/rondes/voortgangsrapportage-2025/sluiten', { csrf: await as.ada!.formToken('/beheer/rondes') })).status).toBe(409)
    const refused = await as.rob!.post(`/beheer/beoordelen/${pending}/publiceren`, { csrf: await as.rob!.formToken('/beheer/beoordelen') })
    expect(refused.status).toBe(409)
    const round = (await findRound(server.store, agreement, 'voortgangsrapportage-2025'))!
    const picture = async () => (await progressSnapshotAt(server.store, agreement, round.closedGeneration!)).statusOf(housing)
    expect(await picture()).toBe('IN_PROGRESS')
    // A new round; what is published in it changes today's picture, not the closed round's.
    expect((await as.ada!.post('/beheer/rondes', { name: 'Voortgangsrapportage 2026', peildatum: '30-6-2026', opensOn: '7-12-2026', closesOn: '31-12-2026', csrf: await as.ada!.formToken('/beheer/rondes') })).status).toBe(303)
    expect((await as.eva!.post(actionPath, { ...statusForm('ACHIEVED', 'Opgeleverd.'), csrf: await as.eva!.formToken(actionPath) })).status).toBe(303)
    expect((await as.rob!.post(`/beheer/beoordelen/${await latestDraftId()}/publiceren`, { csrf: await as.rob!.formToken('/beheer/beoordelen') })).status).toBe(303)
    // The test's handle is another process than the server's: it learns of the publication now rather than at its next poll.
    await server.store.refreshGeneration()
    expect((await progressSnapshot(server.store, agreement)).statusOf(housing)).toBe('ACHIEVED')
    expect(await picture()).toBe('IN_PROGRESS')
    // The store itself refuses to reopen or alter a closed round.
    await expect(sqlRows(server.store, sql`UPDATE reporting_round SET name = 'x' WHERE slug = 'voortgangsrapportage-2025'`)).rejects.toThrow(/only be closed, once/)
    // The API shows each round's picture: the closed one as it was, the open one as it is.
    const api = await server.gql(`{ progressRounds { slug closed peildatum progressSummary { counts { status count } } } progressRound { slug closed } }`)
    expect(api.body.errors).toBeUndefined()
    const inProgress = (slug: string, status: string) => api.body.data.progressRounds.find((r: any) => r.slug === slug).progressSummary.counts.find((c: any) => c.status === status).count
    expect(api.body.data.progressRounds.map((r: any) => [r.slug, r.closed, r.peildatum])).toEqual([['voortgangsrapportage-2026', false, '2026-06-30'], ['voortgangsrapportage-2025', true, '2025-12-31']])
    expect([inProgress('voortgangsrapportage-2025', 'IN_PROGRESS'), inProgress('voortgangsrapportage-2025', 'ACHIEVED')]).toEqual([1, 0])
    expect([inProgress('voortgangsrapportage-2026', 'IN_PROGRESS'), inProgress('voortgangsrapportage-2026', 'ACHIEVED')]).toEqual([0, 1])
    expect(api.body.data.progressRound).toEqual({ slug: 'voortgangsrapportage-2026', closed: false })
    const missing = await server.gql('{ progressRound(slug: "bestaat-niet") { slug } }')
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND')
    const rounds = await (await as.eva!.get('/beheer/rondes')).text()
    expect(rounds).toMatch(/Voortgangsrapportage 2026<\/a><\/th><td>30 juni 2026/)
  })
})
