import { Writable } from 'node:stream'
import { sql } from 'kysely'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src/server/start-server.js'
import { testConfig } from '../api/support.js'
import { count, sqlRow, sqlRows, startEditorialServer } from '../editorial/support.js'
import { BeheerClient } from './beheer-client.js'

const housing = 'woonvisie-3000-woningen-als-minimum'
const actionPath = `/beheer/afspraak/${housing}`
const typed = 'Regel één van de toelichting.\n\n- punt met een eigen zin die niemand anders typt'

const statusForm = (csrf: string) => ({
  csrf, status: 'IN_PROGRESS', asOf: '31-12-2025', explanation: typed, expectedRevision: '0',
  'evidence-0-title': 'Raadsinformatiebrief bewaard', 'evidence-0-url': 'https://assen.bestuurlijkeinformatie.nl/Document/77',
  'evidence-0-documentDate': '', 'evidence-0-kind': 'raadsinformatiebrief',
})

let server: Awaited<ReturnType<typeof startEditorialServer>>
let short: RunningServer
let shortBase: string
const logs: string[] = []

beforeAll(async () => {
  server = await startEditorialServer()
  await server.account('eva', 'editor')
  await server.account('rob', 'reviewer')
  // A second process on the same store whose sessions last one second, logging everything at debug level.
  const sink = new Writable({ write: (chunk, _encoding, done) => { logs.push(String(chunk)); done() } })
  short = await startServer(testConfig({ ...server.env, EDITORIAL_SESSION_SECONDS: '1' }), pino({ level: 'debug' }, sink))
  shortBase = `http://127.0.0.1:${short.port}`
})
afterAll(async () => {
  await short?.shutdown()
  await server?.close()
})

const expire = () => new Promise((resolve) => setTimeout(resolve, 1100))
const sealedOf = (page: string) => /name="bewaard" value="([^"]+)"/.exec(page)?.[1]

/** Signs in on the short-session server, opens a page's form and waits until the session has expired; the client keeps the old cookie (as a server-side expiry or a sign-out in another tab leaves it). */
async function expiredOn(path: string, account = 'eva'): Promise<{ client: BeheerClient; csrf: string }> {
  const client = new BeheerClient(shortBase)
  await client.signIn(server.tokens[account]!)
  const csrf = await client.formToken(path)
  const sessionId = client.cookies.get('oa_beheer')!
  await expire()
  client.cookies.set('oa_beheer', sessionId)
  return { client, csrf }
}

