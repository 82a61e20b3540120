import { parse } from 'parse5'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import { all, text, type Node } from './html-tree.js'

// The site's progress sections, /voortgang and the progress report count the same thing, commitments, so for
// the same published progress they show the same numbers. Assessed here: a commitment stated twice in one theme
// (a sentence and the copy that restates it, same_as), one stated once, and one stated in two themes.
const twiceInMeedoen = 'preventie-via-wijkgerichte-aanpak'
const housing = 'woonvisie-3000-woningen-als-minimum'
const inTwoThemes = 'dienstverlening-dichter-bij-inwoners-in-wijken'

let server: Awaited<ReturnType<typeof startEditorialServer>>
const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.base}${path}`, { headers: { accept: 'text/html', ...headers } })
  const body = await response.text()
  return { status: response.status, etag: response.headers.get('etag'), body, doc: parse(body) as unknown as Node }
}

/** A table by the start of its caption, as rows of cell texts (header cells and data cells alike). */
function table(doc: Node, caption: string): string[][] {
  const found = all(doc).find((n) => n.nodeName === 'table' && all(n).some((c) => c.nodeName === 'caption' && text(c).startsWith(caption)))
  expect(found, caption).toBeDefined()
  return all(found!).filter((n) => n.nodeName === 'tr').map((tr) => tr.childNodes!.filter((c) => c.nodeName === 'th' || c.nodeName === 'td').map(text))
}

/** A site summary table (a row per status, then the total) as status label → count, "Totaal" included. */
const perStatus = (doc: Node) => Object.fromEntries(table(doc, 'Aantal toezeggingen per status').slice(1).map(([label, n]) => [label!, Number(n)]))

/** One row of a table with a column per status (the report's, /voortgang's per theme) as column header → count. */
const row = (rows: string[][], label: string) => {
  const found = rows.find((r) => r[0] === label)
  expect(found, label).toBeDefined()
  return Object.fromEntries(rows[0]!.slice(1).map((header, i) => [header, Number(found![i + 1])]))
}

/** Only the statuses that occur: the report and /voortgang per theme leave out empty columns, the site's table lists every status. */
const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))

beforeAll(async () => {
  server = await startEditorialServer()
  await server.account('eva', 'editor')
  await server.account('rob', 'reviewer')
  for (const [slug, status] of [[twiceInMeedoen, 'ACHIEVED'], [housing, 'IN_PROGRESS'], [inTwoThemes, 'PARTLY_ACHIEVED']] as const) {
    const recorded = await server.gql(recordProgress, { input: assessment(slug, { status }) }, server.tokens.eva)
    expect(recorded.body.data.recordProgress.userErrors).toEqual([])
    expect((await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, server.tokens.rob)).body.data.publishProgress.userErrors).toEqual([])
  }
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
