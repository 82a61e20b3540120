import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { artifactFolder } from '../browser.js'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import { readPdf } from './support.js'

const run = promisify(execFile)
const artifacts = artifactFolder('progress-report')
const housing = 'woonvisie-3000-woningen-als-minimum'
let server: Awaited<ReturnType<typeof startEditorialServer>>

const fetchPdf = async (path: string) => {
  const response = await fetch(`${server.base}${path}`)
  expect(response.status, path).toBe(200)
  const bytes = Buffer.from(await response.arrayBuffer())
  // Kept to be looked at (pdftoppm), like the browser tests' screenshots.
  mkdirSync(artifacts, { recursive: true })
  writeFileSync(join(artifacts, `progress-report${path.replace(/^\/reports\/progress/, '').replace(/[/.]/g, '-')}`), bytes)
  return readPdf(bytes)
}
const allText = (pdf: Awaited<ReturnType<typeof readPdf>>) => pdf.pages.join(' ')

beforeAll(async () => {
  server = await startEditorialServer()
  await server.account('eva', 'editor')
  await server.account('rob', 'reviewer')
})
afterAll(() => server?.close())

describe('the progress report (Voortgangsrapportage)', () => {
  it('says plainly that nothing is assessed yet, and lists every action as not assessed', async () => {
    const pdf = await fetchPdf('/reports/progress.pdf')
    expect(pdf.info.Title).toMatch(/^Voortgangsrapportage Dichtbij & Daadkrachtig/)
    const text = allText(pdf)
    expect(text).toContain('Voortgangsrapportage')
    expect(text).toMatch(/Op dit moment is van deze \d+ toezeggingen de voortgang nog niet beoordeeld/)
    // Not-yet-assessed actions are listed compactly per topic, and targets without a measurement likewise.
    expect(text).toMatch(/Nog niet beoordeeld \(\d+\): .*Het uitgangspunt van de Woonvisie voor 3000 nieuwe woningen in 2030 is voor ons het minimum\./)
    expect(text).toMatch(/Nog geen meting gepubliceerd \(\d+\):/)
  })

  it('shows a publication in the very next response, in PDF and HTML, whole and per subject', async () => {
    await fetchPdf('/reports/progress/thema-wonen.pdf')
    const recorded = await server.gql(recordProgress, { input: assessment(housing) }, server.tokens.eva)
    await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, server.tokens.rob)
    const target = (await server.gql(`{ action(slug: "${housing}") { targets { id } } }`)).body.data.action.targets[0]
    const measured = await server.gql(`mutation($input: RecordTargetMeasurementInput!) { recordTargetMeasurement(input: $input) { measurement { id } } }`,
      { input: { targetId: target.id, value: 1850, asOf: '2025-12-31', explanation: 'Opgeleverd volgens de jaarrekening.', evidence: [{ title: 'Jaarrekening 2025', url: 'https://assen.nl/jaarrekening-2025.pdf', kind: 'JAARREKENING' }] } }, server.tokens.eva)
    await server.gql(publishProgress, { id: measured.body.data.recordTargetMeasurement.measurement.id }, server.tokens.rob)

    for (const path of ['/reports/progress.pdf', '/reports/progress/thema-wonen.pdf']) {
      const text = allText(await fetchPdf(path))
      expect(text, path).toContain('In uitvoering: Het uitgangspunt van de Woonvisie')
      expect(text, path).toContain('De bouw is gestart; 1850 woningen zijn opgeleverd.')
      expect(text, path).toContain('Bron: Raadsinformatiebrief woningbouw (Raadsinformatiebrief, 15 januari 2026)')
      expect(text, path).toContain('assen.bestuurlijkeinformatie.nl/Document/1')
      expect(text, path).toContain('Stand per 31 december 2025.')
      expect(text, path).toContain('Laatste meting: 1.850 woningen van de minimaal 3.000 woningen')
      // The chart's data as one row, a column per status: one in progress, the rest not assessed.
      expect(text, path).toMatch(/Toezeggingen\s+\d+\s+0\s+1\s+0\s+0\s+0\s+0\s+\d+/)
    }
    const html = await (await fetch(`${server.base}/reports/progress/wijk-pittelo.html`)).text()
    expect(html).toContain('<html lang="nl">')
    expect(html).toContain('Voortgangsrapportage, wijk')
    const wonen = await (await fetch(`${server.base}/reports/progress/thema-wonen.html`)).text()
    expect(wonen).toContain('href="https://assen.bestuurlijkeinformatie.nl/Document/1"')
    expect(wonen).toContain('Staafdiagram van het aantal toezeggingen per status')
  })

  it('answers unknown subjects with 404', async () => {
    for (const path of ['/reports/progress/thema-bestaat-niet.pdf', '/reports/progress/wonen.html', '/reports/progress/wijk-.pdf']) {
      expect((await fetch(`${server.base}${path}`)).status, path).toBe(404)
    }
  })

  it('is written by npm run report from the editorial store the settings name', async () => {
    const out = join(server.path, '..', 'voortgang.pdf')
    await run(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', '--type', 'progress', '--format', 'pdf', '--out', out],
      { cwd: projectRoot, env: { ...process.env, ...server.env } })
    const text = allText(await readPdf(readFileSync(out)))
    expect(text).toContain('De bouw is gestart; 1850 woningen zijn opgeleverd.')
  })
})
