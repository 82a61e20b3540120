import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { browserRequired, findChromium, installHint, launchChromium } from '../browser.js'
import { startTestServer } from '../api/support.js'

const chromium = findChromium()
if (!chromium && browserRequired) throw new Error('OPEN_AKKOORD_REQUIRE_BROWSER=1 but no Chromium was found')
if (!chromium) console.warn(installHint)

describe.skipIf(!chromium)('GraphiQL under its Content-Security-Policy', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>
  let browser: Browser
  beforeAll(async () => {
    server = await startTestServer()
    browser = await launchChromium(chromium!)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('renders, runs a query and breaks no rule of its policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const violations: string[] = []
    page.on('console', (message) => { if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text()) })
    page.on('pageerror', (error) => violations.push(error.message))
    // The click below waits for the editor to be there: never for the network to go quiet (GraphiQL's workers keep it busy).
    await page.goto(`${server.base}/graphql`)
    await page.locator('.graphiql-execute-button').click()
    // The first example query's answer appears in the result pane: scripts, workers and fetches all ran.
    await page.locator('.graphiql-response').getByText('"themes"').first().waitFor({ timeout: 30_000 })
    expect(violations).toEqual([])
    await page.close()
  })
})
