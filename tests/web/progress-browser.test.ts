import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactFolder, browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)
const screenshots = artifactFolder('progress-pages')
const housing = 'woonvisie-3000-woningen-als-minimum'

let server: Awaited<ReturnType<typeof startEditorialServer>>
let browser: Browser

async function open(path: string, width: number, javaScript = true): Promise<Page> {
  // axe-core is injected as an inline script, which the site's policy rightly blocks.
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript, bypassCSP: true })
  const page = await context.newPage()
  await page.goto(`${server.base}${path}`)
  return page
}

describe.skipIf(!chromiumPath && !browserRequired)('progress on the site in a real browser', () => {
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

  it('says nothing is assessed yet, and passes axe-core', async () => {
    const page = await open('/thema/wonen', 1280)
    await expect(page.locator('#voortgang + p').textContent()).resolves.toMatch(/nog niet beoordeeld/)
    expect(await page.locator('section.progress svg').count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(screenshots, 'progress-none-theme.png'), fullPage: false })
    await page.context().close()
  })

  it('shows published progress on every new page type at 1280 and 390 px, with axe-core passing', async () => {
    const editor = await server.account('eva', 'editor')
    const reviewer = await server.account('rob', 'reviewer')
    for (const [slug, status] of [[housing, 'IN_PROGRESS'], ['versnellen-woningbouw', 'ACHIEVED'], ['startersleningen-blijven-aanbieden', 'NOT_STARTED']] as const) {
      const recorded = await server.gql(recordProgress, { input: assessment(slug, { status }) }, editor)
      const id = recorded.body.data.recordProgress.assessment?.id
      if (!id) continue
      await server.gql(publishProgress, { id }, reviewer)
    }
    const pages: [string, string][] = [['action', `/afspraak/${housing}`], ['home', '/'], ['theme', '/thema/wonen'], ['list', '/afspraken?status=IN_PROGRESS'], ['list-all', '/afspraken']]
    for (const [name, path] of pages) {
      for (const width of [1280, 390]) {
        const page = await open(path, width)
        expect(await seriousAxeViolations(page), `${path} at ${width}`).toEqual([])
        // The parts this feature adds fit on a phone (the report body's wide tables are the reports' own business).
        const wide = await page.evaluate(() => [...document.querySelectorAll('section.progress *, .filters *, .action-list *, .history *, .progress-current *, .target-progress *, h1')]
          // A chart scrolls inside its own (focusable) box rather than shrink its labels: its box must fit, not its drawing.
          .filter((e) => !e.parentElement?.closest('.chart') && e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => `${e.tagName}.${e.className}`).slice(0, 5))
        expect(wide, `${path} at ${width}`).toEqual([])
        await page.screenshot({ path: join(screenshots, `progress-${name}-${width}.png`), fullPage: name !== 'list-all' && name !== 'home' })
        await page.context().close()
      }
    }
  })

  it('filters the list with the plain form, without JavaScript', async () => {
    const page = await open('/afspraken', 390, false)
    await page.selectOption('#filter-thema', 'wonen')
    await page.selectOption('#filter-status', 'IN_PROGRESS')
    await page.click('button[type="submit"]')
    expect(new URL(page.url()).search).toBe('?thema=wonen&wethouder=&wijk=&status=IN_PROGRESS')
    await expect(page.locator('#resultaat').textContent()).resolves.toBe('1 afspraak')
    await page.click('.action-list a')
    await expect(page.locator('.progress-current .status').textContent()).resolves.toBe('In uitvoering')
    await page.context().close()
  })
})
