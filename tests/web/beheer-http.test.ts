import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { revokeAccount } from '../../src/editorial/accounts.js'
import { startTestServer } from '../api/support.js'
import { count, sqlRow, sqlRows, startEditorialServer } from '../editorial/support.js'
import { BeheerClient } from './beheer-client.js'

const housing = 'woonvisie-3000-woningen-als-minimum'
const actionPath = `/beheer/afspraak/${housing}`

/** A complete, valid status form (the form token is added per post). */
const statusForm = (overrides: Record<string, string> = {}) => ({
  status: 'IN_PROGRESS', asOf: '2025-12-31', explanation: 'De bouw is gestart; 1850 woningen zijn opgeleverd.', expectedRevision: '',
  'evidence-0-title': 'Raadsinformatiebrief woningbouw', 'evidence-0-url': 'https://assen.bestuurlijkeinformatie.nl/Document/1',
  'evidence-0-documentDate': '2026-01-15', 'evidence-0-kind': 'raadsinformatiebrief', ...overrides,
})

const auditRows = async (server: Awaited<ReturnType<typeof startEditorialServer>>, operation: string) =>
  (await sqlRows<{ outcome: string; codes: string; accountId: number | null }>(server.store, sql`SELECT outcome, codes, account_id AS "accountId" FROM audit_entry WHERE operation = ${operation} ORDER BY id`))

let server: Awaited<ReturnType<typeof startEditorialServer>>
const tokens: Record<string, string> = {}

beforeAll(async () => {
  server = await startEditorialServer()
  tokens.eva = await server.account('eva', 'editor')
  tokens.rob = await server.account('rob', 'reviewer')
})
afterAll(() => server?.close())

describe('signing in to /beheer', () => {
  it('sends a signed-out visitor to the sign-in page with a 303, for every page and every post, and records nothing', async () => {
    const client = new BeheerClient(server.base)
    for (const path of ['/beheer', actionPath, '/beheer/beoordelen', '/beheer/doel/iets', '/beheer/onbekend']) {
      const answer = await client.get(path)
      expect([answer.status, answer.headers.get('location'), answer.headers.get('cache-control')], path).toEqual([303, '/beheer/aanmelden', 'no-store'])
    }
    const before = await count(server.store, 'revision')
    const posted = await client.post(actionPath, { ...statusForm(), csrf: 'x' })
    expect([posted.status, posted.headers.get('location')]).toEqual([303, '/beheer/aanmelden'])
    expect(await count(server.store, 'revision')).toBe(before)
  })

  it('sets an HttpOnly, SameSite=Strict session cookie scoped to /beheer; the store keeps only its hash; pages are never cached', async () => {
    const client = new BeheerClient(server.base)
    const signIn = await client.get('/beheer/aanmelden')
    expect(signIn.headers.get('cache-control')).toBe('no-store')
    expect(await signIn.text()).toContain('Toegangscode')
    const answer = await client.signIn(tokens.eva!)
    expect([answer.status, answer.headers.get('location')]).toEqual([303, '/beheer'])
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('oa_beheer='))!
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Path=\/beheer/)
    expect(cookie).toMatch(/; Max-Age=28800/)
    expect(cookie).not.toMatch(/Secure/)
    const sessionId = client.cookies.get('oa_beheer')!
    const stored = (await sqlRows<{ id_hash: string }>(server.store, sql`SELECT id_hash FROM editor_session`))
    expect(stored.length).toBeGreaterThan(0)
    expect(JSON.stringify(stored)).not.toContain(sessionId)
    for (const path of ['/beheer', actionPath]) {
      const page = await client.get(path)
      expect([page.status, page.headers.get('cache-control'), page.headers.get('x-robots-tag')]).toEqual([200, 'no-store', 'noindex, nofollow'])
      expect(await page.text()).toContain('eva (redacteur)')
    }
  })

  it('refuses a wrong token with a Dutch message at once, audits it, and blocks the client after five failures', async () => {
    const client = new BeheerClient(server.base)
    const wrong = `oa_${'A'.repeat(43)}`
    const first = await client.signIn(wrong)
    expect(first.status).toBe(401)
    expect(await first.text()).toContain('Deze toegangscode is onbekend of ingetrokken')
    for (let i = 0; i < 4; i++) await client.signIn(wrong)
    // Blocked: answered at once with Retry-After, never by sleeping (tests/hostile/auth-flood.test.ts).
    const blocked = await client.signIn(wrong)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await auditRows(server, 'signIn')).filter((row) => row.outcome === 'refused').length).toBeGreaterThanOrEqual(5)
    // The block is short at first; the tests after this one sign in from the same address.
    await new Promise((resolve) => setTimeout(resolve, Number(blocked.headers.get('retry-after')) * 1000 + 50))
    expect(client.cookies.has('oa_beheer')).toBe(false)
  })

  it('marks the cookies Secure, with the __Secure- prefix, when the public address is https (TLS at a proxy)', async () => {
    const secure = await startTestServer({ EDITORIAL_DATABASE: server.path, PUBLIC_BASE_URL: 'https://akkoord.example.nl' })
    try {
      const client = new BeheerClient(secure.base)
      const signInPage = await client.get('/beheer/aanmelden')
      expect(signInPage.headers.getSetCookie()[0]).toMatch(/^__Secure-oa_aanmelden=.*; Secure/)
      const answer = await client.signIn(tokens.eva!)
      expect(answer.headers.getSetCookie().find((c) => c.startsWith('__Secure-oa_beheer='))).toMatch(/; HttpOnly; Secure; SameSite=Strict/)
      // The public origin is accepted as the form's origin too (the browser sees the proxy's address).
      const csrf = await client.formToken(actionPath)
      const posted = await client.post(actionPath, { ...statusForm({ status: 'NOT_STARTED' }), csrf }, { origin: 'https://akkoord.example.nl' })
      expect(posted.status).toBe(303)
    } finally {
      await secure.close()
    }
  })
})

