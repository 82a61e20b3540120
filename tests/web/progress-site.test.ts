import { readFileSync } from 'node:fs'
import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { progressStatuses } from '../../src/editorial/progress-vocabulary.js'
import { contrastRatio } from '../../src/reports/contrast-ratio.js'
import { statusClass, statusStyles } from '../../src/reports/progress/progress-labels.js'
import { assessment, publishProgress, recordProgress, retractProgress, startEditorialServer } from '../editorial/support.js'
import { all, attr, text, type Node } from './html-tree.js'

const byClass = (doc: Node, name: string) => all(doc).filter((n) => attr(n, 'class')?.split(' ').includes(name))

const housing = 'woonvisie-3000-woningen-als-minimum'
const other = 'versnellen-woningbouw'
let server: Awaited<ReturnType<typeof startEditorialServer>>
const page = async (path: string) => {
  const response = await fetch(`${server.base}${path}`, { headers: { accept: 'text/html' } })
  return { status: response.status, headers: response.headers, doc: parse(await response.text()) as unknown as Node }
}

beforeAll(async () => {
  server = await startEditorialServer()
  await server.account('eva', 'editor')
  await server.account('rob', 'reviewer')
})
afterAll(() => server?.close())

describe('progress on the public site', () => {
  it('says plainly that nothing is assessed yet, without empty charts', async () => {
    for (const path of ['/', '/thema/wonen', '/wijk/pittelo']) {
      const { status, doc } = await page(path)
      expect(status, path).toBe(200)
      const section = all(doc).find((n) => attr(n, 'aria-labelledby') === 'voortgang')!
      expect(text(section), path).toMatch(/is de voortgang nog niet beoordeeld/)
      expect(all(section).some((n) => n.nodeName === 'svg'), path).toBe(false)
    }
    const action = await page(`/afspraak/${housing}`)
    expect(action.status).toBe(200)
    expect(text(action.doc)).toContain('Het uitgangspunt van de Woonvisie voor 3000 nieuwe woningen in 2030 is voor ons het minimum.')
    expect(text(byClass(action.doc, 'status')[0]!)).toBe('Niet beoordeeld')
    expect(text(action.doc)).toContain('Er is nog geen meting van dit doel gepubliceerd.')
  })

  it('gives every action a page and lists them all, filterable, with clear errors for unknown filters', async () => {
    const list = await page('/afspraken')
    const links = all(list.doc).map((n) => attr(n, 'href')).filter((h): h is string => !!h && h.startsWith('/afspraak/'))
    expect(links.length).toBeGreaterThan(100)
    for (const link of links.slice(0, 10)) expect((await page(link)).status, link).toBe(200)
    const wonen = await page('/afspraken?thema=wonen')
    expect(all(wonen.doc).map((n) => attr(n, 'href'))).toContain(`/afspraak/${housing}`)
    expect(byClass(wonen.doc, 'action-list')[0]!.childNodes!.filter((n) => n.nodeName === 'li').length).toBeLessThan(links.length)
    for (const path of ['/afspraken?status=BIJNA', '/afspraken?thema=bestaat-niet', '/afspraak/bestaat-niet']) expect((await page(path)).status, path).toBe(404)
  })

  it('shows a publication in the very next response: status, explanation, evidence, dates, summaries, filters; and a retraction', async () => {
    // Read every page first, so the caches hold the state before the publication.
    for (const path of ['/', '/thema/wonen', `/afspraak/${housing}`, '/afspraken?status=IN_PROGRESS']) await page(path)
    const recorded = await server.gql(recordProgress, { input: assessment(housing) }, server.tokens.eva)
    const draftId = recorded.body.data.recordProgress.assessment.id
    expect((await page(`/afspraak/${housing}`)).doc && text((await page(`/afspraak/${housing}`)).doc)).not.toContain('De bouw is gestart')
    await server.gql(publishProgress, { id: draftId }, server.tokens.rob)
    const second = await server.gql(recordProgress, { input: assessment(other, { status: 'ACHIEVED', explanation: 'Het bouwtempo is verdubbeld.' }) }, server.tokens.eva)
    await server.gql(publishProgress, { id: second.body.data.recordProgress.assessment.id }, server.tokens.rob)

    const action = await page(`/afspraak/${housing}`)
    const body = text(action.doc)
    expect(text(byClass(action.doc, 'status')[0]!)).toBe('In uitvoering')
    expect(byClass(action.doc, 'status')[0]!.attrs!.find((a) => a.name === 'class')!.value).toContain('status-in-progress')
    expect(body).toContain('De bouw is gestart; 1850 woningen zijn opgeleverd.')
    expect(body).toContain('Stand per 31 december 2025.')
    expect(body).toMatch(/Gepubliceerd op \d{1,2} \w+ 20\d\d\./)
    expect(body).toContain('Raadsinformatiebrief, 15 januari 2026')
    expect(all(action.doc).map((n) => attr(n, 'href'))).toContain('https://assen.bestuurlijkeinformatie.nl/Document/1')

    const home = await page('/')
    const chart = all(home.doc).find((n) => n.nodeName === 'svg' && attr(n, 'aria-labelledby')?.startsWith('grafiek-voortgang'))!
    expect(text(all(chart).find((n) => n.nodeName === 'desc')!)).toMatch(/Gerealiseerd: 1, .*In uitvoering: 1|In uitvoering: 1, .*Gerealiseerd: 1/)
    const counts = byClass(home.doc, 'progress-counts')[0]!
    expect(text(counts)).toMatch(/In uitvoering\s*1(?!\d)/)
    const theme = await page('/thema/wonen')
    expect(text(byClass(theme.doc, 'progress-counts')[0]!)).toMatch(/Gerealiseerd\s*1(?!\d)/)
    expect(all(theme.doc).map((n) => attr(n, 'href'))).toContain('/afspraken?thema=wonen&status=ACHIEVED')

    const filtered = await page('/afspraken?status=IN_PROGRESS')
    const items = byClass(filtered.doc, 'action-list')[0]!.childNodes!.filter((n) => n.nodeName === 'li')
    expect(items.map((li) => all(li).map((n) => attr(n, 'href')).find(Boolean))).toEqual([`/afspraak/${housing}`])

    // The alderman responsible, reached by the link on the action's page, counts it too.
    const alderman = all(action.doc).map((n) => attr(n, 'href')).find((h) => h?.startsWith('/wethouder/'))!
    expect(text(byClass((await page(alderman)).doc, 'progress-counts')[0]!)).toMatch(/In uitvoering\s*1(?!\d)/)

    await server.gql(retractProgress, { id: draftId, reason: 'De brief bleek over een ander project te gaan.' }, server.tokens.eva)
    const queue = await server.gql('{ reviewQueue(first: 5) { edges { node { id } } } }', {}, server.tokens.rob)
    await server.gql(publishProgress, { id: queue.body.data.reviewQueue.edges[0].node.id }, server.tokens.rob)
    const after = await page(`/afspraak/${housing}`)
    expect(text(byClass(after.doc, 'status')[0]!)).toBe('Niet beoordeeld')
    const history = text(byClass(after.doc, 'history').at(-1)!)
    expect(history).toMatch(/Ingetrokken \(versie 2\)\s*De brief bleek over een ander project te gaan\./)
    expect(history).toContain('In uitvoering (versie 1) ingetrokken in versie 2')
  })

  it('shows a target measurement against the target value', async () => {
    const target = (await server.gql(`{ action(slug: "${housing}") { targets { id } } }`)).body.data.action.targets[0]
    const measured = await server.gql(`mutation($input: RecordTargetMeasurementInput!) { recordTargetMeasurement(input: $input) { measurement { id } userErrors { code } } }`,
      { input: { targetId: target.id, value: 1850, asOf: '2025-12-31', explanation: 'Opgeleverd volgens de jaarrekening.', evidence: [{ title: 'Jaarrekening 2025', url: 'https://assen.nl/jaarrekening-2025.pdf', kind: 'JAARREKENING' }] } }, server.tokens.eva)
    await server.gql(publishProgress, { id: measured.body.data.recordTargetMeasurement.measurement.id }, server.tokens.rob)
    const body = text((await page(`/afspraak/${housing}`)).doc)
    expect(body).toContain('1.850 woningen van de minimaal 3.000 woningen op 31 december 2025')
    expect(all((await page(`/afspraak/${housing}`)).doc).map((n) => attr(n, 'href'))).toContain('https://assen.nl/jaarrekening-2025.pdf')
  })
})

describe('status colours', () => {
  it('carry white text at WCAG AA and match the stylesheet', () => {
    const css = readFileSync(new URL('../../src/web/assets/site.css', import.meta.url), 'utf8')
    for (const status of progressStatuses) {
      const { colour } = statusStyles[status]
      expect(contrastRatio('#FFFFFF', colour), status).toBeGreaterThanOrEqual(4.5)
      expect(css, status).toContain(`.${statusClass(status)} { background: ${colour}; }`)
    }
  })
})
