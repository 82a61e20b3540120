import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportSource } from '../../src/reports/build-report.js'
import { renderHtml } from '../../src/reports/html/render-html.js'
import type { ReportTheme } from '../../src/reports/report-theme.js'
import { browserRequired, findChromium, installHint, launchChromium, seriousAxeViolations } from '../browser.js'
import { build, loadFixture } from './support.js'

const chromiumPath = findChromium()
if (!chromiumPath && !browserRequired) console.warn(installHint)


let source: ReportSource
let theme: ReportTheme
let close: () => Promise<void>
let browser: Browser

describe.skipIf(!chromiumPath && !browserRequired)('the HTML reports in a real browser', () => {
  beforeAll(async () => {
    if (!chromiumPath) throw new Error(`OPEN_AKKOORD_REQUIRE_BROWSER=1 but ${installHint}`)
    ;({ source, theme, close } = await loadFixture())
    browser = await launchChromium(chromiumPath)
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
  })

  const reports = [['full', null], ['theme', 'organisatie-en-financien'], ['portfolio', 'broekema'], ['district', 'pittelo'], ['budget', null]] as const
  it.each(reports)('%s %s passes axe-core (WCAG 2.1 A and AA) with no serious or critical violation', async (type, slug) => {
    const page = await browser.newPage()
    try {
      await page.setContent(renderHtml(build(source, type, slug), theme), { waitUntil: 'load' })
      expect(await seriousAxeViolations(page)).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('prints on A4 with the cover on a page of its own, table headings repeated and totals printed once', async () => {
    const page = await browser.newPage()
    try {
      await page.setContent(renderHtml(build(source, 'budget'), theme), { waitUntil: 'load' })
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      await page.emulateMedia({ media: 'print' })
      const display = await page.evaluate(() => ({
        thead: getComputedStyle(document.querySelector('thead')!).display,
        tfoot: getComputedStyle(document.querySelector('tfoot')!).display,
        toc: getComputedStyle(document.querySelector('nav.toc')!).display,
        cover: getComputedStyle(document.querySelector('header.cover')!).breakAfter,
      }))
      expect(display).toEqual({ thead: 'table-header-group', tfoot: 'table-row-group', toc: 'none', cover: 'page' })
    } finally {
      await page.close()
    }
  })
})
