import { connect } from 'node:net'
import { sql } from 'kysely'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { roundsOfRevisions, findRound } from '../../src/editorial/reporting-rounds.js'
import { agreement, count, sqlRows, startEditorialServer } from '../editorial/support.js'
import { openTestStore } from '../helpers.js'
import type { BeheerClient } from '../web/beheer-client.js'
import { signInTeam } from './team.js'
import { all, attr, text, type Node } from '../web/html-tree.js'

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

/**
 * A filled-in worksheet as another program writes it: SheetJS, from rows of values, zipped as Excel and LibreOffice
 * save it, or stored without compression (as some programs do: the whole worksheet is then over 100 kB).
 */
function filled(rows: unknown[][], options: { compression?: boolean; extraSheet?: unknown[][] } = {}): Buffer {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'Voortgang')
  if (options.extraSheet) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(options.extraSheet), 'Bijlage')
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: options.compression ?? true }) as Buffer
}

/** The row of a commitment or target by its key (second column). */
const rowOf = (rows: unknown[][], key: string) => rows.find((r) => r[1] === key)!
const housing = 'woonvisie-3000-woningen-als-minimum'
const housingTarget = 'minimaal-3000-nieuwe-woningen-in-2030'
const source = ['Raadsbrief', 'https://www.assen.nl/brief', 'Raadsinformatiebrief', null]

