import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactFolder, browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { startEditorialServer } from '../editorial/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)
// Screenshots to look at: a temporary folder, never the project's own.
const screenshots = artifactFolder('team-screens')
const housing = 'woonvisie-3000-woningen-als-minimum'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let browser: Browser
const tokens: Record<string, string> = {}

async function signedIn(name: string, width = 1280): Promise<Page> {
  // axe-core is injected as an inline script, which the pages' policy rightly blocks.
  const page = await (await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })).newPage()
  await page.goto(`${server.base}/beheer/aanmelden`)
  await page.fill('#token', tokens[name]!)
  await page.click('button:has-text("Aanmelden")')
  expect(new URL(page.url()).pathname).toBe('/beheer')
  return page
}

describe.skipIf(!chromiumPath && !browserRequired)('a reporting round on the team screens, in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    server = await startEditorialServer()
    for (const [name, role] of [['eva', 'editor'], ['rob', 'reviewer'], ['ada', 'admin']] as const) tokens[name] = await server.account(name, role)
    browser = await launchChromium(chromiumPath)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('opens a round, assigns, records the Dutch way, publishes and closes it, through the forms', async () => {
    const ada = await signedIn('ada')
    await ada.click('nav a:has-text("Rondes")')
    await ada.fill('#name', 'Voortgangsrapportage 2025')
    await ada.fill('#peildatum', '31-12-2025')
    await ada.fill('#opensOn', '1-12-2026')
    await ada.fill('#closesOn', '31-12-2026')
    await ada.click('button:has-text("Ronde openen")')
    expect(await ada.locator('.notice').textContent()).toBe('De ronde is geopend.')

    const rob = await signedIn('rob')
    await rob.goto(`${server.base}/beheer/afspraak/${housing}`)
    await rob.selectOption('#accountId', { label: 'eva (redacteur)' })
    await rob.click('button:has-text("Toewijzen")')
    expect(await rob.locator('.notice').textContent()).toBe('De toewijzing is opgeslagen.')

    const eva = await signedIn('eva')
    await eva.click('nav a:has-text("Mijn lijst")')
    await eva.click(`a[href="/beheer/afspraak/${housing}"]`)
    await eva.click('a:has-text("3000")')
    await eva.fill('#value', '1.850')
    await eva.fill('#asOf', '31-12-2025')
    await eva.fill('#explanation', 'Opgeleverd in 2025:\n- 1.200 huurwoningen\n- 650 koopwoningen')
    await eva.fill('#evidence-0-title', 'Woningbouwmonitor 2025')
    await eva.fill('#evidence-0-url', 'https://www.assen.nl/woningbouwmonitor')
    await eva.selectOption('#evidence-0-kind', 'other')
    await eva.click('button:has-text("Opslaan als concept")')
    expect(await eva.locator('.notice').textContent()).toContain('Opgeslagen als concept')

    await rob.goto(`${server.base}/beheer/beoordelen`)
    expect(await rob.locator('.queue-item').first().textContent()).toContain('1.850 woningen')
    await rob.locator('.queue-item button:has-text("Publiceren")').first().click()
    await rob.goto(`${server.base}/beheer/overzicht`)
    await rob.screenshot({ path: join(screenshots, 'overview.png'), fullPage: true })

    await ada.goto(`${server.base}/beheer/rondes`)
    await ada.click('button:has-text("sluiten")')
    expect(await ada.locator('.notice').textContent()).toContain('De ronde is gesloten')
    for (const page of [ada, rob, eva]) await page.context().close()
  })

  it('keeps axe at zero serious violations on every new screen, without sideways scrolling, at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const page = await signedIn('ada', width)
      for (const path of ['/beheer/rondes', '/beheer/overzicht', '/beheer/overzicht?per=wethouder', '/beheer/mijn-lijst', `/beheer/afspraak/${housing}`, '/statussen', '/zoeken?q=zwembad', '/']) {
        await page.goto(`${server.base}${path}`)
        expect(await seriousAxeViolations(page), `${path} at ${width}`).toEqual([])
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} at ${width}`).toBe(true)
        await page.screenshot({ path: join(screenshots, `${path.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`), fullPage: true })
      }
      await page.context().close()
    }
  })
})