describe('forms of /beheer refuse cross-site requests', () => {
  let client: BeheerClient
  let csrf: string
  beforeAll(async () => {
    client = new BeheerClient(server.base)
    await client.signIn(tokens.eva!)
    csrf = await client.formToken(actionPath)
  })

  const refusedCases: [string, () => Record<string, string>, Record<string, string>][] = [
    ['no form token', () => statusForm(), {}],
    ['a wrong form token', () => ({ ...statusForm(), csrf: `${csrf.slice(0, -2)}AA` }), {}],
    ['a form token of another length', () => ({ ...statusForm(), csrf: 'kort' }), {}],
    ['another origin', () => ({ ...statusForm(), csrf }), { origin: 'https://kwaadwillend.example', 'sec-fetch-site': 'cross-site' }],
    ['a same-site page of another origin', () => ({ ...statusForm(), csrf }), { origin: 'http://sub.127.0.0.1', 'sec-fetch-site': 'same-site' }],
    ['an opaque origin', () => ({ ...statusForm(), csrf }), { origin: 'null', 'sec-fetch-site': 'same-origin' }],
  ]
  for (const [name, fields, headers] of refusedCases) {
    it(`refuses ${name} with a 403 and a Dutch page, and records nothing`, async () => {
      const before = await count(server.store, 'revision')
      const answer = await client.post(actionPath, fields(), headers)
      expect(answer.status).toBe(403)
      expect(answer.headers.get('cache-control')).toBe('no-store')
      const body = await answer.text()
      expect(body).toContain('<html lang="nl">')
      expect(body).toContain('Verzoek geweigerd')
      expect(body).toContain('Er is niets opgeslagen')
      expect(await count(server.store, 'revision')).toBe(before)
    })
  }

  it('refuses the form token of another session, and a sign-out without a token', async () => {
    const other = new BeheerClient(server.base)
    await other.signIn(tokens.rob!)
    const otherToken = await other.formToken('/beheer')
    expect((await client.post(actionPath, { ...statusForm(), csrf: otherToken })).status).toBe(403)
    expect((await client.post('/beheer/afmelden', {})).status).toBe(403)
    expect((await client.get('/beheer')).status).toBe(200)
  })

  it('refuses a sign-in post without the sign-in form\'s own token', async () => {
    const fresh = new BeheerClient(server.base)
    const answer = await fresh.post('/beheer/aanmelden', { token: tokens.eva!, csrf: 'geraden' })
    expect(answer.status).toBe(403)
    expect(fresh.cookies.has('oa_beheer')).toBe(false)
  })

  it('audits refused posts, and accepts the same post from this origin with the token', async () => {
    expect((await auditRows(server, `post ${actionPath}`)).every((row) => row.outcome === 'refused' && row.codes === 'FORBIDDEN')).toBe(true)
    const before = await count(server.store, 'revision')
    const answer = await client.post(actionPath, { ...statusForm(), csrf })
    expect([answer.status, answer.headers.get('location')]).toEqual([303, `${actionPath}?gedaan=vastgelegd`])
    expect(await count(server.store, 'revision')).toBe(before + 1)
    expect((await auditRows(server, 'recordProgress')).at(-1)?.outcome).toBe('accepted')
  })
})

