import { parse as parseCsv } from 'csv-parse/sync'
import { createHash } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Parser } from 'n3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { loadConfig, projectRoot } from '../../src/config.js'
import { ensurePublication } from '../../src/publication/ensure-publication.js'
import { releaseFolder } from '../../src/publication/release-store.js'
import { ns } from '../../src/publication/vocabulary.js'
import { artifactFolder, browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { actionId, startEditorialServer } from '../editorial/support.js'
import { atomChildren, atomText, parseXml } from '../publication/atom.js'
import { baseUrl, publisherName, publisherUri } from '../publication/publication-fixture.js'
import { fingerprint } from '../publication/release-fingerprint.js'
import { readPdf } from '../reports/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)

const housing = 'woonvisie-3000-woningen-als-minimum'
const starters = 'startersleningen-blijven-aanbieden'
const green = 'rekening-houden-met-groen-en-water-bij-bouwen'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let publicationDir: string
/** The release written before the round, and the SHA-256 of each of its files. */
let firstRelease: { version: string; files: Map<string, string> }
let browser: Browser
const tokens: Record<string, string> = {}
const pages: Record<string, Page> = {}

async function signIn(name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true })).newPage()
  await page.goto(`${server.base}/beheer/aanmelden`)
  await page.fill('#token', tokens[name]!)
  await page.click('button:has-text("Aanmelden")')
  return page
}

async function recordStatus(page: Page, slug: string, status: string, explanation: string): Promise<void> {
  await page.goto(`${server.base}/beheer/afspraak/${slug}`)
  await page.selectOption('#status', status)
  await page.fill('#asOf', '31-12-2025')
  await page.fill('#explanation', explanation)
  await page.fill('#evidence-0-title', 'Raadsinformatiebrief')
  await page.fill('#evidence-0-url', 'https://www.assen.nl/raadsinformatiebrief-groen')
  await page.selectOption('#evidence-0-kind', 'raadsinformatiebrief')
  await page.click('button:has-text("Opslaan als concept")')
  expect(await page.locator('.notice').textContent()).toContain('Opgeslagen als concept')
}


const data = async (path: string) => (await fetch(`${server.base}/data/${path}`)).text()
const csv = async (path: string): Promise<Record<string, string>[]> => parseCsv(await data(path), { columns: true, record_delimiter: '\r\n' })

/** The queue item of a draft about an action, by the action's page link. */
const queueItem = (page: Page, slug: string) => page.locator('.queue-item', { has: page.locator(`h2 a[href="/beheer/afspraak/${slug}"]`) })

