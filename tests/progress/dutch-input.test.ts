import { sql } from 'kysely'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDutchDate, readDutchNumber } from '../../src/editorial/dutch-input.js'
import { sqlRow, startEditorialServer } from '../editorial/support.js'
import { BeheerClient } from '../web/beheer-client.js'

const housing = 'woonvisie-3000-woningen-als-minimum'
const actionPath = `/beheer/afspraak/${housing}`
const explanation = 'De bouw is gestart.\n\nOpgeleverd in 2025:\n- 1.200 huurwoningen\n- 650 koopwoningen\n\nDe rest volgt in 2026.'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let eva: BeheerClient
let rob: BeheerClient

beforeAll(async () => {
  server = await startEditorialServer()
  eva = new BeheerClient(server.base)
  rob = new BeheerClient(server.base)
  await eva.signIn(await server.account('eva', 'editor'))
  await rob.signIn(await server.account('rob', 'reviewer'))
})
afterAll(() => server?.close())

describe('numbers and dates read the Dutch way', () => {
  it('reads a dot as thousands and a comma as decimals, and refuses what could mean two things', () => {
    expect(readDutchNumber('1.850')).toEqual({ ok: true, value: 1850 })
    expect(readDutchNumber('1,5')).toEqual({ ok: true, value: 1.5 })
    expect(readDutchNumber('12.500,75')).toEqual({ ok: true, value: 12500.75 })
    expect(readDutchNumber('1 850')).toEqual({ ok: true, value: 1850 })
    for (const ambiguous of ['1.5', '1,850', '1,250.5']) expect(readDutchNumber(ambiguous).ok, ambiguous).toBe(false)
    expect(readDutchNumber('1,850')).toMatchObject({ message: expect.stringContaining('1850 of 1.850 voor een heel getal, 1,85 voor een decimaal getal') })
  })

  it('reads day-month-year, and refuses two-digit years and dates that do not exist', () => {
    expect(readDutchDate('31-12-2025')).toEqual({ ok: true, value: '2025-12-31' })
    expect(readDutchDate('1-2-2026')).toEqual({ ok: true, value: '2026-02-01' })
    expect(readDutchDate('2025-12-31')).toEqual({ ok: true, value: '2025-12-31' })
    for (const refused of ['31-12-25', '12/31/2025', '30-02-2026', 'gisteren']) expect(readDutchDate(refused).ok, refused).toBe(false)
  })
})

describe('Dutch input in /beheer, faithfully to the public site', () => {
  it('stores "1.850" as 1850 and the review queue shows it as it will be published', async () => {
    const target = (await (await eva.get(actionPath)).text()).match(/href="(\/beheer\/doel\/[a-z0-9-]+)"/)![1]!
    const posted = await eva.post(target, {
      csrf: await eva.formToken(target), value: '1.850', asOf: '31-12-2025', explanation, expectedRevision: '',
      'evidence-0-title': 'Monitor woningbouw', 'evidence-0-url': 'https://www.assen.nl/woningbouw', 'evidence-0-documentDate': '15-1-2026', 'evidence-0-kind': 'other',
    })
    expect(posted.status).toBe(303)
    const row = (await sqlRow<Record<string, unknown>>(server.store, sql`SELECT value, as_of AS "asOf" FROM revision ORDER BY id DESC LIMIT 1`))
    expect(row?.value).toBe(1850)
    expect(row?.asOf).toBe('2025-12-31')
    const queue = await (await rob.get('/beheer/beoordelen')).text()
    expect(queue).toContain('1.850 woningen')
    expect(queue).not.toContain('1,85 woningen')
  })

  it('refuses an ambiguous value and an impossible date with Dutch messages, keeping what was typed', async () => {
    const before = (await sqlRow<{ n: number }>(server.store, sql`SELECT count(*) AS n FROM revision`))
    const target = (await (await eva.get(actionPath)).text()).match(/href="(\/beheer\/doel\/[a-z0-9-]+)"/)![1]!
    const refused = await eva.post(target, {
      csrf: await eva.formToken(target), value: '2,500', asOf: '31-02-2026', explanation: 'Tussenstand', expectedRevision: '',
      'evidence-0-title': 'Monitor', 'evidence-0-url': 'https://www.assen.nl/monitor', 'evidence-0-kind': 'other',
    })
    expect(refused.status).toBe(422)
    const page = await refused.text()
    expect(page).toContain('Er zijn 2 problemen; er is niets opgeslagen')
    expect(page).toContain('<a href="#value">“2,500” is niet eenduidig')
    expect(page).toContain('<a href="#asOf">“31-02-2026” bestaat niet als datum')
    expect(page).toContain('value="2,500"')
    expect((await sqlRow(server.store, sql`SELECT count(*) AS n FROM revision`))).toEqual(before)
  })
})

describe('explanations keep their paragraphs and lists', () => {
  it('on the action page, in /beheer and in the progress report, as paragraphs and list items', async () => {
    const csrf = await eva.formToken(actionPath)
    expect((await eva.post(actionPath, {
      csrf, status: 'IN_PROGRESS', asOf: '31-12-2025', explanation, expectedRevision: '',
      'evidence-0-title': 'Raadsinformatiebrief woningbouw', 'evidence-0-url': 'https://www.assen.nl/rib', 'evidence-0-kind': 'raadsinformatiebrief',
    })).status).toBe(303)
    const draft = (await sqlRow<{ id: number }>(server.store, sql`SELECT id FROM revision WHERE subject_type = 'action' ORDER BY id DESC LIMIT 1`))
    expect((await rob.post(`/beheer/beoordelen/${draft.id}/publiceren`, { csrf: await rob.formToken('/beheer/beoordelen') })).status).toBe(303)
    for (const [where, body] of [
      ['public action page', await (await fetch(`${server.base}/afspraak/${housing}`)).text()],
      ['beheer action page', await (await eva.get(actionPath)).text()],
      ['progress report', await (await fetch(`${server.base}/reports/progress/thema-wonen.html`)).text()],
    ] as const) {
      const texts = blockTexts(body)
      expect(texts, where).toContain('p:De bouw is gestart.')
      expect(texts, where).toContain('li:1.200 huurwoningen')
      expect(texts, where).toContain('li:650 koopwoningen')
      expect(texts, where).toContain('p:De rest volgt in 2026.')
    }
  })
})

/** Every p and li of a page as "tag:text", whitespace collapsed, read with an HTML parser. */
function blockTexts(page: string): string[] {
  const out: string[] = []
  const text = (node: any): string => (node.nodeName === '#text' ? node.value : (node.childNodes ?? []).map(text).join(''))
  const walk = (node: any) => {
    if (node.nodeName === 'p' || node.nodeName === 'li') out.push(`${node.nodeName}:${text(node).replace(/\s+/g, ' ').trim()}`)
    for (const child of node.childNodes ?? []) walk(child)
    if (node.content) walk(node.content)
  }
  walk(parse(page))
  return out
}