describe('sessions of /beheer end', () => {
  it('ends a session at sign-out on the server: the old cookie opens nothing, in another server process too', async () => {
    const other = await startTestServer({ EDITORIAL_DATABASE: server.path })
    try {
      const client = new BeheerClient(server.base)
      await client.signIn(tokens.eva!)
      const kept = new Map(client.cookies)
      // The same store, another process (WORKERS=2): the session is known there.
      const elsewhere = new BeheerClient(other.base)
      for (const [name, value] of kept) elsewhere.cookies.set(name, value)
      expect((await elsewhere.get('/beheer')).status).toBe(200)

      const csrf = await client.formToken('/beheer')
      const out = await client.post('/beheer/afmelden', { csrf })
      expect([out.status, out.headers.get('location')]).toEqual([303, '/beheer/aanmelden?afgemeld=1'])
      expect(client.cookies.has('oa_beheer')).toBe(false)
      const replay = new BeheerClient(server.base)
      for (const [name, value] of kept) replay.cookies.set(name, value)
      const refused = await replay.get('/beheer')
      expect([refused.status, refused.headers.get('location')]).toEqual([303, '/beheer/aanmelden?verlopen=1'])
      for (const [name, value] of kept) elsewhere.cookies.set(name, value)
      expect((await elsewhere.get('/beheer')).status).toBe(303)
      expect((await auditRows(server, 'signOut')).length).toBeGreaterThan(0)
    } finally {
      await other.close()
    }
  })

  it('ends every session of an account that is revoked', async () => {
    const token = await server.account('tijdelijk', 'editor')
    const client = new BeheerClient(server.base)
    await client.signIn(token)
    expect((await client.get('/beheer')).status).toBe(200)
    await revokeAccount(server.store, 'tijdelijk')
    expect((await client.get('/beheer')).headers.get('location')).toBe('/beheer/aanmelden?verlopen=1')
  })

  it('expires a session after EDITORIAL_SESSION_SECONDS: a post then goes to the sign-in page and records nothing', async () => {
    const short = await startTestServer({ EDITORIAL_DATABASE: server.path, EDITORIAL_SESSION_SECONDS: '1' })
    try {
      const client = new BeheerClient(short.base)
      await client.signIn(tokens.eva!)
      const csrf = await client.formToken(actionPath)
      const sessionId = client.cookies.get('oa_beheer')!
      await new Promise((resolve) => setTimeout(resolve, 1100))
      const before = await count(server.store, 'revision')
      // The browser would have dropped the cookie at its Max-Age; a client that keeps it is refused by the server.
      client.cookies.set('oa_beheer', sessionId)
      const answer = await client.post(actionPath, { ...statusForm({ status: 'ACHIEVED' }), csrf })
      expect([answer.status, answer.headers.get('location')]).toEqual([303, '/beheer/aanmelden?verlopen=1'])
      expect(await count(server.store, 'revision')).toBe(before)
      const page = await (await client.get('/beheer/aanmelden?verlopen=1')).text()
      expect(page).toContain('uw sessie verlopen of beëindigd')
    } finally {
      await short.close()
    }
  })
})

