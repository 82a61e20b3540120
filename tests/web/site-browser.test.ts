import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { readPdf } from '../reports/support.js'
import { startSiteServer } from './site-server.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)
// Screenshots to look at while developing; a temporary folder, never the project's own.
let screenshots: string

let base: string
let close: () => Promise<void>
let browser: Browser

async function open(path: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true, acceptDownloads: true, bypassCSP: true })
  const page = await context.newPage()
  await page.goto(`${base}${path}`)
  return page
}

describe.skipIf(!chromiumPath && !browserRequired)('the web site in a real browser', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    ;({ base, close } = await startSiteServer())
    browser = await launchChromium(chromiumPath)
    screenshots = mkdtempSync(join(tmpdir(), 'oa-site-'))
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
    if (screenshots) rmSync(screenshots, { recursive: true, force: true })
  })

  it('shows the agreement at a glance, on a desktop and on a phone', async () => {
    for (const [name, width] of [['home-desktop', 1280], ['home-phone', 390]] as const) {
      const page = await open('/', { width })
      await expect(page.locator('h1').textContent()).resolves.toBe('Dichtbij & Daadkrachtig')
      expect(await page.locator('#themas + ul.cards > li').count()).toBe(7)
      // Nothing sticks out sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true })
      await page.context().close()
    }
  })

  it('searches for "zwembad" as you type and follows the hit', async () => {
    const page = await open('/')
    const answered = page.waitForResponse((r) => r.url().includes('/zoeken?q=') && r.request().method() === 'GET')
    await page.getByLabel('Zoeken in het akkoord').fill('zwembad')
    expect((await answered).status()).toBe(200)
    const hit = page.locator('[data-search-results] ol.hits a').first()
    await hit.waitFor()
    // One hit for the topic, not one "Zwembad" line per commitment under it.
    expect(await page.locator('[data-search-results] ol.hits > li').count()).toBe(1)
    expect(await hit.textContent()).toBe('Opgroeien, onderwijs & bewegen › Zwembad')
    await hit.click()
    await page.waitForURL(/\/thema\/opgroeien-onderwijs-en-bewegen/)
    await expect(page.locator('h1').textContent()).resolves.toContain('Opgroeien, onderwijs & bewegen')
    expect(await page.locator('h3#zwembad, h2#zwembad, h4#zwembad').count()).toBe(1)
    await page.context().close()
  })

  it('replaces the search page\'s results as you type, under the real CSP, on a phone and a desktop', async () => {
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } })
      const page = await context.newPage()
      const blocked: string[] = []
      page.on('console', (m) => { if (m.type() === 'error') blocked.push(m.text()) })
      await page.goto(`${base}/zoeken?q=zwembad`)
      const input = page.getByLabel('Zoeken in het akkoord')
      await input.fill('woningen')
      await page.locator('[data-search-outcome] h2', { hasText: 'voor “woningen”' }).waitFor()
      // The old results are gone: one list, one heading, nothing about the pool left above or below.
      expect(await page.locator('main ol.hits').count()).toBe(1)
      expect(await page.locator('main h2').allTextContents()).toEqual([expect.stringMatching(/^\d+ resultaten voor “woningen”$/)])
      expect(await page.locator('main ol.hits').textContent()).not.toContain('Zwembad')
      expect(page.url()).toBe(`${base}/zoeken?q=woningen`)
      await page.screenshot({ path: join(screenshots, `search-${width}.png`), fullPage: true })
      await input.fill('')
      await page.locator('[data-search-outcome] h2', { hasText: 'Waar zoekt u naar?' }).waitFor()
      expect(await page.locator('main ol.hits').count()).toBe(0)
      expect(blocked).toEqual([])
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await context.close()
    }
  })

  it('opens a theme page with its actions, targets and budget lines', async () => {
    const page = await open('/thema/wonen')
    const body = await page.locator('main').textContent()
    expect(body).toContain('Het uitgangspunt van de Woonvisie voor 3000 nieuwe woningen in 2030 is voor ons het minimum.')
    expect(body).toContain('Doel:')
    expect(body).toContain('Uitvoering Woonvisie')
    await page.context().close()
  })

  it('builds a district report and downloads its PDF, with and without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const page = await open('/rapporten', { javaScript })
      await page.getByLabel('Onderwerp').selectOption('district/pittelo')
      if (javaScript) {
        await page.locator('[data-preview-frame]').waitFor()
        expect(await page.locator('[data-preview-frame]').getAttribute('src')).toBe('/reports/district/pittelo.html')
      }
      await page.getByLabel('PDF (om te printen)').check()
      const download = page.waitForEvent('download')
      await page.getByRole('button', { name: 'Rapport maken' }).click()
      const file = await (await download).path()
      const { readFileSync } = await import('node:fs')
      const bytes = readFileSync(file)
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const pdf = await readPdf(bytes)
      expect(pdf.pages.join(' ')).toContain('Pittelo')
      await page.context().close()
    }
  })

  it('can be used with the keyboard alone: the first Tab reaches a visible skip link', async () => {
    const page = await open('/thema/meedoen')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement
      const box = el.getBoundingClientRect()
      return { text: el.textContent, visible: box.top >= 0 && box.height > 0, outline: getComputedStyle(el).outlineStyle }
    })
    expect(focused).toEqual({ text: 'Naar de inhoud', visible: true, outline: 'solid' })
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud')
    await page.context().close()
  })

  it.each(['/', '/thema/ontmoeten', '/wethouder/staal', '/wijk/kloosterveen', '/wijk/centrum', '/wijk/pittelo', '/rapporten', '/zoeken?q=financien', '/toegankelijkheid', '/nergens'])(
    'passes axe-core on %s with no serious or critical violation', async (path) => {
      const page = await open(path)
      expect(await seriousAxeViolations(page)).toEqual([])
      await page.context().close()
    })
})
