import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserRequired, findChromium, installHint, launchChromium } from '../browser.js'
import { startTestServer, temporaryDir } from '../api/support.js'
import { dumpInto } from '../publication/publication-fixture.js'

const chromiumPath = findChromium()
if (!chromiumPath && browserRequired) throw new Error('OPEN_AKKOORD_REQUIRE_BROWSER=1 but no Chromium was found')
if (!chromiumPath) console.warn(installHint)

/** The house style (reports/theme.json): the font stack starts with Roboto, text #1B2530, the site header #003B6F. */
const houseFont = /^Roboto,/
const houseText = 'rgb(27, 37, 48)'
const headerBackground = 'rgb(0, 59, 111)'
/** CACHE_MAX_AGE of the server under test: short, so a revisit after it is a revalidation (a 304). */
const maxAgeSeconds = 1

/**
 * A person who comes back: each page type is loaded, reloaded, and visited
 * again after its max-age, in Chromium under the page's real policy (no
 * bypassCSP). Every time the house style must apply, the site's script must
 * run, and the console must show no CSP violation, whether the server answered 200 or 304.
 */
describe.skipIf(!chromiumPath && !browserRequired)('pages on reload and on a revisit after max-age', () => {
  let base: string
  let close: () => Promise<void>
  let browser: Browser
  const answered: { path: string; status: number }[] = []

  beforeAll(async () => {
    const publication = temporaryDir('revisit-publication')
    await dumpInto(publication.dir)
    const server = await startTestServer({ PUBLICATION_DIR: publication.dir, CACHE_MAX_AGE: String(maxAgeSeconds) })
    // What the server itself answered: the browser's own log does not always tell a revalidated copy from a fresh one.
    server.running.server.on('request', (request, response) => response.once('finish', () => answered.push({ path: request.url ?? '', status: response.statusCode })))
    base = server.base
    close = async () => { await server.close(); publication.remove() }
    browser = await launchChromium(chromiumPath!)
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
  })

  /** A fresh browser profile (its own HTTP cache) that records every CSP complaint. */
  async function visitor(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text()) })
    page.on('pageerror', (error) => violations.push(error.message))
    return { context, page, violations }
  }

  const style = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => {
    const computed = getComputedStyle(element)
    // The site's pages set the font through the --font property of their inline theme style (a property the
    // stylesheet reads): that it is there proves the inline style ran under the policy.
    return { font: computed.fontFamily, fontProperty: computed.getPropertyValue('--font').trim(), color: computed.color, background: computed.backgroundColor }
  })

  /** Loads, reloads and (after max-age) revisits a page, running `check` each time; returns the statuses the server gave for it. */
  async function threeVisits(path: string, check: (page: Page) => Promise<void>): Promise<number[]> {
    const { context, page, violations } = await visitor()
    const since = answered.length
    try {
      await page.goto(`${base}${path}`)
      await check(page)
      await page.reload()
      await check(page)
      await new Promise((resolve) => setTimeout(resolve, maxAgeSeconds * 1000 + 500))
      await page.goto(`${base}${path}`)
      await check(page)
      expect(violations).toEqual([])
      return answered.slice(since).filter((a) => a.path === path).map((a) => a.status)
    } finally {
      await context.close()
    }
  }

  it('keeps a public page styled and its script running on reload and after max-age', async () => {
    const statuses = await threeVisits('/', async (page) => {
      expect(await style(page, 'html')).toMatchObject({ fontProperty: expect.stringMatching(houseFont), color: houseText })
      expect((await style(page, '.site-header')).background).toBe(headerBackground)
      // site.js ran: the live search answers under the search box as the visitor types.
      const form = page.locator('form[data-live-search]').first()
      await form.locator('input[name="q"]').fill('woningbouw')
      await form.locator('[data-search-results] a').first().waitFor({ timeout: 15_000 })
    })
    // The reload and the revisit were revalidations the server answered 304, under the page's own policy.
    expect(statuses[0]).toBe(200)
    expect(statuses.filter((s) => s === 304).length).toBeGreaterThanOrEqual(1)
    const stylesheet = answered.filter((a) => a.path === '/static/site.css').map((a) => a.status)
    expect(stylesheet).toContain(304)
  }, 120_000)

  it('keeps an HTML report styled on reload and after max-age (it is revalidated every time)', async () => {
    const statuses = await threeVisits('/reports/full.html', async (page) => {
      expect(await style(page, 'html')).toMatchObject({ font: expect.stringMatching(houseFont), color: houseText })
    })
    expect(statuses).toEqual([200, 304, 304])
  }, 120_000)

  it('keeps the editorial sign-in screen styled on reload and on a revisit', async () => {
    await threeVisits('/beheer', async (page) => {
      await page.locator('input[name="token"]').waitFor()
      expect(await style(page, 'html')).toMatchObject({ fontProperty: expect.stringMatching(houseFont), color: houseText })
      expect((await style(page, '.site-header')).background).toBe(headerBackground)
    })
  }, 120_000)

  it('answers /favicon.ico, which browsers ask for whatever a page links', async () => {
    const answer = await fetch(`${base}/favicon.ico`)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('image/svg+xml')
    expect(await answer.text()).toContain('<svg')
  })
})
