import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserRequired, findChromium, installHint, launchChromium } from '../browser.js'
import { startSiteServer } from './site-server.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)

let base: string
let close: () => Promise<void>
let browser: Browser
let shots: string

/** Every page of the site and every HTML report, as the reports index and the home page link them. */
async function everyPage(): Promise<string[]> {
  const index = await (await fetch(`${base}/reports/`)).json() as { reports: { type: string; slug: string | null; html: string }[] }
  const segment: Record<string, string> = { theme: 'thema', portfolio: 'wethouder', district: 'wijk' }
  const subjects = index.reports.filter((r) => r.slug && segment[r.type]).map((r) => `/${segment[r.type]}/${r.slug}`)
  // Action pages with the longest facts: a whole-college action with its note, and a commitment stated in six sentences.
  const actions = ['/afspraak/maandelijks-wijkbezoek', '/afspraak/nieuwe-manieren-inwoners-betrekken', '/afspraak/experimenteren-nieuwe-vormen-participatie']
  return ['/', '/rapporten', '/zoeken?q=zwembad', '/zoeken', '/toegankelijkheid', ...actions, ...subjects, ...index.reports.map((r) => r.html)]
}

/** The pages that scroll sideways at a width, with how far, and the widest element that pokes out. */
async function overflowing(context: BrowserContext, paths: string[]): Promise<string[]> {
  const page = await context.newPage()
  const problems: string[] = []
  for (const path of paths) {
    await page.goto(`${base}${path}`)
    const result = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      const scroll = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)
      if (scroll <= width) return null
      const culprit = [...document.querySelectorAll('body *')].find((el) => el.getBoundingClientRect().right > width + 1)
      return `${scroll} > ${width} (${culprit?.tagName.toLowerCase()}.${culprit?.className}: ${culprit?.textContent?.slice(0, 40)})`
    })
    if (result) problems.push(`${path}: ${result}`)
  }
  await page.close()
  return problems
}

describe.skipIf(!chromiumPath && !browserRequired)('the site reflows (WCAG 1.4.10)', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    ;({ base, close } = await startSiteServer())
    browser = await launchChromium(chromiumPath)
    shots = mkdtempSync(join(tmpdir(), 'oa-reflow-'))
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
    rmSync(shots, { recursive: true, force: true })
  })

  it.each([320, 390, 1280])('no page or HTML report is wider than a %i px viewport', async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } })
    try {
      expect(await overflowing(context, await everyPage())).toEqual([])
    } finally {
      await context.close()
    }
  }, 300_000)
})
