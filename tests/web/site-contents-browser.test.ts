import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserRequired, findChromium, installHint, launchChromium } from '../browser.js'
import { startSiteServer } from './site-server.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)

let base: string
let close: () => Promise<void>
let browser: Browser
// Screenshots to look at while developing; a temporary folder, never the project's own.
let shots: string

describe.skipIf(!chromiumPath && !browserRequired)('in-page contents and metadata in a real browser', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    ;({ base, close } = await startSiteServer())
    browser = await launchChromium(chromiumPath)
    shots = process.env.OPEN_AKKOORD_SHOTS ?? mkdtempSync(join(tmpdir(), 'oa-contents-'))
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
    if (shots && !process.env.OPEN_AKKOORD_SHOTS) rmSync(shots, { recursive: true, force: true })
  })

  it.each([320, 390, 1280])('shows "Op deze pagina" on long pages at %i px: inside the viewport, each link leading to its section', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    try {
      const page = await context.newPage()
      for (const path of ['/wijk/centrum', '/wijk/pittelo', '/thema/wonen', '/wethouder/broekema']) {
        await page.goto(`${base}${path}`)
        const nav = page.getByRole('navigation', { name: 'Op deze pagina' })
        await expect(nav.isVisible(), path).resolves.toBe(true)
        const box = (await nav.boundingBox())!
        expect(box.x + box.width, path).toBeLessThanOrEqual(width)
        const hrefs = await nav.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
        expect(hrefs.length, path).toBeGreaterThanOrEqual(3)
        for (const href of hrefs) expect(await page.locator(`[id="${href.slice(1)}"]`).count(), `${path} ${href}`).toBe(1)
        // Following the last entry brings its heading into view.
        await nav.locator('a').last().click()
        const target = page.locator(`[id="${hrefs.at(-1)!.slice(1)}"]`)
        const top = (await target.boundingBox())!.y
        expect(top, `${path} ${hrefs.at(-1)}`).toBeGreaterThanOrEqual(-1)
        expect(top, `${path} ${hrefs.at(-1)}`).toBeLessThan(800)
        await page.evaluate(() => window.scrollTo(0, 0))
        await page.screenshot({ path: join(shots, `${path.replaceAll('/', '-').slice(1)}-${width}.png`), fullPage: true })
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), path).toBe(true)
      }
    } finally {
      await context.close()
    }
  }, 120_000)

  it('runs the home page under its real CSP without a violation, the Dataset markup included', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      const page = await context.newPage()
      const problems: string[] = []
      page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()) })
      page.on('pageerror', (error) => problems.push(error.message))
      await page.goto(`${base}/`)
      const data = await page.locator('script[type="application/ld+json"]').textContent()
      expect(JSON.parse(data!)['@type']).toBe('Dataset')
      await page.screenshot({ path: join(shots, 'home-1280.png'), fullPage: true })
      expect(problems).toEqual([])
    } finally {
      await context.close()
    }
  })
})
