import type SQLite from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sqliteHandle } from '../../src/editorial/sqlite-editorial-store.js'
import { testEngine } from '../editorial-target.js'
import { assessment, count, recordProgress, startEditorialServer } from '../editorial/support.js'
import { BeheerClient } from './beheer-client.js'

const housing = 'woonvisie-3000-woningen-als-minimum'
const actionPath = `/beheer/afspraak/${housing}`
// Longer than a page of the store holds: saving it needs a new page, which a full store cannot give.
const typed = `Toelichting die niet verloren mag gaan.\n\n${'é'.repeat(2500)}`

const statusForm = (csrf: string) => ({
  csrf, status: 'IN_PROGRESS', asOf: '31-12-2025', explanation: typed, expectedRevision: '0',
  'evidence-0-title': 'Raadsinformatiebrief schijf vol', 'evidence-0-url': 'https://assen.bestuurlijkeinformatie.nl/Document/88',
  'evidence-0-documentDate': '', 'evidence-0-kind': 'raadsinformatiebrief',
})

/** The text of the form's explanation field on a page, as a browser would fill it (the markup's escapes undone). */
const explanationOf = (page: string) => /<textarea id="explanation"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

let server: Awaited<ReturnType<typeof startEditorialServer>>
let handle: SQLite.Database

// The conditions are made on the server's own SQLite connection: max_page_count (SQLITE_FULL) and query_only (SQLITE_READONLY; the
// tests may run as root, whom a read-only file mode does not stop).
describe.skipIf(testEngine !== 'sqlite')('the editorial store full or read-only, through HTTP', () => {
  beforeAll(async () => {
    server = await startEditorialServer()
    await server.account('eva', 'editor')
    handle = sqliteHandle(server.running.editorial)!
  })
  afterEach(() => {
    handle.pragma('max_page_count = 1073741823')
    handle.pragma('query_only = OFF')
  })
  afterAll(async () => {
    await server?.close()
  })

  /** The rows a refused save must leave as they were. */
  const rows = async () => ({
    revisions: await count(server.store, 'revision'), evidence: await count(server.store, 'evidence'), audit: await count(server.store, 'audit_entry'),
  })

  /** Neither the store's file, SQL, an SQLite code nor a stack reaches a client. */
  const leaksNothing = (text: string) => {
    expect(text).not.toContain(server.path)
    expect(text).not.toMatch(/SQLITE_|INSERT INTO|editorial\.sqlite|\/tmp\/|\bat .+\.ts:\d+/)
  }

  it('a full store: the form comes back filled in with a Dutch 507, nothing is written, the server goes on, and saving works once there is room', async () => {
    const client = new BeheerClient(server.base)
    await client.signIn(server.tokens.eva!)
    const csrf = await client.formToken(actionPath)
    const before = await rows()
    // No free pages to reuse: the store can grow by none.
    expect(handle.pragma('freelist_count', { simple: true })).toBe(0)
    handle.pragma(`max_page_count = ${handle.pragma('page_count', { simple: true })}`)

    const answer = await client.post(actionPath, statusForm(csrf))
    const page = await answer.text()
    expect([answer.status, answer.headers.get('location'), answer.headers.get('cache-control'), answer.headers.get('retry-after')]).toEqual([507, null, 'no-store', null])
    expect(page).toContain('<html lang="nl">')
    expect(page).toContain('Niet opgeslagen: De schijf waarop het beheer zijn gegevens bewaart, is vol. Er is niets opgeslagen; wat u had ingevuld staat hieronder nog in het formulier.')
    expect(explanationOf(page)).toBe(typed)
    expect(page).toContain('value="Raadsinformatiebrief schijf vol"')
    expect(page).toContain('value="31-12-2025"')
    leaksNothing(page)
    expect(await rows()).toEqual(before)

    // The server goes on answering: pages, the public API, liveness and readiness.
    expect((await client.get(actionPath)).status).toBe(200)
    expect((await fetch(`${server.base}/graphql?query=%7B__typename%7D`)).status).toBe(200)
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200)
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200)

    // The API: a GraphQL error with a stable code, the same status, no detail.
    const api = await server.gql(recordProgress, { input: assessment(housing, { explanation: typed }) }, server.tokens.eva)
    expect(api.status).toBe(507)
    expect(api.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['STORE_FULL'])
    expect(api.body.data?.recordProgress ?? null).toBeNull()
    leaksNothing(JSON.stringify(api.body))
    expect(await rows()).toEqual(before)

    // Room again: the same form, sent again as the editor would, is saved.
    handle.pragma('max_page_count = 1073741823')
    const saved = await client.post(actionPath, { ...statusForm(csrf), expectedRevision: /name="expectedRevision" value="(\d+)"/.exec(page)?.[1] ?? '0' })
    expect([saved.status, saved.headers.get('location')]).toEqual([303, `${actionPath}?gedaan=vastgelegd`])
    expect((await rows()).revisions).toBe(before.revisions + 1)
  })

  it('a read-only store: a Dutch 503 with the form kept, sign-in refused in Dutch, the API says STORE_READ_ONLY', async () => {
    const client = new BeheerClient(server.base)
    await client.signIn(server.tokens.eva!)
    const csrf = await client.formToken(actionPath)
    const before = await rows()
    handle.pragma('query_only = ON')

    const answer = await client.post(actionPath, { ...statusForm(csrf), expectedRevision: '1' })
    const page = await answer.text()
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, null])
    expect(page).toContain('Niet opgeslagen: De opslag van het beheer kan op dit moment niets wegschrijven')
    expect(explanationOf(page)).toBe(typed)
    leaksNothing(page)
    expect(await rows()).toEqual(before)

    // Signing in writes a session: refused with a Dutch page, the token never echoed.
    const other = new BeheerClient(server.base)
    const signIn = await other.signIn(server.tokens.eva!)
    const signInPage = await signIn.text()
    expect(signIn.status).toBe(503)
    expect(signInPage).toContain('De opslag neemt geen wijzigingen aan')
    expect(signInPage).not.toContain(server.tokens.eva!)
    leaksNothing(signInPage)

    const api = await server.gql(recordProgress, { input: assessment(housing, { explanation: 'Alleen-lezen.' }) }, server.tokens.eva)
    expect(api.status).toBe(503)
    expect(api.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['STORE_READ_ONLY'])
    leaksNothing(JSON.stringify(api.body))
    expect(await rows()).toEqual(before)
    expect((await client.get(actionPath)).status).toBe(200)
  })
})