describe('a form posted after the session expired', () => {
  it('records nothing, keeps what was typed sealed in the sign-in form, and says so in Dutch', async () => {
    const { client, csrf } = await expiredOn(actionPath)
    const before = await count(server.store, 'revision')
    const answer = await client.post(actionPath, statusForm(csrf))
    expect([answer.status, answer.headers.get('location'), answer.headers.get('cache-control')]).toEqual([401, null, 'no-store'])
    const page = await answer.text()
    expect(page).toContain('Uw sessie was verlopen, daarom is er niets opgeslagen. Wat u had ingevuld is bewaard')
    expect(await count(server.store, 'revision')).toBe(before)
    // The sign-in page does not show the text: it is sealed (AES-GCM), and its key is only in an HttpOnly cookie for the sign-in page.
    expect(page).not.toContain('niemand anders typt')
    expect(page).not.toContain('Raadsinformatiebrief bewaard')
    const keyCookie = answer.headers.getSetCookie().find((c) => c.startsWith('oa_bewaard='))!
    expect(keyCookie).toMatch(/HttpOnly/)
    expect(keyCookie).toMatch(/SameSite=Strict/)
    expect(keyCookie).toMatch(/Path=\/beheer\/aanmelden/)
    expect(keyCookie).toMatch(/Max-Age=3600/)

    // A mistyped token keeps the sealed form in the page for the next try.
    const sealed = sealedOf(page)!
    const mistyped = await client.post('/beheer/aanmelden', { csrf: client.cookies.get('oa_aanmelden')!, token: `oa_${'B'.repeat(43)}`, bewaard: sealed })
    const retry = await mistyped.text()
    expect(mistyped.status).toBe(401)
    expect(retry).toContain('Deze toegangscode is onbekend of ingetrokken')
    expect(retry).toContain('Wat u had ingevuld is bewaard')
    expect(sealedOf(retry)).toBe(sealed)

    // Signing in shows the form again, filled in, with the notice; nothing is recorded until it is sent again.
    const signIn = await client.post('/beheer/aanmelden', { csrf: client.cookies.get('oa_aanmelden')!, token: server.tokens.eva!, bewaard: sealed })
    expect(signIn.status).toBe(200)
    const restored = await signIn.text()
    expect(restored).toContain('Wat u had ingevuld is bewaard en staat hieronder weer in het formulier; er is nog niets opgeslagen')
    expect(restored).toContain(`action="${actionPath}"`)
    expect(restored).toContain('Regel één van de toelichting.\n\n- punt met een eigen zin die niemand anders typt</textarea>')
    expect(restored).toContain('value="Raadsinformatiebrief bewaard"')
    expect(restored).toContain('value="31-12-2025"')
    expect(await count(server.store, 'revision')).toBe(before)

    // The restored form carries the new session's form token; sending it records the draft (the four-eyes rule unchanged).
    const csrfNow = /name="csrf" value="([^"]+)"/.exec(restored)![1]!
    expect(csrfNow).not.toBe(csrf)
    const values = Object.fromEntries([...restored.matchAll(/name="([^"]+)" (?:type="[^"]+" )?value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
    const sent = await client.post(actionPath, { ...statusForm(csrfNow), expectedRevision: values.expectedRevision ?? '' })
    expect([sent.status, sent.headers.get('location')]).toEqual([303, `${actionPath}?gedaan=vastgelegd`])
    const row = await sqlRow<{ explanation: string }>(server.store, sql`SELECT explanation FROM revision ORDER BY id DESC LIMIT 1`)
    expect(row.explanation).toBe(typed)

    // Signing in again with the same sealed form (a reload of the sign-in post) shows it again; nothing is recorded twice.
    const again = await client.post('/beheer/aanmelden', { csrf: client.cookies.get('oa_aanmelden')!, token: server.tokens.eva!, bewaard: sealed })
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('niemand anders typt</textarea>')
    expect(await count(server.store, 'revision')).toBe(before + 1)

    // The text is in no log line, no address and no table but the draft itself.
    expect(logs.join('\n')).not.toContain('niemand anders typt')
    expect(logs.join('\n')).toContain('kept for the next sign-in')
    const audit = JSON.stringify(await sqlRows(server.store, sql`SELECT * FROM audit_entry`))
    expect(audit).not.toContain('niemand anders typt')
  })

  it('keeps a reviewer\'s comment and reason to send back, and shows them in the queue after signing in', async () => {
    const draft = (await sqlRow<{ id: number }>(server.store, sql`SELECT max(id) AS id FROM revision`)).id
    const { client, csrf } = await expiredOn('/beheer/beoordelen', 'rob')
    const answer = await client.post(`/beheer/beoordelen/${draft}/opmerking`, { csrf, comment: 'Graag de bron van de cijfers erbij.' })
    expect(answer.status).toBe(401)
    const signIn = await client.post('/beheer/aanmelden', { csrf: client.cookies.get('oa_aanmelden')!, token: server.tokens.rob!, bewaard: sealedOf(await answer.text())! })
    const queue = await signIn.text()
    expect(signIn.status).toBe(200)
    expect(queue).toContain('<h1>Te beoordelen</h1>')
    expect(queue).toContain(`id="opmerking-${draft}" name="comment" rows="2" required>Graag de bron van de cijfers erbij.</textarea>`)
  })

  it('restores nothing for another account, a changed sealed text, another browser\'s key, or a forged form token', async () => {
    const { client, csrf } = await expiredOn(actionPath)
    const answer = await client.post(actionPath, statusForm(csrf))
    const sealed = sealedOf(await answer.text())!
    const key = client.cookies.get('oa_bewaard')!

    // rob signs in in eva's browser: the form was eva's, so rob is taken to the list.
    const other = await client.post('/beheer/aanmelden', { csrf: client.cookies.get('oa_aanmelden')!, token: server.tokens.rob!, bewaard: sealed })
    expect([other.status, other.headers.get('location')]).toEqual([303, '/beheer'])

    const flipped = `${sealed.slice(0, 40)}${sealed[40] === 'A' ? 'B' : 'A'}${sealed.slice(41)}`
    const changed = await client.post('/beheer/aanmelden', { csrf: client.cookies.get('oa_aanmelden')!, token: server.tokens.eva!, bewaard: flipped })
    expect([changed.status, changed.headers.get('location')]).toEqual([303, '/beheer'])

    const elsewhere = new BeheerClient(shortBase)
    const formToken = await elsewhere.formToken('/beheer/aanmelden')
    const foreign = await elsewhere.post('/beheer/aanmelden', { csrf: formToken, token: server.tokens.eva!, bewaard: sealed })
    expect([foreign.status, foreign.headers.get('location')]).toEqual([303, '/beheer'])
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)

    // The old session's cookie is sent but the form token is not its: nothing is kept.
    const forged = await expiredOn(actionPath)
    const refused = await forged.client.post(actionPath, statusForm('niet-het-token'))
    expect([refused.status, refused.headers.get('location')]).toEqual([303, '/beheer/aanmelden?verlopen=1'])
  })

  it('keeps nothing from another site, and nothing for a post without typed text', async () => {
    const { client, csrf } = await expiredOn(actionPath)
    const crossSite = await client.post(actionPath, statusForm(csrf), { 'sec-fetch-site': 'cross-site', origin: 'https://elders.example' })
    expect([crossSite.status, crossSite.headers.get('location')]).toEqual([303, '/beheer/aanmelden?verlopen=1'])
    const second = await expiredOn('/beheer/beoordelen', 'rob')
    const publish = await second.client.post('/beheer/beoordelen/1/publiceren', { csrf: second.csrf })
    expect([publish.status, publish.headers.get('location')]).toEqual([303, '/beheer/aanmelden?verlopen=1'])
  })
})