describe('the worksheet round trip', () => {
  it('exports one row per distinct commitment, naming its other sentences, and a row per target', async () => {
    const rows = await downloaded()
    expect(rows[0]).toEqual(['Soort (niet wijzigen)', 'Sleutel (niet wijzigen)', 'Thema', 'Onderwerp', 'Wethouder', 'Tekst in het akkoord', 'Ook verwoord in', 'Gepubliceerd',
      'Gepubliceerde toelichting', 'Nieuwe status', 'Nieuwe waarde', 'Stand per', 'Toelichting', 'Bron: titel', 'Bron: adres', 'Bron: soort', 'Bron: datum'])
    // One row per commitment (a sentence that restates one, same_as, has none) and one per target, under the header row.
    const store = openTestStore()
    const commitments = store.sqlite.prepare('select slug from action where same_as_id is null').pluck().all() as string[]
    const targets = store.sqlite.prepare('select slug from target').pluck().all() as string[]
    const copy = store.sqlite.prepare('select a.slug, a.text, c.slug as canonical from action a join action c on c.id = a.same_as_id order by a.id limit 1').get() as { slug: string; text: string; canonical: string }
    await store.db.destroy()
    expect(rows.filter((r) => r[0] === 'Afspraak').map((r) => r[1])).toEqual(commitments)
    expect(rows.filter((r) => r[0] === 'Doel').map((r) => r[1]).sort()).toEqual([...targets].sort())
    expect(rows.length).toBe(commitments.length + targets.length + 1)
    expect(rows.some((r) => r[1] === copy.slug)).toBe(false)
    expect(String(rowOf(rows, copy.canonical)[6])).toContain(`${copy.slug}: ${copy.text}`)
    expect(rowOf(rows, housing).slice(0, 8)).toEqual(['Afspraak', housing, 'Wonen', 'Versnellen woningbouw', 'Cor Staal', 'Het uitgangspunt van de Woonvisie voor 3000 nieuwe woningen in 2030 is voor ons het minimum.', null, 'Niet beoordeeld'])
    const target = rowOf(rows, housingTarget)
    expect(rows.indexOf(target)).toBe(rows.indexOf(rowOf(rows, housing)) + 1)
    expect([target[0], target[2], target[7]]).toEqual(['Doel', 'Wonen', 'Nog niet gemeten'])
  })

  it('refuses a worksheet with a bad row whole, naming every refused row of either kind in Dutch', async () => {
    const rows = await downloaded()
    rows[1]!.splice(9, 8, 'In uitvoering', null, '31-12-2025', 'Loopt.', ...source)
    rowOf(rows, housing).splice(9, 8, 'Bezig', null, '31-13-2025', 'Loopt.', 'Raadsbrief', 'http://www.assen.nl/brief', 'Brief', null)
    rowOf(rows, housingTarget).splice(9, 8, 'In uitvoering', '1,850', '31-12-2025', 'Geteld.', ...source)
    const before = await count(server.store, 'revision')
    const answer = await upload(as.eva!, filled(rows))
    expect(answer.status).toBe(422)
    const page = await answer.text()
    expect(page).toContain('2 rijen zijn geweigerd; er is niets opgeslagen')
    expect(page).toContain(`Rij ${rows.indexOf(rowOf(rows, housing)) + 1} (${housing}):`)
    expect(page).toContain('Nieuwe status: “Bezig” is geen status.')
    expect(page).toContain('Stand per: “31-13-2025” bestaat niet als datum')
    expect(page).toContain('Bron: adres: vul het volledige https-adres')
    expect(page).toContain('Bron: soort: “Brief” is geen soort document.')
    expect(page).toContain(`Rij ${rows.indexOf(rowOf(rows, housingTarget)) + 1} (${housingTarget}):`)
    expect(page).toContain('Nieuwe status: een doel krijgt een waarde, geen status')
    expect(page).toContain('Nieuwe waarde: “1,850”')
    expect(await count(server.store, 'revision')).toBe(before)
  })

  it('imports the filled rows as drafts of the open round: statuses of commitments and values of targets, each waiting for a reviewer', async () => {
    const rows = await downloaded()
    const first = rows[1]!
    first.splice(9, 8, 'In uitvoering', null, '31-12-2025', 'Loopt.\n\n- eerste stap gezet\n- tweede stap gepland', 'Raadsbrief', 'https://www.assen.nl/brief', 'Raadsinformatiebrief', '15-1-2026')
    rowOf(rows, housing).splice(9, 8, 'gerealiseerd', null, new Date(Date.UTC(2025, 11, 31)), 'Klaar.', 'Jaarverslag', 'https://www.assen.nl/jaarverslag', 'jaarrekening', null)
    rowOf(rows, housingTarget).splice(9, 8, null, '1.850', '31-12-2025', 'Geteld in december.', ...source)
    const answer = await upload(as.eva!, filled(rows))
    expect([answer.status, answer.headers.get('location')]).toEqual([303, '/beheer/werkblad?gedaan=1&aantal=3'])
    const drafts = await sqlRows<{ id: number; type: string; slug: string; status: string; value: number; asOf: string; explanation: string }>(server.store, sql`SELECT id, subject_type AS type, subject_slug AS slug, status, value, as_of AS "asOf", explanation FROM revision ORDER BY id DESC LIMIT 3`)
    expect(drafts.map((d) => [d.type, d.slug, d.status, d.value, d.asOf]).reverse()).toEqual([
      ['action', first[1], 'IN_PROGRESS', null, '2025-12-31'], ['action', housing, 'ACHIEVED', null, '2025-12-31'], ['target', housingTarget, null, 1850, '2025-12-31'],
    ])
    expect(drafts[2]!.explanation).toBe('Loopt.\n\n- eerste stap gezet\n- tweede stap gepland')
    const round = (await findRound(server.store, agreement, 'voortgangsrapportage-2025'))!
    expect([...(await roundsOfRevisions(server.store, drafts.map((d) => d.id))).values()]).toEqual([round.id, round.id, round.id])
    // Nothing is published without the four-eyes review: all wait in the reviewer's queue, the value as it will be published.
    const queue = await (await as.rob!.get('/beheer/beoordelen')).text()
    expect(queue).toContain('Loopt.')
    expect(queue).toContain('Klaar.')
    expect(queue).toContain('1.850 woningen')
    expect(await count(server.store, 'publication')).toBe(0)
  })

  it('records a row that names a copy of a commitment on its canonical action, and refuses the same commitment twice', async () => {
    const store = openTestStore()
    const copy = store.sqlite.prepare('select a.slug, c.slug as canonical from action a join action c on c.id = a.same_as_id order by a.id limit 1').get() as { slug: string; canonical: string }
    await store.db.destroy()
    const rows = await downloaded()
    rows.push(['Afspraak', copy.slug, ...Array(7).fill(null), 'Niet gestart', null, '31-12-2025', 'Nog niet begonnen.', ...source])
    const answer = await upload(as.eva!, filled(rows))
    expect(answer.status).toBe(303)
    const [draft] = await sqlRows<{ slug: string }>(server.store, sql`SELECT subject_slug AS slug FROM revision ORDER BY id DESC LIMIT 1`)
    expect(draft!.slug).toBe(copy.canonical)
    rowOf(rows, copy.canonical).splice(9, 8, 'In uitvoering', null, '31-12-2025', 'Begonnen.', ...source)
    const twice = await upload(as.eva!, filled(rows))
    expect(twice.status).toBe(422)
    expect(await twice.text()).toContain('Deze afspraak staat al in een eerdere rij.')
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

describe('the size of a worksheet upload', () => {
  /** A commitment row no other test fills in, by its key. */
  const untouched = (rows: unknown[][], skip: number) => rows.filter((r) => r[0] === 'Afspraak').at(-1 - skip)!

  it('imports a worksheet stored without compression, over the 100 kB that bounds a GraphQL request', async () => {
    const rows = await downloaded()
    const row = untouched(rows, 0)
    row.splice(9, 8, 'In uitvoering', null, '31-12-2025', 'Opgeslagen zonder compressie.', ...source)
    const bytes = filled(rows, { compression: false })
    expect(bytes.length).toBeGreaterThan(100_000)
    expect(bytes.length).toBeLessThan(5_000_000)
    const answer = await upload(as.eva!, bytes)
    expect([answer.status, answer.headers.get('location')]).toEqual([303, '/beheer/werkblad?gedaan=1&aantal=1'])
    const [draft] = await sqlRows<{ slug: string; explanation: string }>(server.store, sql`SELECT subject_slug AS slug, explanation FROM revision ORDER BY id DESC LIMIT 1`)
    expect(draft).toEqual({ slug: row[1], explanation: 'Opgeslagen zonder compressie.' })
    // The page names the limit, in Dutch.
    expect(await (await as.eva!.get('/beheer/werkblad')).text()).toContain('Het bestand mag ten hoogste 5 MB groot zijn.')
  })

  it('answers a worksheet over WORKSHEET_MAX_BYTES with its page and a Dutch 413, and records nothing', async () => {
    const rows = await downloaded()
    untouched(rows, 1).splice(9, 8, 'Gerealiseerd', null, '31-12-2025', 'Te groot om in te lezen.', ...source)
    // A real worksheet, with a sheet of long texts beside it (as a pasted appendix would be): over 5 MB unzipped.
    const bytes = filled(rows, { compression: false, extraSheet: Array.from({ length: 200 }, (_, i) => [`Bijlage ${i}`, 'x'.repeat(30_000)]) })
    expect(bytes.length).toBeGreaterThan(5_000_000)
    const before = { revisions: await count(server.store, 'revision'), audit: await count(server.store, 'audit_entry') }
    const answer = await upload(as.eva!, bytes)
    expect(answer.status).toBe(413)
    expect(answer.headers.get('connection')).toBe('close')
    const page = parse(await answer.text()) as unknown as Node
    const alert = all(page).find((n) => attr(n, 'role') === 'alert')!
    expect(text(alert)).toContain('Het werkblad is geweigerd; er is niets opgeslagen')
    expect(text(alert)).toContain('Het bestand is groter dan 5 MB, de grootte die het beheer aanneemt.')
    // The form is there to choose another file, with this session's form token.
    const form = all(page).find((n) => n.nodeName === 'form' && attr(n, 'action') === '/beheer/werkblad')!
    expect(all(form).some((n) => n.nodeName === 'input' && attr(n, 'type') === 'file' && attr(n, 'name') === 'werkblad')).toBe(true)
    expect(all(form).find((n) => attr(n, 'name') === 'csrf')!.attrs!.find((a) => a.name === 'value')!.value).toBe(await as.eva!.formToken('/beheer/werkblad'))
    expect({ revisions: await count(server.store, 'revision'), audit: await count(server.store, 'audit_entry') }).toEqual(before)
    // Nothing lost: the session goes on, and the same worksheet zipped (as Excel saves it) imports.
    const zipped = filled(rows)
    expect(zipped.length).toBeLessThan(5_000_000)
    expect((await upload(as.eva!, zipped)).status).toBe(303)
    expect(await count(server.store, 'revision')).toBe(before.revisions + 1)
  })

  it('reads a too large upload to its end, so a client still sending it gets the 413 page rather than a reset connection', async () => {
    // As a browser uploads a file: the length announced, the body sent on while the server has decided already.
    const csrf = await as.eva!.formToken('/beheer/werkblad')
    const cookie = [...as.eva!.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const boundary = 'werkblad-grens'
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\n`
      + `Content-Disposition: form-data; name="werkblad"; filename="werkblad.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`)
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const size = 6_000_000
    const { port, hostname, host } = new URL(server.base)
    const outcome = await new Promise<{ answer: string; error: Error | null; sent: number }>((resolve) => {
      const socket = connect(Number(port), hostname)
      let answer = ''
      let sent = 0
      let error: Error | null = null
      socket.on('data', (bytes) => { answer += bytes.toString('utf8') })
      socket.on('error', (e) => { error = e })
      socket.on('close', () => resolve({ answer, error, sent }))
      socket.on('connect', async () => {
        socket.write(`POST /beheer/werkblad HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${server.base}\r\nSec-Fetch-Site: same-origin\r\nCookie: ${cookie}\r\n`
          + `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + size + tail.length}\r\n\r\n`)
        socket.write(head)
        const chunk = Buffer.alloc(64 * 1024, 0x41)
        while (sent < size && !socket.destroyed) {
          const part = chunk.subarray(0, Math.min(chunk.length, size - sent))
          sent += part.length
          if (!socket.write(part)) await new Promise((done) => { socket.once('drain', done); socket.once('close', done) })
        }
        // A browser keeps its side open for the answer (a half-close would let node drop an answer still being made); the server closes.
        if (!socket.destroyed) socket.write(tail)
      })
    })
    expect(outcome.error).toBeNull()
    expect(outcome.sent).toBe(size)
    expect(outcome.answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(outcome.answer).toContain('Het bestand is groter dan 5 MB')
  })

  it('keeps MAX_BODY_BYTES for GraphQL and for the other forms of /beheer', async () => {
    const query = `{ agreement { title } } # ${'x'.repeat(150_000)}`
    const graphql = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    expect(graphql.status).toBe(413)
    expect((await graphql.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE')
    const rounds = await as.ada!.post('/beheer/rondes', { name: 'x'.repeat(150_000), peildatum: '31-12-2026', opensOn: '1-1-2027', closesOn: '31-1-2027', csrf: await as.ada!.formToken('/beheer/rondes') })
    expect(rounds.status).toBe(413)
    expect(await rounds.text()).toContain('Formulier te groot')
  })

  it('holds an upload without a live session to MAX_BODY_BYTES: nobody signed out makes the server keep megabytes', async () => {
    const body = new FormData()
    body.set('werkblad', new Blob([Buffer.alloc(300_000, 0x41)]), 'werkblad.xlsx')
    const headers = { origin: server.base, 'sec-fetch-site': 'same-origin' }
    for (const cookie of [undefined, 'oa_beheer=verzonnen-sessie']) {
      const answer = await fetch(`${server.base}/beheer/werkblad`, { method: 'POST', body, headers: cookie ? { ...headers, cookie } : headers })
      expect(answer.status, cookie ?? 'no cookie').toBe(413)
      expect(await answer.text()).toContain('Formulier te groot')
    }
  })
})
