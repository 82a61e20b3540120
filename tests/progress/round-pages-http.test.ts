import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { all, attr, text, type Node } from '../web/html-tree.js'
import { housing, signInTeam } from './team.js'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let as: Record<string, BeheerClient> = {}

beforeAll(async () => {
  server = await startEditorialServer()
  as = await signInTeam(server)
})
afterAll(() => server?.close())

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.base}${path}`, { headers: { accept: 'text/html', ...headers } })
  const body = await response.text()
  return { status: response.status, etag: response.headers.get('etag'), body, doc: parse(body) as unknown as Node }
}

const byTag = (doc: Node, tag: string) => all(doc).filter((n) => n.nodeName === tag)
/** A row of a table by its caption's start: the row header's text and the cells' texts. */
const rowsOf = (doc: Node, caption: string) => {
  const table = byTag(doc, 'table').find((t) => byTag(t, 'caption').some((c) => text(c).startsWith(caption)))!
  return byTag(table, 'tr').map((tr) => tr.childNodes!.filter((c) => c.nodeName === 'th' || c.nodeName === 'td').map(text))
}
const count = (doc: Node, status: string) => rowsOf(doc, 'Aantal toezeggingen per status').find((r) => r[0] === status)?.[1]

/** The API's latest round, asked by GET as a browser or a portal would (the answer is cached). */
const apiRound = async () => (await (await fetch(`${server.base}/graphql?query=${encodeURIComponent('{ progressRound { name closed } }')}`)).json()).data.progressRound

async function openRound(name: string, peildatum: string) {
  const form = { name, peildatum, opensOn: '1-12-2026', closesOn: '31-12-2026', csrf: await as.ada!.formToken('/beheer/rondes') }
  expect((await as.ada!.post('/beheer/rondes', form)).status).toBe(303)
}
async function closeRound(slug: string) {
  expect((await as.ada!.post(`/beheer/rondes/${slug}/sluiten`, { csrf: await as.ada!.formToken('/beheer/rondes') })).status).toBe(303)
}
async function publish(slug: string, status: string) {
  const recorded = await server.gql(recordProgress, { input: assessment(slug, { status }) }, server.tokens.eva)
  expect(recorded.body.data.recordProgress.userErrors).toEqual([])
  expect((await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, server.tokens.rob)).body.data.publishProgress.userErrors).toEqual([])
}

describe('choosing a reporting round on the public site', () => {
  it('shows what is published before the first round, and a 404 page for a round that does not exist', async () => {
    const page = await get('/voortgang')
    expect(page.status).toBe(200)
    expect(text(byTag(page.doc, 'h1')[0]!)).toBe('Voortgang')
    expect(page.body).toContain('buiten een rapportageronde')
    expect(count(page.doc, 'Niet beoordeeld')).toBe(rowsOf(page.doc, 'Aantal toezeggingen per status').at(-1)![1])
    expect((await get('/voortgang/bestaat-niet')).status).toBe(404)
    expect((await get('/voortgang/%3Cscript%3E')).status).toBe(404)
  })

  it('shows the latest round by default, names it and its peildatum, and links every round by a stable address', async () => {
    await openRound('Voortgangsrapportage 2025', '31-12-2025')
    await publish(housing, 'IN_PROGRESS')
    const page = await get('/voortgang')
    expect(text(byTag(page.doc, 'h1')[0]!)).toBe('Voortgang: Voortgangsrapportage 2025')
    expect(page.body).toContain('Deze ronde loopt tot')
    expect(await apiRound()).toEqual({ name: 'Voortgangsrapportage 2025', closed: false })
    expect(text(all(page.doc).find((n) => attr(n, 'class')?.includes('round-shown'))!)).toContain('Stand per peildatum 31 december 2025')
    expect(count(page.doc, 'In uitvoering')).toBe('1')
    // Per theme, with the total counted per commitment like the table per status.
    const themes = rowsOf(page.doc, 'Aantal toezeggingen per thema en status')
    expect(themes[0]).toEqual(['Thema', 'Niet beoordeeld', 'In uitvoering', 'Totaal'])
    expect(themes.find((r) => r[0] === 'Wonen')?.[2]).toBe('1')
    expect(themes.at(-1)).toEqual(['Totaal', String(Number(rowsOf(page.doc, 'Aantal toezeggingen per status').at(-1)![1]) - 1), '1', rowsOf(page.doc, 'Aantal toezeggingen per status').at(-1)![1]])
    const links = byTag(page.doc, 'a').filter((a) => attr(a, 'href')?.startsWith('/voortgang/'))
    expect(links.map((a) => attr(a, 'href'))).toEqual(['/voortgang/voortgangsrapportage-2025'])
    const home = await get('/')
    expect(home.body).toContain('Stand van Voortgangsrapportage 2025, peildatum 31 december 2025.')
  })

  it('keeps a closed round\'s page byte for byte, with its ETag, after a new round and a new publication', async () => {
    await closeRound('voortgangsrapportage-2025')
    // Closing publishes nothing, yet the latest page, cached while the round was open, says it is closed now.
    expect((await get('/voortgang')).body).toContain('Deze ronde is gesloten op')
    expect(await apiRound()).toEqual({ name: 'Voortgangsrapportage 2025', closed: true })
    const closed = await get('/voortgang/voortgangsrapportage-2025')
    expect(closed.body).toContain('Deze ronde is gesloten op')
    expect((await get('/voortgang/voortgangsrapportage-2025', { 'if-none-match': closed.etag! })).status).toBe(304)
    const latestBefore = await get('/voortgang')
    const homeBefore = await get('/')

    await openRound('Voortgangsrapportage 2026', '30-6-2026')
    await publish(housing, 'ACHIEVED')

    const again = await get('/voortgang/voortgangsrapportage-2025')
    expect(again.body).toBe(closed.body)
    expect(again.etag).toBe(closed.etag)
    expect((await get('/voortgang/voortgangsrapportage-2025', { 'if-none-match': closed.etag! })).status).toBe(304)
    expect(count(again.doc, 'In uitvoering')).toBe('1')
    expect(count(again.doc, 'Gerealiseerd')).toBe('0')

    // The latest page and the home page move on: a revalidation with their old ETags gets the new page.
    const latest = await get('/voortgang', { 'if-none-match': latestBefore.etag! })
    expect(latest.status).toBe(200)
    expect(latest.etag).not.toBe(latestBefore.etag)
    expect(text(byTag(latest.doc, 'h1')[0]!)).toBe('Voortgang: Voortgangsrapportage 2026')
    expect(count(latest.doc, 'Gerealiseerd')).toBe('1')
    expect(byTag(latest.doc, 'a').map((a) => attr(a, 'href')).filter((h) => h?.startsWith('/voortgang/')))
      .toEqual(['/voortgang/voortgangsrapportage-2026', '/voortgang/voortgangsrapportage-2025'])
    const home = await get('/', { 'if-none-match': homeBefore.etag! })
    expect(home.status).toBe(200)
    expect(home.body).toContain('Stand van Voortgangsrapportage 2026, peildatum 30 juni 2026.')
    const open = await get('/voortgang/voortgangsrapportage-2026')
    expect(open.body).toContain('Deze ronde loopt tot')
    expect(count(open.doc, 'Gerealiseerd')).toBe('1')
  })

  it('links the shown round\'s assessed commitments to their own pages', async () => {
    const page = await get('/voortgang/voortgangsrapportage-2025')
    const assessed = all(page.doc).find((n) => attr(n, 'id') === 'beoordeeld')!
    expect(text(assessed)).toBe('Beoordeelde toezeggingen (1)')
    expect(byTag(page.doc, 'a').some((a) => attr(a, 'href') === `/afspraak/${housing}`)).toBe(true)
  })
})
