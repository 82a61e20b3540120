import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEditorialServer } from '../editorial/support.js'
import { all, text } from './html-tree.js'
import { nonZero, perStatus, publishThreeAssessments, row, sitePage, table } from './progress-counts.js'

// The site's progress sections, /voortgang and the progress report count the same thing, commitments, so for
// the same published progress they show the same numbers. Assessed here (tests/web/progress-counts.ts): a
// commitment stated twice in one theme, one stated once, and one stated in two themes.
let server: Awaited<ReturnType<typeof startEditorialServer>>
const page = (path: string, headers: Record<string, string> = {}) => sitePage(server, path, headers)

beforeAll(async () => {
  server = await startEditorialServer()
  await publishThreeAssessments(server)
}, 60_000)
afterAll(() => server?.close())

describe('progress counted per commitment everywhere', () => {
  it('gives the home page the numbers of /voortgang and of the progress report: 173 commitments, not 185 sentences', async () => {
    const { commitmentCount } = (await server.gql('{ agreement { commitmentCount } }')).body.data.agreement
    const home = perStatus((await page('/')).doc)
    const progress = perStatus((await page('/voortgang')).doc)
    expect(home).toEqual(progress)
    expect(home.Totaal).toBe(commitmentCount)
    expect(home.Totaal).toBe(173)
    expect([home.Gerealiseerd, home['In uitvoering'], home['Deels gerealiseerd']]).toEqual([1, 1, 1])
    const report = row(table((await page('/reports/progress.html')).doc, 'Toezeggingen per status (gegevens bij de grafiek)'), 'Toezeggingen')
    expect(report).toEqual(home)
    // The labels say what is counted, and the note says why the sentences outnumber the commitments.
    const section = text(all((await page('/')).doc).find((n) => n.attrs?.some((a) => a.name === 'aria-labelledby' && a.value === 'voortgang'))!)
    expect(section).toContain('Aantal toezeggingen per status')
    expect(section).toContain('Staafdiagram van de voortgang van 173 toezeggingen')
    expect(section).toContain('De 185 afspraken bevatten 173 afzonderlijke toezeggingen')
  })

  it('gives a theme page the numbers of its row on /voortgang and of its progress report, a restated commitment once', async () => {
    const themes = table((await page('/voortgang')).doc, 'Aantal toezeggingen per thema en status')
    for (const [slug, name] of [['meedoen', 'Meedoen'], ['ontmoeten', 'Ontmoeten'], ['wonen', 'Wonen']] as const) {
      const theme = perStatus((await page(`/thema/${slug}`)).doc)
      expect(nonZero(theme), slug).toEqual(nonZero(row(themes, name)))
      const report = row(table((await page(`/reports/progress/thema-${slug}.html`)).doc, 'Toezeggingen per status (gegevens bij de grafiek)'), 'Toezeggingen')
      expect(report, slug).toEqual(theme)
    }
    // The commitment stated twice in Meedoen counts once there.
    expect(perStatus((await page('/thema/meedoen')).doc).Gerealiseerd).toBe(1)
    // One stated in two themes counts in each; the total of /voortgang counts it once.
    expect(row(themes, 'Meedoen')['Deels gerealiseerd']).toBe(1)
    expect(row(themes, 'Ontmoeten')['Deels gerealiseerd']).toBe(1)
    expect(row(themes, 'Totaal')['Deels gerealiseerd']).toBe(1)
  })

  it('gives a district page and an alderman\'s page the numbers of their progress reports', async () => {
    for (const [path, report] of [['/wijk/pittelo', 'wijk-pittelo'], ['/wijk/centrum', 'wijk-centrum'], ['/wethouder/staal', 'wethouder-staal']] as const) {
      const counts = perStatus((await page(path)).doc)
      const reported = row(table((await page(`/reports/progress/${report}.html`)).doc, 'Toezeggingen per status (gegevens bij de grafiek)'), 'Toezeggingen')
      expect(counts, path).toEqual(reported)
    }
    // Nothing assessed: the sentence instead of the chart counts commitments too, as the report's does.
    const none = text((await page('/wethouder/rasker')).doc)
    const reported = /van deze (\d+) toezeggingen de voortgang nog niet beoordeeld/.exec(text((await page('/reports/progress/wethouder-rasker.html')).doc))
    expect(reported).not.toBeNull()
    expect(none).toContain(`Van de ${reported![1]} toezeggingen is de voortgang nog niet beoordeeld`)
    expect(none).toMatch(/De \d+ afspraken bevatten \d+ afzonderlijke toezeggingen/)
  })

  it('gives the same pages on a reload, and a 304 to a revalidation', async () => {
    for (const path of ['/', '/voortgang', '/thema/meedoen', '/wijk/pittelo']) {
      const first = await page(path)
      const again = await page(path)
      expect(again.body, path).toBe(first.body)
      expect(again.etag, path).toBe(first.etag)
      expect((await page(path, { 'if-none-match': first.etag! })).status, path).toBe(304)
    }
  })
})
