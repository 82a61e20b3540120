import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserRequired, findChromium, installHint, launchChromium } from '../browser.js'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)

let server: Awaited<ReturnType<typeof startEditorialServer>>
let browser: Browser

async function open(path: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.base}${path}`)
  return page
}

/**
 * Tabs through the page and, for every element that takes focus, measures the
 * contrast of its focus outline against what lies right outside it on screen.
 */
async function focusContrasts(page: Page, maxTabs: number): Promise<{ element: string; ratio: number }[]> {
  const found: { element: string; ratio: number }[] = []
  const seen = new Set<string>()
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab')
    const result = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null
      if (!el || el === document.body) return null
      const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
      const luminance = ([r, g, b]: number[]) => [r!, g!, b!].map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4 })
        .reduce((sum, v, k) => sum + v * [0.2126, 0.7152, 0.0722][k]!, 0)
      const style = getComputedStyle(el)
      const width = parseFloat(style.outlineWidth)
      if (style.outlineStyle === 'none' || width === 0) return { element: el.outerHTML.slice(0, 80), ratio: 0, key: el.outerHTML.slice(0, 200) }
      const rect = el.getBoundingClientRect()
      const offset = parseFloat(style.outlineOffset) + width + 2
      // The colour just outside the outline: the first painted background under that point that is not the element's own.
      const x = Math.max(0, Math.min(window.innerWidth - 1, rect.left - offset))
      const y = Math.max(0, Math.min(window.innerHeight - 1, rect.top + rect.height / 2))
      let behind = 'rgb(255, 255, 255)'
      for (const under of document.elementsFromPoint(x, y)) {
        if (under === el || el.contains(under)) continue
        const bg = getComputedStyle(under).backgroundColor
        const parts = parse(bg)
        if (parts.length === 4 && parts[3] === 0) continue
        behind = bg
        break
      }
      const a = luminance(parse(style.outlineColor))
      const b = luminance(parse(behind))
      return { element: el.outerHTML.slice(0, 80), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), key: el.outerHTML.slice(0, 200) + rect.top }
    })
    if (!result) continue
    if (seen.has(result.key)) break
    seen.add(result.key)
    found.push({ element: result.element, ratio: result.ratio })
  }
  return found
}

describe.skipIf(!chromiumPath && !browserRequired)('the site as designed, in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    server = await startEditorialServer()
    const eva = await server.account('eva', 'editor')
    const rob = await server.account('rob', 'reviewer')
    const recorded = await server.gql(recordProgress, { input: assessment('woonvisie-3000-woningen-als-minimum') }, eva)
    const published = await server.gql(publishProgress, { id: recorded.body.data.recordProgress.assessment.id }, rob)
    expect(published.body.data.publishProgress.userErrors).toEqual([])
    browser = await launchChromium(chromiumPath)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('sets the site and /beheer in the house font, not the browser default serif', async () => {
    for (const path of ['/', '/thema/wonen', '/beheer/aanmelden']) {
      const page = await open(path)
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily)
      expect(font, path).toMatch(/^Roboto, "Segoe UI", "Helvetica Neue", Arial, sans-serif$/)
      await page.context().close()
    }
  })

  it('shows a focus indicator of at least 3:1 against what surrounds it, on every background', async () => {
    for (const [path, tabs] of [['/', 120], ['/zoeken?q=zwembad', 60], ['/afspraak/woonvisie-3000-woningen-als-minimum', 60], ['/beheer/aanmelden', 20]] as const) {
      for (const width of [1280, 390]) {
        const page = await open(path, width)
        const measured = await focusContrasts(page, tabs)
        expect(measured.length, path).toBeGreaterThan(2)
        // The footer's links (on the tint) and the header's (on blue) are among them.
        if (!path.startsWith('/beheer')) expect(measured.some((m) => m.element.includes('/toegankelijkheid')), path).toBe(true)
        expect(measured.filter((m) => m.ratio < 3), `${path} at ${width}`).toEqual([])
        await page.context().close()
      }
    }
  })

  it('links every action on a theme, alderman and district page to its own page', async () => {
    for (const path of ['/thema/wonen', '/wethouder/broekema', '/wijk/pittelo']) {
      const page = await open(path)
      const links = await page.locator('.report-body a[href*="/afspraak/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
      expect(links.length, path).toBeGreaterThan(3)
      expect(new Set(links).size, path).toBe(links.length)
      await page.context().close()
    }
    const page = await open('/thema/wonen')
    const count = await page.locator('.report-body mark').count()
    expect(await page.locator('.report-body a[href*="/afspraak/"]').count()).toBe(count)
    await page.locator('.report-body a[href*="/afspraak/woonvisie-3000-woningen-als-minimum"]').click()
    await expect(page.locator('h1').textContent()).resolves.toContain('Woonvisie')
    expect(await page.locator('.progress-current .status').textContent()).toBe('In uitvoering')
    await page.context().close()
  })

  it('leads a search for "zwembad" to the pool commitments themselves, with their status', async () => {
    const page = await open('/zoeken?q=zwembad')
    const actions = page.locator('ol.hits .hit-actions li')
    expect(await actions.count()).toBeGreaterThanOrEqual(4)
    expect(await actions.first().locator('.status').textContent()).toBe('Niet beoordeeld')
    await actions.first().locator('a').click()
    await page.waitForURL(/\/afspraak\//)
    expect(await page.locator('h1 .kicker').textContent()).toBe('Afspraak:')
    await page.context().close()
  })

  it('defines every status on a page of its own, linked from every page footer', async () => {
    const page = await open('/')
    await page.locator('.site-footer a[href="/statussen"]').click()
    await page.waitForURL(/\/statussen$/)
    expect(await page.locator('h1').textContent()).toBe('Wat de statussen betekenen')
    const terms = await page.locator('.status-definitions dt').allTextContents()
    expect(terms).toEqual(['Niet beoordeeld', 'Niet gestart', 'In uitvoering', 'Deels gerealiseerd', 'Gerealiseerd', 'Gewijzigd', 'Niet doorgegaan'])
    expect(await page.locator('.status-definitions dd').nth(2).textContent()).toContain('Loopt het niet volgens plan')
    await page.context().close()
  })

  it('lists recent changes on the home page, linked to the action', async () => {
    const page = await open('/')
    const recent = page.locator('#recent + ol.recent-changes > li')
    expect(await recent.count()).toBe(1)
    expect(await recent.first().locator('.status').textContent()).toBe('In uitvoering')
    expect(await recent.first().locator('a').getAttribute('href')).toBe('/afspraak/woonvisie-3000-woningen-als-minimum')
    await page.context().close()
  })
})
