import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { startEditorialServer } from '../editorial/support.js'
import { readPdf } from '../reports/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)

const housing = 'woonvisie-3000-woningen-als-minimum'
const starters = 'startersleningen-blijven-aanbieden'
const green = 'rekening-houden-met-groen-en-water-bij-bouwen'

let server: Awaited<ReturnType<typeof startEditorialServer>>
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

/** The queue item of a draft about an action, by the action's page link. */
const queueItem = (page: Page, slug: string) => page.locator('.queue-item', { has: page.locator(`h2 a[href="/beheer/afspraak/${slug}"]`) })

describe.skipIf(!chromiumPath && !browserRequired)('a whole reporting round, two editors and a reviewer, in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    server = await startEditorialServer()
    for (const [name, role] of [['eva', 'editor'], ['piet', 'editor'], ['rob', 'reviewer'], ['ada', 'admin']] as const) tokens[name] = await server.account(name, role)
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
    rows.find((r) => r[0] === housing)!.splice(7, 7, 'In uitvoering', '31-12-2025', 'De bouw is gestart.\n\n- 1.200 huurwoningen\n- 650 koopwoningen', 'Woningbouwmonitor 2025', 'https://www.assen.nl/woningbouwmonitor-2025', 'Raadsinformatiebrief', '15-1-2026')
    rows.find((r) => r[0] === starters)!.splice(7, 7, 'Gerealiseerd', '31-12-2025', 'De leningen zijn verstrekt.', 'Jaarverslag', 'https://www.assen.nl/jaarverslag-2025', 'Jaarrekening', null)
    const filled = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(filled, XLSX.utils.aoa_to_sheet(rows), 'Voortgang')
    await eva!.setInputFiles('#werkblad', { name: 'werkblad.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: XLSX.write(filled, { type: 'buffer', bookType: 'xlsx' }) as Buffer })
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
    expect(text).toContain('Afspraken per thema en status')
    expect(text.replace(/\s/g, '')).toContain('www.assen.nl/woningbouwmonitor-2025')
    const appendix = pdf.pages.findIndex((p, i) => i > 1 && p.includes('Bijlage: herkomst van de gegevens'))
    expect(pdf.pages.slice(0, appendix).join(' ')).not.toMatch(/dataversie|SHA-256|\.txt\b/i)
  })
})
