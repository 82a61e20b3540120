import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactFolder, browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { count, startEditorialServer } from '../editorial/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)
const screenshots = artifactFolder('beheer-screens')

let server: Awaited<ReturnType<typeof startEditorialServer>>
let browser: Browser

async function newPage(width: number, javaScript = true): Promise<Page> {
  // axe-core is injected as an inline script, which the pages' policy rightly blocks.
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript, bypassCSP: true })
  return context.newPage()
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${server.base}/beheer`)
  expect(new URL(page.url()).pathname).toBe('/beheer/aanmelden')
  await page.fill('#token', token)
  await page.click('button:has-text("Aanmelden")')
  expect(new URL(page.url()).pathname).toBe('/beheer')
}

async function recordStatus(page: Page, explanation: string): Promise<void> {
  await page.selectOption('#status', 'ACHIEVED')
  await page.fill('#asOf', '2025-12-31')
  await page.fill('#explanation', explanation)
  await page.fill('#evidence-0-title', 'Jaarrekening 2025')
  await page.fill('#evidence-0-url', 'https://www.assen.nl/jaarrekening-2025.pdf')
  await page.fill('#evidence-0-documentDate', '2026-04-15')
  await page.selectOption('#evidence-0-kind', 'jaarrekening')
  await page.click('button:has-text("Opslaan als concept")')
}

describe.skipIf(!chromiumPath && !browserRequired)('the editorial screens in a real browser', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    server = await startEditorialServer()
    browser = await launchChromium(chromiumPath)
    mkdirSync(screenshots, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const [javaScript, slug] of [[true, 'woonvisie-3000-woningen-als-minimum'], [false, 'versnellen-woningbouw']] as const) {
    it(`goes through the editorial cycle ${javaScript ? 'with' : 'without'} JavaScript: record, sign out, review, publish, see it in public`, async () => {
      const suffix = javaScript ? 'js' : 'nojs'
      const editorToken = await server.account(`eva-${suffix}`, 'editor')
      const reviewerToken = await server.account(`rob-${suffix}`, 'reviewer')
      const explanation = `Gerealiseerd volgens de jaarrekening (${suffix}).`

      const editor = await newPage(390, javaScript)
      await signIn(editor, editorToken)
      await editor.selectOption('#thema', 'wonen')
      await editor.click('button:has-text("Toon afspraken")')
      await editor.click(`a[href="/beheer/afspraak/${slug}"]`)
      await recordStatus(editor, explanation)
      expect(new URL(editor.url()).search).toBe('?gedaan=vastgelegd')
      await expect(editor.locator('.notice').textContent()).resolves.toContain('Opgeslagen als concept')
      await expect(editor.locator('.history li').first().textContent()).resolves.toContain('Concept')
      await editor.locator('.history').screenshot({ path: join(screenshots, `beheer-draft-recorded-${suffix}.png`) })
      await editor.screenshot({ path: join(screenshots, `beheer-recorded-${suffix}-390.png`), fullPage: false })
      await editor.click('button:has-text("Afmelden")')
      expect(new URL(editor.url()).pathname + new URL(editor.url()).search).toBe('/beheer/aanmelden?afgemeld=1')
      await editor.goto(`${server.base}/beheer/afspraak/${slug}`)
      expect(new URL(editor.url()).pathname).toBe('/beheer/aanmelden')
      await editor.context().close()

      const reviewer = await newPage(1280, javaScript)
      await signIn(reviewer, reviewerToken)
      await reviewer.click('nav a:has-text("Te beoordelen")')
      const item = reviewer.locator('.queue-item', { hasText: explanation })
      await expect(item.count()).resolves.toBe(1)
      const published = await count(server.store, 'publication')
      await item.locator('button:has-text("Publiceren")').click()
      await expect(reviewer.locator('.notice').textContent()).resolves.toContain('Gepubliceerd')
      expect(await count(server.store, 'publication')).toBe(published + 1)
      await reviewer.goto(`${server.base}/afspraak/${slug}`)
      await expect(reviewer.locator('.progress-current .status').textContent()).resolves.toBe('Gerealiseerd')
      await expect(reviewer.locator('.progress-current').textContent()).resolves.toContain(explanation)
      await expect(reviewer.locator('.progress-current .evidence a').getAttribute('href')).resolves.toBe('https://www.assen.nl/jaarrekening-2025.pdf')
      await reviewer.context().close()
    })
  }

  it('shows refusals next to the fields with a summary that links to them, without JavaScript', async () => {
    const page = await newPage(390, false)
    await signIn(page, await server.account('erik', 'editor'))
    await page.goto(`${server.base}/beheer/afspraak/startersleningen-blijven-aanbieden`)
    const before = await count(server.store, 'revision')
    await page.fill('#evidence-0-url', 'http://www.assen.nl/brief')
    await page.click('button:has-text("Opslaan als concept")')
    await expect(page.locator('.error-summary h2').textContent()).resolves.toMatch(/problemen; er is niets opgeslagen/)
    await page.click('.error-summary a[href="#evidence-0-url"]')
    await expect(page.locator('#evidence-0-url-fout').textContent()).resolves.toContain('https-adres')
    await expect(page.locator('#evidence-0-url').inputValue()).resolves.toBe('http://www.assen.nl/brief')
    expect(await count(server.store, 'revision')).toBe(before)
    await page.context().close()
  })

  let editorToken: string
  let reviewerToken: string

  /** Checks one page: axe-core's serious and critical rules, no sideways scrolling, and a screenshot to look at. */
  async function check(page: Page, name: string, width: number): Promise<void> {
    expect(await seriousAxeViolations(page), `${name} at ${width}`).toEqual([])
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, `${name} at ${width} scrolls sideways`).toBeLessThanOrEqual(0)
    await page.screenshot({ path: join(screenshots, `beheer-${name}-${width}.png`), fullPage: name !== 'list' })
  }

  for (const width of [1280, 390]) {
    it(`passes axe-core and fits the screen on every page type at ${width} px`, async () => {
      if (!editorToken) {
        editorToken = await server.account('anna', 'editor')
        reviewerToken = await server.account('ruud', 'reviewer')
        // A draft of another account, so the reviewer's queue has an item.
        const setup = await newPage(1280)
        await signIn(setup, editorToken)
        await setup.goto(`${server.base}/beheer/afspraak/startersleningen-blijven-aanbieden`)
        await recordStatus(setup, 'De regeling loopt; 120 leningen verstrekt.')
        await setup.context().close()
      }
      const visitor = await newPage(width)
      await visitor.goto(`${server.base}/beheer/aanmelden`)
      await check(visitor, 'sign-in', width)
      await visitor.click('button:has-text("Aanmelden")')
      await check(visitor, 'sign-in-error', width)
      await visitor.context().close()

      const editor = await newPage(width)
      await signIn(editor, editorToken)
      await check(editor, 'list', width)
      await editor.goto(`${server.base}/beheer/afspraak/woonvisie-3000-woningen-als-minimum`)
      await check(editor, 'action', width)
      await editor.fill('#asOf', '2999-01-01')
      await editor.click('button:has-text("Opslaan als concept")')
      await check(editor, 'action-errors', width)
      await editor.click('.target-links a')
      expect(new URL(editor.url()).pathname).toMatch(/^\/beheer\/doel\//)
      await check(editor, 'target', width)
      await editor.goto(`${server.base}/beheer/beoordelen`)
      await check(editor, 'refused', width)
      await editor.context().close()

      const reviewer = await newPage(width)
      await signIn(reviewer, reviewerToken)
      await reviewer.goto(`${server.base}/beheer/beoordelen`)
      expect(await reviewer.locator('.queue-item').count()).toBeGreaterThan(0)
      await check(reviewer, 'queue', width)
      await reviewer.context().close()
    }, 180_000)
  }
})