describe.skipIf(!chromiumPath && !browserRequired)('a whole reporting round, two editors and a reviewer, in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    publicationDir = join(await mkdtemp(join(tmpdir(), 'open-akkoord-round-e2e-')), 'publication')
    server = await startEditorialServer({ PUBLICATION_DIR: publicationDir, PUBLIC_BASE_URL: baseUrl })
    for (const [name, role] of [['eva', 'editor'], ['piet', 'editor'], ['rob', 'reviewer'], ['ada', 'admin']] as const) tokens[name] = await server.account(name, role)
    // What `npm start` does before it serves: the first release, before any progress.
    await ensurePublication({
      publicationDir, root: projectRoot, databasePath: loadConfig({}).databasePath, baseUrl, publisherUri, publisherName, editorial: server.store,
    })
    const version = JSON.parse(await (await fetch(`${server.base}/data/datapackage.json`)).text()).version as string
    firstRelease = { version, files: fingerprint(realpathSync(releaseFolder(publicationDir, version))) }
    browser = await launchChromium(chromiumPath)
    for (const name of Object.keys(tokens)) pages[name] = await signIn(name)
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens, assigns, records, imports, reviews with a comment, sends back, corrects, publishes, retracts and closes', async () => {
    const { eva, piet, rob, ada } = pages as Record<string, Page>
    await ada!.goto(`${server.base}/beheer/rondes`)
    await ada!.fill('#name', 'Voortgangsrapportage 2025')
    await ada!.fill('#peildatum', '31-12-2025')
    await ada!.fill('#opensOn', '1-12-2026')
    await ada!.fill('#closesOn', '31-12-2026')
    await ada!.click('button:has-text("Ronde openen")')

    for (const [slug, editor] of [[housing, 'eva (redacteur)'], [starters, 'eva (redacteur)'], [green, 'piet (redacteur)']]) {
      await rob!.goto(`${server.base}/beheer/afspraak/${slug}`)
      await rob!.selectOption('#accountId', { label: editor })
      await rob!.click('button:has-text("Toewijzen")')
    }
    await piet!.goto(`${server.base}/beheer/mijn-lijst`)
    expect(await piet!.locator('.action-list li').count()).toBe(1)

    // Eva fills in the worksheet in another program and imports it.
    const [download] = await Promise.all([eva!.waitForEvent('download'), (async () => {
      await eva!.goto(`${server.base}/beheer/werkblad`)
      await eva!.click('a:has-text("Werkblad downloaden")')
    })()])
    const book = XLSX.read(readFileSync(await download.path()), { type: 'buffer' })
    const rows: unknown[][] = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: null })
    rows.find((r) => r[1] === housing)!.splice(9, 8, 'In uitvoering', null, '31-12-2025', 'De bouw is gestart.\n\n- 1.200 huurwoningen\n- 650 koopwoningen', 'Woningbouwmonitor 2025', 'https://www.assen.nl/woningbouwmonitor-2025', 'Raadsinformatiebrief', '15-1-2026')
    rows.find((r) => r[1] === starters)!.splice(9, 8, 'Gerealiseerd', null, '31-12-2025', 'De leningen zijn verstrekt.', 'Jaarverslag', 'https://www.assen.nl/jaarverslag-2025', 'Jaarrekening', null)
    const filled = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(filled, XLSX.utils.aoa_to_sheet(rows), 'Voortgang')
    await eva!.setInputFiles('#werkblad', { name: 'werkblad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: XLSX.write(filled, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer })
    await eva!.click('button:has-text("Werkblad inlezen")')
    expect(await eva!.locator('.notice').textContent()).toContain('2 concepten opgeslagen')

    await recordStatus(piet!, green, 'NOT_STARTED', 'Nog niet begonnen.')

    // The reviewer comments on one, sends one back, publishes one.
    await rob!.goto(`${server.base}/beheer/beoordelen`)
    await queueItem(rob!, housing).locator('textarea[name="comment"]').fill('Noem de bron van de aantallen.')
    await queueItem(rob!, housing).locator('button:has-text("Opmerking plaatsen")').click()
    await queueItem(rob!, green).locator('textarea[name="reason"]').fill('Er is wel begonnen: zie de raadsbrief van november.')
    await queueItem(rob!, green).locator('button:has-text("Terugsturen")').click()
    await queueItem(rob!, starters).locator('button:has-text("Publiceren")').click()
    await queueItem(rob!, housing).locator('button:has-text("Publiceren")').click()

    await eva!.goto(`${server.base}/beheer/afspraak/${housing}`)
    expect(await eva!.locator('.comments').textContent()).toContain('Noem de bron van de aantallen.')
    await piet!.goto(`${server.base}/beheer/afspraak/${green}`)
    expect(await piet!.locator('.returned').textContent()).toContain('Er is wel begonnen')
    await recordStatus(piet!, green, 'IN_PROGRESS', 'Begonnen in november, zie de raadsbrief.')
    await rob!.goto(`${server.base}/beheer/beoordelen`)
    await queueItem(rob!, green).locator('button:has-text("Publiceren")').click()

    // The starters' status turns out premature: withdrawn on the screens, the withdrawal reviewed.
    await eva!.goto(`${server.base}/beheer/afspraak/${starters}`)
    await eva!.fill('#intrekken-reden', 'De regeling loopt nog; gerealiseerd was te vroeg.')
    await eva!.click('button:has-text("Intrekking vastleggen")')
    await rob!.goto(`${server.base}/beheer/beoordelen`)
    await queueItem(rob!, starters).locator('button:has-text("Publiceren")').click()

    await rob!.goto(`${server.base}/beheer/overzicht`)
    const wonen = await rob!.locator('tbody tr', { has: rob!.locator('th', { hasText: /^Wonen$/ }) }).locator('td').allTextContents()
    expect(wonen[4]).toBe('2')
    expect(await seriousAxeViolations(rob!)).toEqual([])

    await ada!.goto(`${server.base}/beheer/rondes`)
    await ada!.click('button:has-text("sluiten")')
    expect(await ada!.locator('.notice').textContent()).toContain('gesloten')
  }, 180_000)

  it('shows the closed round on the public site, in the API and in the council report', async () => {
    const site = (pages.eva as Page)
    await site.goto(`${server.base}/afspraak/${housing}`)
    expect(await site.locator('.progress-current .status').textContent()).toBe('In uitvoering')
    expect(await site.locator('.progress-current .explanation li').allTextContents()).toEqual(['1.200 huurwoningen', '650 koopwoningen'])
    await site.goto(`${server.base}/afspraak/${starters}`)
    expect(await site.locator('#geschiedenis + ol.history').textContent()).toContain('De regeling loopt nog')
    await site.goto(`${server.base}/`)
    expect(await site.locator('#recent + ol.recent-changes > li').count()).toBe(4)

    const api = await server.gql('{ progressRound { name closed peildatum progressSummary { assessed counts { status count } } } }')
    expect(api.body.data.progressRound).toMatchObject({ name: 'Voortgangsrapportage 2025', closed: true, peildatum: '2025-12-31', progressSummary: { assessed: 2 } })

    const response = await fetch(`${server.base}/reports/progress.pdf`)
    const pdf = await readPdf(Buffer.from(await response.arrayBuffer()))
    expect(pdf.pages[0]).toContain('Voortgangsrapportage 2025')
    expect(pdf.outline).toEqual(expect.arrayContaining(['Samenvatting', 'Wonen', 'Wat de statussen betekenen', 'Bijlage: herkomst van de gegevens']))
    const text = pdf.pages.join(' ')
    expect(text).toContain('Toezeggingen per thema en status')
    expect(text.replace(/\s/g, '')).toContain('www.assen.nl/woningbouwmonitor-2025')
    const appendix = pdf.pages.findIndex((p, i) => i > 1 && p.includes('Bijlage: herkomst van de gegevens'))
    expect(pdf.pages.slice(0, appendix).join(' ')).not.toMatch(/dataversie|SHA-256|\.txt\b/i)
  })

  it('publishes the round in the open data: the tables, the nested JSON, the progress feed and a new release, the first one unchanged', async () => {
    const round = { reporting_round: 'Voortgangsrapportage 2025', round_reference_date: '2025-12-31' }
    // Read with csv-parse: every published assessment of the round, with its status, peildatum and fate.
    const rows = await csv('csv/progress-assessments.csv')
    const of = (slug: string) => rows.filter((r) => r.action_id === actionId(slug))
    expect(of(housing)).toEqual([expect.objectContaining({ status: 'IN_PROGRESS', as_of: '2025-12-31', is_current: 'true', ...round })])
    expect(of(green)).toEqual([expect.objectContaining({ status: 'IN_PROGRESS', is_current: 'true', ...round })])
    expect(of(starters)).toEqual([expect.objectContaining({ status: 'ACHIEVED', is_current: 'false', retraction_reason: 'De regeling loopt nog; gerealiseerd was te vroeg.', ...round })])
    expect(rows).toHaveLength(3)
    const flat = await csv('toezeggingen.csv')
    const status = (slug: string) => flat.find((r) => r['Actie-ID'] === actionId(slug))?.Voortgang
    expect([status(housing), status(green), status(starters)]).toEqual(['In uitvoering', 'In uitvoering', 'Niet beoordeeld'])

    // The nested JSON, read with JSON.parse.
    const document = JSON.parse(await data('json/assen-2022-2026.json'))
    const action = document.themes.flatMap((t: { topics: { actions: unknown[] }[] }) => t.topics).flatMap((t: { actions: unknown[] }) => t.actions)
      .find((a: { slug: string }) => a.slug === housing)
    expect(action.progress).toMatchObject({ status: 'IN_PROGRESS', history: [{ status: 'IN_PROGRESS', round: { name: round.reporting_round, peildatum: round.round_reference_date } }] })

    // The progress feed, read with sax: the three publications and the retraction, each saying its round.
    const feed = parseXml(await data('feeds/voortgang.atom'))
    const entries = atomChildren(feed, 'entry').map((e) => ({ title: atomText(e, 'title'), summary: atomText(e, 'summary') }))
    expect(entries.map((e) => e.title.split(':')[0]).sort()).toEqual(['Gerealiseerd', 'In uitvoering', 'In uitvoering', 'Ingetrokken (Gerealiseerd)'])
    expect(entries.filter((e) => !e.title.startsWith('Ingetrokken')).every((e) => e.summary.includes('(Voortgangsrapportage 2025, peildatum 2025-12-31)'))).toBe(true)

    // The release catalogue, read with n3: a new version of the day of the publications, the first one still listed.
    const published = rows.map((r) => r.published_at!).sort().at(-1)!.slice(0, 10)
    expect(published).not.toBe(firstRelease.version)
    const catalog = new Parser().parse(await data('catalog.ttl'))
    const dataset = `${baseUrl}/id/dataset/open-akkoord`
    const values = (subject: string, predicate: string) => catalog.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object.value)
    expect(values(dataset, `${ns.dcat}version`)).toEqual([published])
    expect(values(dataset, `${ns.dcat}hasVersion`).sort()).toEqual([`${dataset}/${firstRelease.version}`, `${dataset}/${published}`])
    expect(values(`${dataset}/${published}`, `${ns.dcat}previousVersion`)).toEqual([`${dataset}/${firstRelease.version}`])
    const versions = parseXml(await data('feeds/versies.atom'))
    expect(atomChildren(versions, 'entry').map((e) => atomText(e, 'title'))).toEqual(expect.arrayContaining([`Versie ${published}`, `Versie ${firstRelease.version}`]))

    // The first release, on disk and over HTTP, is what it was before the round.
    expect(fingerprint(realpathSync(releaseFolder(publicationDir, firstRelease.version)))).toEqual(firstRelease.files)
    const old = Buffer.from(await (await fetch(`${server.base}/data/releases/${firstRelease.version}/csv/progress-assessments.csv`)).arrayBuffer())
    expect(createHash('sha256').update(old).digest('hex')).toBe(firstRelease.files.get('/csv/progress-assessments.csv'))
    expect(old.toString('utf8')).not.toContain('IN_PROGRESS')
  })

  it('lets a reader choose the round on the public site, at 390 and 1280 px, with no serious axe violations', async () => {
    const artifacts = artifactFolder('round-pages')
    const site = (pages.eva as Page)
    for (const width of [390, 1280]) {
      await site.setViewportSize({ width, height: 900 })
      await site.goto(`${server.base}/`)
      await site.click('a:has-text("Voortgang per ronde")')
      expect(new URL(site.url()).pathname).toBe('/voortgang')
      await site.click('.round-list a:has-text("Voortgangsrapportage 2025")')
      expect(new URL(site.url()).pathname).toBe('/voortgang/voortgangsrapportage-2025')
      expect(await site.locator('h1').textContent()).toBe('Voortgang: Voortgangsrapportage 2025')
      expect(await site.locator('.round-shown').textContent()).toContain('31 december 2025')
      expect(await site.locator('.round-shown').textContent()).toContain('gesloten')
      expect(await site.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      expect(await seriousAxeViolations(site)).toEqual([])
      await site.screenshot({ path: join(artifacts, `ronde-${width}.png`), fullPage: true })
      await site.goto(`${server.base}/voortgang`)
      expect(await seriousAxeViolations(site)).toEqual([])
      await site.screenshot({ path: join(artifacts, `voortgang-${width}.png`), fullPage: true })
      // The HTML report counts as the PDF does: commitments, in the text, the chart's table and the tables.
      await site.goto(`${server.base}/reports/progress.html`)
      const summary = await site.locator('main').textContent()
      const commitments = (await server.gql('{ agreement { commitmentCount } }')).body.data.agreement.commitmentCount as number
      expect(summary).toContain(`van de ${commitments} toezeggingen de voortgang van 2 beoordeeld`)
      expect(await site.locator('caption', { hasText: 'Toezeggingen per status' }).count()).toBe(1)
      expect(await site.locator('table', { has: site.locator('caption', { hasText: 'Toezeggingen per thema en status' }) }).locator('tfoot td').last().textContent()).toBe(String(commitments))
      expect(await seriousAxeViolations(site)).toEqual([])
      await site.screenshot({ path: join(artifacts, `rapport-${width}.png`) })
    }
    console.info(`round pages: ${artifacts}`)
  })
})
