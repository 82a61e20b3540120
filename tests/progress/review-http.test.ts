import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sqlRow, startEditorialServer } from '../editorial/support.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { actionPath, housing, signInTeam, statusForm } from './team.js'


let server: Awaited<ReturnType<typeof startEditorialServer>>
let as: Record<string, BeheerClient> = {}
const latestId = async () => ((await sqlRow<{ id: number }>(server.store, sql`SELECT id FROM revision ORDER BY id DESC LIMIT 1`))).id

beforeAll(async () => {
  server = await startEditorialServer()
  as = await signInTeam(server, [['eva', 'editor'], ['rob', 'reviewer']])
  await as.eva!.post(actionPath, { ...statusForm('IN_PROGRESS', 'De bouw is gestart.'), csrf: await as.eva!.formToken(actionPath) })
  await as.rob!.post(`/beheer/beoordelen/${await latestId()}/publiceren`, { csrf: await as.rob!.formToken('/beheer/beoordelen') })
})
afterAll(() => server?.close())

describe('reviewing against the published version, with comments, and retracting on the screens', () => {
  it('shows the reviewer what a draft changes against the published version', async () => {
    await as.eva!.post(actionPath, { ...statusForm('IN_PROGRESS', 'De bouw is gestart; 1.850 woningen zijn opgeleverd.'), csrf: await as.eva!.formToken(actionPath) })
    const queue = await (await as.rob!.get('/beheer/beoordelen')).text()
    expect(queue).toContain('Wat dit concept verandert ten opzichte van de gepubliceerde versie 1')
    expect(queue).toMatch(/Status of waarde<br><span class="meta">ongewijzigd<\/span>/)
    expect(queue).toMatch(/<tr class="changed"><th scope="row">Toelichting<br><strong>gewijzigd<\/strong>/)
  })

  it('lets a reviewer leave a comment that the author sees beside the draft, and an editor may not', async () => {
    const id = await latestId()
    expect((await as.eva!.post(`/beheer/beoordelen/${id}/opmerking`, { comment: 'Mag ik?', csrf: await as.eva!.formToken(actionPath) })).status).toBe(403)
    const posted = await as.rob!.post(`/beheer/beoordelen/${id}/opmerking`, { comment: 'Noem ook de bron van het aantal.', csrf: await as.rob!.formToken('/beheer/beoordelen') })
    expect(posted.headers.get('location')).toBe('/beheer/beoordelen?gedaan=opmerking')
    expect(await (await as.eva!.get(actionPath)).text()).toContain('<strong>Opmerking van rob</strong>')
    expect(await (await as.eva!.get(actionPath)).text()).toContain('Noem ook de bron van het aantal.')
    const empty = await as.rob!.post(`/beheer/beoordelen/${id}/opmerking`, { comment: '  ', csrf: await as.rob!.formToken('/beheer/beoordelen') })
    expect(empty.status).toBe(422)
  })

  it('marks a draft that a newer one replaced, instead of leaving it "Concept" for ever', async () => {
    const other = '/beheer/afspraak/startersleningen-blijven-aanbieden'
    await as.eva!.post(other, { ...statusForm('NOT_STARTED', 'Eerste versie.'), csrf: await as.eva!.formToken(other) })
    await as.eva!.post(other, { ...statusForm('IN_PROGRESS', 'Tweede versie.'), csrf: await as.eva!.formToken(other) })
    const page = await (await as.eva!.get(other)).text()
    expect(page).toContain('<span class="state">Vervangen door versie 2</span>')
    // The form starts from the editor's own newest draft.
    expect(page).toContain('>Tweede versie.</textarea>')
  })

  it('retracts the published status from the action page, published by a reviewer', async () => {
    const page = await (await as.eva!.get(actionPath)).text()
    const revisionId = /name="revisionId" value="(\d+)"/.exec(page)![1]!
    const posted = await as.eva!.post(`${actionPath}/intrekken`, { revisionId, reason: 'De brief was een concept.', csrf: await as.eva!.formToken(actionPath) })
    expect(posted.headers.get('location')).toBe(`${actionPath}?gedaan=ingetrokken`)
    const stale = await as.eva!.post(`${actionPath}/intrekken`, { revisionId: '999', reason: 'x', csrf: await as.eva!.formToken(actionPath) })
    expect(stale.headers.get('location')).toBe(`${actionPath}?gedaan=niet-ingetrokken`)
    const retraction = (await sqlRow<{ id: number }>(server.store, sql`SELECT id FROM revision WHERE kind = 'retraction'`))
    expect((await as.rob!.post(`/beheer/beoordelen/${retraction.id}/publiceren`, { csrf: await as.rob!.formToken('/beheer/beoordelen') })).status).toBe(303)
    const publicPage = await (await fetch(`${server.base}/afspraak/${housing}`)).text()
    expect(publicPage).toContain('Ingetrokken')
    expect(publicPage).toContain('De brief was een concept.')
    expect(publicPage).toMatch(/<div class="progress-current">|De voortgang van deze afspraak is nog niet beoordeeld\./)
    expect(publicPage).toContain('De voortgang van deze afspraak is nog niet beoordeeld.')
  })
})
