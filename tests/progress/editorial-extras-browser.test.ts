import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../api/support.js'
import { artifactFolder, browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { count, sqlRow, startEditorialServer } from '../editorial/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)
// Screenshots to look at: a temporary folder, never the project's own.
const screenshots = artifactFolder('editorial-extras')
const housing = 'woonvisie-3000-woningen-als-minimum'
const sessionSeconds = 6

let server: Awaited<ReturnType<typeof startEditorialServer>>
let short: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const tokens: Record<string, string> = {}

async function signIn(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/beheer/aanmelden`)
  await page.fill('#token', tokens[name]!)
  await page.click('button:has-text("Aanmelden")')
}

async function newPage(width: number): Promise<Page> {
  // axe-core is injected as an inline script, which the pages' policy rightly blocks.
  return (await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true })).newPage()
}

async function checkScreen(page: Page, name: string, width: number): Promise<void> {
  expect(await seriousAxeViolations(page), `${name} at ${width}`).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${name} at ${width}`).toBe(true)
  await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true })
}

describe.skipIf(!chromiumPath && !browserRequired)('the expired session, search and draft editing in Chromium', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    server = await startEditorialServer()
    // The same store behind a server whose sessions last a few seconds.
    short = await startTestServer({ ...server.env, EDITORIAL_SESSION_SECONDS: String(sessionSeconds) })
    for (const [name, role] of [['eva', 'editor'], ['rob', 'reviewer']] as const) tokens[name] = await server.account(name, role)
    browser = await launchChromium(chromiumPath)
  })
  afterAll(async () => {
    await browser?.close()
    await short?.close()
    await server?.close()
  })

  for (const width of [1280, 390]) {
    it(`keeps what was typed when the session expired, and restores it after signing in (${width} px)`, async () => {
      const page = await newPage(width)
      await signIn(page, short.base, 'eva')
      await page.goto(`${short.base}/beheer/afspraak/${housing}`)
      const explanation = `Getypt bij ${width} px.\n\n- eerste punt\n- tweede punt`
      await page.selectOption('#status', 'IN_PROGRESS')
      await page.fill('#asOf', '31-12-2025')
      await page.fill('#explanation', explanation)
      await page.fill('#evidence-0-title', 'Woningbouwmonitor 2025')
      await page.fill('#evidence-0-url', 'https://www.assen.nl/woningbouwmonitor')
      await page.selectOption('#evidence-0-kind', 'raadsinformatiebrief')
      // The browser drops the session cookie at its Max-Age; the post then arrives without it.
      await page.waitForTimeout(sessionSeconds * 1000 + 300)
      const before = await count(server.store, 'revision')
      await page.click('button:has-text("Opslaan als concept"), button:has-text("Concept bijwerken")')
      expect(new URL(page.url()).pathname).toBe(`/beheer/afspraak/${housing}`)
      expect(await page.locator('.notice').textContent()).toContain('Wat u had ingevuld is bewaard')
      expect(await page.locator('h1').textContent()).toBe('Aanmelden voor beheer')
      expect(await page.content()).not.toContain('tweede punt')
      await checkScreen(page, 'kept-sign-in', width)

      await page.fill('#token', tokens.eva!)
      await page.click('button:has-text("Aanmelden")')
      expect(await page.locator('.notice').textContent()).toContain('Wat u had ingevuld is bewaard en staat hieronder weer in het formulier')
      expect(await page.inputValue('#explanation')).toBe(explanation)
      expect(await page.inputValue('#evidence-0-url')).toBe('https://www.assen.nl/woningbouwmonitor')
      expect(await page.inputValue('#status')).toBe('IN_PROGRESS')
      expect(await count(server.store, 'revision')).toBe(before)
      await page.click('button:has-text("Opslaan als concept"), button:has-text("Concept bijwerken")')
      expect(await page.locator('.notice').textContent()).toMatch(/Opgeslagen als concept|Uw concept is bijgewerkt/)
      const saved = await sqlRow<{ explanation: string }>(server.store, sql`SELECT explanation FROM revision ORDER BY id DESC LIMIT 1`)
      // A browser sends a textarea's line breaks as CRLF (the HTML form rules); the words are what was typed.
      expect(saved.explanation.replace(/\r\n/g, '\n')).toBe(explanation)
      await page.context().close()
    })
  }

  it('searches /beheer and edits a draft in place, the second time too, at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const page = await newPage(width)
      await signIn(page, server.base, 'eva')
      await page.goto(`${server.base}/beheer/overzicht`)
      await page.fill('#zoek', 'zwembad')
      await page.click('button:has-text("Zoeken")')
      expect(await page.locator('#resultaat').textContent()).toBe('4 afspraken met “zwembad”')
      await checkScreen(page, 'beheer-search', width)
      await page.selectOption('#toegewezen', 'niemand')
      await page.fill('#zoek', 'woningen 3000')
      await page.click('button:has-text("Toon afspraken")')
      await page.click(`.action-list a[href="/beheer/afspraak/${housing}"]`)

      // Eva's own draft (from the kept form) is what the form edits.
      expect(await page.locator('.record-form .note').first().textContent()).toContain('U bewerkt uw concept')
      await checkScreen(page, 'draft-edit', width)
      await page.fill('#explanation', `Bewerkt bij ${width} px.`)
      await page.click('button:has-text("Concept bijwerken")')
      expect(await page.locator('.notice').textContent()).toContain('Uw concept is bijgewerkt')
      expect(await page.locator('.history').textContent()).toContain('Bewerkt: vervangen door versie')
      expect(await page.inputValue('#explanation')).toBe(`Bewerkt bij ${width} px.`)
      await checkScreen(page, 'draft-edited', width)
      await page.context().close()
    }
    // The reviewer sees only the current version.
    const rob = await newPage(1280)
    await signIn(rob, server.base, 'rob')
    await rob.goto(`${server.base}/beheer/beoordelen`)
    expect(await rob.locator('.queue-item').count()).toBe(1)
    expect(await rob.locator('.queue-item').textContent()).toContain('Bewerkt bij 390 px.')
    await rob.context().close()
  })
})
