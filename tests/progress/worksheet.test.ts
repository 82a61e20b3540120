import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { roundsOfRevisions, findRound } from '../../src/editorial/reporting-rounds.js'
import { agreement, count, sqlRows, startEditorialServer } from '../editorial/support.js'
import { openTestStore } from '../helpers.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { signInTeam } from './team.js'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let as: Record<string, BeheerClient> = {}

beforeAll(async () => {
  server = await startEditorialServer()
  as = await signInTeam(server)
  await as.ada!.post('/beheer/rondes', { name: 'Voortgangsrapportage 2025', peildatum: '31-12-2025', opensOn: '1-12-2026', closesOn: '31-12-2026', csrf: await as.ada!.formToken('/beheer/rondes') })
})
afterAll(() => server?.close())

/** Posts a workbook as a browser's file upload (multipart/form-data). */
async function upload(client: BeheerClient, bytes: Buffer): Promise<Response> {
  const csrf = await client.formToken('/beheer/werkblad')
  const body = new FormData()
  body.append('csrf', csrf)
  body.append('werkblad', new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'werkblad.xlsx')
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  return fetch(`${server.base}/beheer/werkblad`, { method: 'POST', body, redirect: 'manual', headers: { cookie, origin: server.base, 'sec-fetch-site': 'same-origin' } })
}

/** The downloaded worksheet as SheetJS reads it: rows of cell values. */
async function downloaded(): Promise<unknown[][]> {
  const answer = await as.eva!.get('/beheer/werkblad.xlsx')
  expect(answer.status).toBe(200)
  expect(answer.headers.get('content-disposition')).toBe('attachment; filename="werkblad-voortgangsrapportage-2025.xlsx"')
  const book = XLSX.read(Buffer.from(await answer.arrayBuffer()), { type: 'buffer' })
  return XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null })
}

/** A filled-in worksheet as another program writes it: SheetJS, from rows of values. */
function filled(rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'Voortgang')
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer
}

describe('the worksheet round trip', () => {
  it('exports one row per action with what is published and empty columns to fill', async () => {
    const rows = await downloaded()
    expect(rows[0]).toEqual(['Afspraak (niet wijzigen)', 'Thema', 'Onderwerp', 'Wethouder', 'Tekst van de afspraak', 'Gepubliceerde status', 'Gepubliceerde toelichting',
      'Nieuwe status', 'Stand per', 'Toelichting', 'Bron: titel', 'Bron: adres', 'Bron: soort', 'Bron: datum'])
    // One row per action (sentence) of the agreement, under the header row.
    const store = openTestStore()
    const actions = (store.sqlite.prepare('select count(*) as n from action').get() as { n: number }).n
    await store.db.destroy()
    expect(rows.length).toBe(actions + 1)
    const housing = rows.find((r) => r[0] === 'woonvisie-3000-woningen-als-minimum')!
    expect(housing.slice(1, 6)).toEqual(['Wonen', 'Versnellen woningbouw', 'Cor Staal', 'Het uitgangspunt van de Woonvisie voor 3000 nieuwe woningen in 2030 is voor ons het minimum.', 'Niet beoordeeld'])
  })

  it('refuses a worksheet with a bad row whole, naming every refused row in Dutch', async () => {
    const rows = await downloaded()
    rows[1]!.splice(7, 7, 'In uitvoering', '31-12-2025', 'Loopt.', 'Raadsbrief', 'https://www.assen.nl/brief', 'Raadsinformatiebrief', null)
    rows[2]!.splice(7, 7, 'Bezig', '31-13-2025', 'Loopt.', 'Raadsbrief', 'http://www.assen.nl/brief', 'Brief', null)
    const before = await count(server.store, 'revision')
    const answer = await upload(as.eva!, filled(rows))
    expect(answer.status).toBe(422)
    const page = await answer.text()
    expect(page).toContain('1 rij is geweigerd; er is niets opgeslagen')
    expect(page).toContain(`Rij 3 (${String(rows[2]![0])}):`)
    expect(page).toContain('Nieuwe status: “Bezig” is geen status.')
    expect(page).toContain('Stand per: “31-13-2025” bestaat niet als datum')
    expect(page).toContain('Bron: adres: vul het volledige https-adres')
    expect(page).toContain('Bron: soort: “Brief” is geen soort document.')
    expect(await count(server.store, 'revision')).toBe(before)
  })

  it('imports the filled rows as drafts of the open round, each waiting for a reviewer', async () => {
    const rows = await downloaded()
    rows[1]!.splice(7, 7, 'In uitvoering', '31-12-2025', 'Loopt.\n\n- eerste stap gezet\n- tweede stap gepland', 'Raadsbrief', 'https://www.assen.nl/brief', 'Raadsinformatiebrief', '15-1-2026')
    rows[2]!.splice(7, 7, 'gerealiseerd', new Date(Date.UTC(2025, 11, 31)), 'Klaar.', 'Jaarverslag', 'https://www.assen.nl/jaarverslag', 'jaarrekening', null)
    const answer = await upload(as.eva!, filled(rows))
    expect([answer.status, answer.headers.get('location')]).toEqual([303, '/beheer/werkblad?gedaan=1&aantal=2'])
    const drafts = (await sqlRows<{ id: number; slug: string; status: string; asOf: string; explanation: string }>(server.store, sql`SELECT id, subject_slug AS slug, status, as_of AS "asOf", explanation FROM revision ORDER BY id DESC LIMIT 2`))
    expect(drafts.map((d) => [d.slug, d.status, d.asOf]).reverse()).toEqual([[rows[1]![0], 'IN_PROGRESS', '2025-12-31'], [rows[2]![0], 'ACHIEVED', '2025-12-31']])
    expect(drafts[1]!.explanation).toBe('Loopt.\n\n- eerste stap gezet\n- tweede stap gepland')
    const round = (await findRound(server.store, agreement, 'voortgangsrapportage-2025'))!
    expect([...(await roundsOfRevisions(server.store, drafts.map((d) => d.id))).values()]).toEqual([round.id, round.id])
    // Nothing is published without the four-eyes review: both wait in the reviewer's queue.
    const queue = await (await as.rob!.get('/beheer/beoordelen')).text()
    expect(queue).toContain('Loopt.')
    expect(queue).toContain('Klaar.')
    expect(await count(server.store, 'publication')).toBe(0)
  })

  it('refuses what is no workbook, and a post without the form token', async () => {
    const answer = await upload(as.eva!, Buffer.from('geen werkblad'))
    expect(answer.status).toBe(422)
    expect(await answer.text()).toContain('Dit is geen werkblad (xlsx).')
    const body = new FormData()
    body.append('werkblad', new Blob([new Uint8Array(filled([['x']]))]), 'w.xlsx')
    const cookie = [...as.eva!.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const forged = await fetch(`${server.base}/beheer/werkblad`, { method: 'POST', body, redirect: 'manual', headers: { cookie, origin: server.base } })
    expect(forged.status).toBe(403)
  })
})
