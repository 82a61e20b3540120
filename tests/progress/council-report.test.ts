import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactFolder } from '../browser.js'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import { allElements, structTree } from '../reports/pdf-tags.js'
import { readPdf } from '../reports/support.js'
import { BeheerClient } from '../web/beheer-client.js'

// The rendered pages, to look at as the communications department would: a temporary folder, never the project's own.
const artifacts = artifactFolder('council-report')

const recorded = [
  ['woonvisie-3000-woningen-als-minimum', 'IN_PROGRESS', 'De bouw is gestart.\n\nOpgeleverd in 2025:\n- 1.200 huurwoningen\n- 650 koopwoningen', 'https://assen.bestuurlijkeinformatie.nl/Agenda/Document/a1b2c3d4-woningbouwmonitor-2025-voortgang?documentId=1234'],
  ['startersleningen-blijven-aanbieden', 'ACHIEVED', 'De startersleningen zijn in 2025 aangeboden; 84 starters kregen er een.', 'https://www.assen.nl/woonvisie'],
] as const

let server: Awaited<ReturnType<typeof startEditorialServer>>
const pdfs: Record<string, Buffer> = {}

beforeAll(async () => {
  server = await startEditorialServer()
  const eva = await server.account('eva', 'editor')
  const rob = await server.account('rob', 'reviewer')
  const ada = new BeheerClient(server.base)
  await ada.signIn(await server.account('ada', 'admin'))
  expect((await ada.post('/beheer/rondes', { name: 'Voortgangsrapportage 2025', peildatum: '31-12-2025', opensOn: '1-12-2026', closesOn: '31-12-2026', csrf: await ada.formToken('/beheer/rondes') })).status).toBe(303)
  for (const [slug, status, explanation, url] of recorded) {
    const answer = await server.gql(recordProgress, { input: assessment(slug, { status, explanation, evidence: [{ title: 'Raadsinformatiebrief', url, kind: 'RAADSINFORMATIEBRIEF', documentDate: '2026-01-15' }] }) }, eva)
    expect(answer.body.data.recordProgress.userErrors).toEqual([])
    expect((await server.gql(publishProgress, { id: answer.body.data.recordProgress.assessment.id }, rob)).body.data.publishProgress.userErrors).toEqual([])
  }
  for (const path of ['/reports/progress.pdf', '/reports/progress/thema-wonen.pdf', '/reports/progress/wethouder-broekema.pdf']) {
    // A fresh connection each: rendering pages in between can outlast the server's keep-alive.
    const response = await fetch(`${server.base}${path}`, { headers: { connection: 'close' } })
    expect(response.status, path).toBe(200)
    pdfs[path] = Buffer.from(await response.arrayBuffer())
  }
  for (const [path, bytes] of Object.entries(pdfs)) {
    const name = path.replace(/^\/reports\//, '').replace(/[/.]/g, '-')
    writeFileSync(join(artifacts, `${name}.pdf`), bytes)
    execFileSync('pdftoppm', ['-png', '-r', '60', join(artifacts, `${name}.pdf`), join(artifacts, name)])
  }
}, 120_000)
afterAll(() => server?.close())

describe('the council progress report', () => {
  it('names the round and its peildatum on the cover, tagged as headings, and summarises per status, theme and alderman', async () => {
    const pdf = await readPdf(pdfs['/reports/progress.pdf']!)
    expect(pdf.pages[0]).toContain('Voortgangsrapportage 2025')
    expect(pdf.pages[0]).toContain('Peildatum 31 december 2025')
    const headings = allElements(structTree(pdfs['/reports/progress.pdf']!)).filter((e) => /^H\d$/.test(e.type)).map((e) => e.text.trim())
    expect(headings[0]).toBe('Dichtbij & Daadkrachtig')
    expect(headings).toEqual(expect.arrayContaining(['Samenvatting', 'Wonen', 'Wat de statussen betekenen', 'Bijlage: herkomst van de gegevens']))
    const summary = pdf.pages.find((p) => p.includes('Afspraken per thema en status'))!
    expect(summary).toMatch(/Wonen .*1 .*1 /)
    expect(pdf.pages.join(' ')).toContain('Afspraken per wethouder en status')
    const tables = allElements(structTree(pdfs['/reports/progress.pdf']!)).filter((e) => e.type === 'Table')
    expect(tables.length).toBeGreaterThanOrEqual(3)
  })

  it('prints each assessed action with its alderman, explanation as a list, and the whole web address as one link', async () => {
    const pdf = await readPdf(pdfs['/reports/progress/thema-wonen.pdf']!)
    const text = pdf.pages.join(' ')
    expect(text).toContain('In uitvoering:')
    expect(text).toContain('Wethouder: ')
    expect(text.replace(/\s/g, '')).toContain('assen.bestuurlijkeinformatie.nl/Agenda/Document/a1b2c3d4-woningbouwmonitor-2025-voortgang?documentId=1234')
    const elements = allElements(structTree(pdfs['/reports/progress/thema-wonen.pdf']!))
    expect(elements.some((e) => e.type === 'LI' && e.text.includes('650 koopwoningen'))).toBe(true)
    const links = elements.filter((e) => e.type === 'Link' && e.text.includes('woningbouwmonitor'))
    expect(links.length).toBe(1)
    // Not-yet-assessed actions come compactly under one line per topic, not "Nog niet beoordeeld" for each.
    const count = (text.match(/Nog niet beoordeeld \(\d+\):/g) ?? []).length
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(20)
  })

  it('has the status definitions, and no developer terms outside the provenance appendix', async () => {
    for (const [path, bytes] of Object.entries(pdfs)) {
      const pages = (await readPdf(bytes)).pages
      const appendix = pages.findIndex((p) => p.includes('Bijlage: herkomst van de gegevens') && !p.includes('Inhoud'))
      const council = pages.slice(0, appendix)
      expect(council.join(' '), path).toContain('Er wordt aan deze afspraak gewerkt.')
      for (const term of [/dataversie/i, /SHA-256/, /\bregels? \d+/, /\.txt\b/, /open-akkoord/i]) {
        expect(council.filter((p) => term.test(p)), `${path}: ${term}`).toEqual([])
      }
    }
  })
})