describe('recording and reviewing through /beheer', () => {
  it('shows the domain\'s refusals next to the fields, in Dutch, records nothing and audits the refusal', async () => {
    const client = new BeheerClient(server.base)
    await client.signIn(tokens.eva!)
    const csrf = await client.formToken(actionPath)
    const before = await count(server.store, 'revision')
    const answer = await client.post(actionPath, { ...statusForm({ asOf: '2999-01-01', 'evidence-0-url': 'javascript:alert(1)', status: 'NOT_ASSESSED' }), csrf })
    expect(answer.status).toBe(422)
    const body = await answer.text()
    expect(body).toContain('Er zijn 3 problemen; er is niets opgeslagen')
    for (const id of ['status', 'asOf', 'evidence-0-url']) {
      expect(body).toContain(`<a href="#${id}">`)
      expect(body).toContain(`id="${id}-fout"`)
      expect(body).toMatch(new RegExp(`id="${id}"[^>]*aria-invalid="true"`))
    }
    // What was typed is shown again, escaped.
    expect(body).toContain('value="javascript:alert(1)"')
    expect(await count(server.store, 'revision')).toBe(before)
    expect((await auditRows(server, 'recordProgress')).at(-1)).toMatchObject({ outcome: 'refused', codes: 'INVALID' })
  })

  it('lets only reviewers see the queue and publish; four-eyes holds; a draft sent back leaves the queue for good', async () => {
    const editor = new BeheerClient(server.base)
    await editor.signIn(tokens.eva!)
    expect((await editor.get('/beheer/beoordelen')).status).toBe(403)
    const editorToken = await editor.formToken('/beheer')
    const draftId = ((await sqlRow<{ id: number }>(server.store, sql`SELECT max(id) AS id FROM revision`))).id
    const forbidden = await editor.post(`/beheer/beoordelen/${draftId}/publiceren`, { csrf: editorToken })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.text()).toContain('Uw rol mag dit niet')
    expect((await auditRows(server, 'publishProgress')).at(-1)).toMatchObject({ outcome: 'refused', codes: 'FORBIDDEN' })

    const reviewer = new BeheerClient(server.base)
    await reviewer.signIn(tokens.rob!)
    const csrf = await reviewer.formToken('/beheer/beoordelen')
    // The reviewer's own draft is not in the reviewer's queue, and publishing it is refused (SAME_AUTHOR).
    const own = await reviewer.post(actionPath, { ...statusForm({ status: 'ACHIEVED' }), csrf })
    expect(own.status).toBe(303)
    const ownId = ((await sqlRow<{ id: number }>(server.store, sql`SELECT max(id) AS id FROM revision`))).id
    const queue = await (await reviewer.get('/beheer/beoordelen')).text()
    expect(queue).toContain(`/beheer/beoordelen/${draftId}/publiceren`)
    expect(queue).not.toContain(`/beheer/beoordelen/${ownId}/publiceren`)
    const sameAuthor = await reviewer.post(`/beheer/beoordelen/${ownId}/publiceren`, { csrf })
    expect(sameAuthor.status).toBe(409)
    expect(await sameAuthor.text()).toContain('U hebt dit concept zelf vastgelegd')

    const noReason = await reviewer.post(`/beheer/beoordelen/${draftId}/terugsturen`, { csrf, reason: ' ' })
    expect(noReason.status).toBe(422)
    expect(await noReason.text()).toContain(`href="#reden-${draftId}"`)
    const sentBack = await reviewer.post(`/beheer/beoordelen/${draftId}/terugsturen`, { csrf, reason: 'De bron is een concept-brief; link naar de verzonden versie.' })
    expect([sentBack.status, sentBack.headers.get('location')]).toEqual([303, '/beheer/beoordelen?gedaan=teruggestuurd'])
    expect(await (await reviewer.get('/beheer/beoordelen')).text()).not.toContain(`/beheer/beoordelen/${draftId}/publiceren`)
    const returnedRevision = ((await sqlRow<{ revision: number }>(server.store, sql`SELECT revision FROM revision WHERE id = ${draftId}`))).revision
    const api = await server.gql('{ reviewQueue { edges { node { revision } } } }', {}, tokens.rob)
    expect(api.body.data.reviewQueue.edges.map((e: any) => e.node.revision)).not.toContain(returnedRevision)
    expect((await reviewer.post(`/beheer/beoordelen/${draftId}/publiceren`, { csrf })).status).toBe(409)
    expect((await auditRows(server, 'returnDraft')).map((row) => row.outcome)).toEqual(['refused', 'accepted'])
    // The author sees why on the action's page.
    expect(await (await editor.get(actionPath)).text()).toContain('De bron is een concept-brief')
  })

  it('records a target measurement with a Dutch decimal comma, and refuses a value that is no number', async () => {
    const client = new BeheerClient(server.base)
    await client.signIn(tokens.eva!)
    const targetPath = (await (await client.get(actionPath)).text()).match(/href="(\/beheer\/doel\/[a-z0-9-]+)"/)![1]!
    const csrf = await client.formToken(targetPath)
    const before = await count(server.store, 'revision')
    const refused = await client.post(targetPath, { ...statusForm({ status: '', value: 'veel' }), csrf })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('<a href="#value">“veel” is geen getal.')
    expect(await count(server.store, 'revision')).toBe(before)
    // "1.850" is one thousand eight hundred and fifty, never 1,85; "1.5" could be either and is refused with a Dutch message.
    const ambiguous = await client.post(targetPath, { ...statusForm({ status: '', value: '1.5' }), csrf })
    expect(ambiguous.status).toBe(422)
    expect(await ambiguous.text()).toContain('“1.5” is niet eenduidig')
    expect(await count(server.store, 'revision')).toBe(before)
    const recorded = await client.post(targetPath, { ...statusForm({ status: '', value: '1850,5' }), csrf })
    expect(recorded.status).toBe(303)
    const row = (await sqlRow(server.store, sql`SELECT kind, value, subject_type AS type FROM revision ORDER BY id DESC LIMIT 1`))
    expect(row).toEqual({ kind: 'measurement', value: 1850.5, type: 'target' })
    expect(await (await client.get(targetPath)).text()).toContain('1.850,5 woningen')
  })

  it('never links a visitor of the public site into /beheer', async () => {
    for (const path of ['/', `/afspraak/${housing}`, '/afspraken', '/thema/wonen']) {
      const body = await (await fetch(`${server.base}${path}`)).text()
      expect(body, path).not.toContain('/beheer')
    }
  })
})
