import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

const candidates = ['chromium', 'chromium-browser', 'google-chrome']

/** Debian's Chromium, if installed: the browser tests drive it through playwright-core. */
export function findChromium(): string | null {
  for (const name of candidates) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null
    } catch {
      // not this one
    }
  }
  return null
}

/**
 * Whether a missing browser fails the suite (CI sets OPEN_AKKOORD_REQUIRE_BROWSER=1) or only skips the browser
 * tests, with a message saying how to install it.
 */
export const browserRequired = process.env.OPEN_AKKOORD_REQUIRE_BROWSER === '1'
export const installHint = 'browser tests skipped: no Chromium found; install it with `apt-get install chromium`'

/**
 * Launches Chromium headless. Without the background-networking flags it keeps
 * trying to reach Google's hosts, which a closed network refuses.
 */
export async function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }
let axeSource: string | undefined

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** A fresh temporary folder for a test file's screenshots and rendered files, to look at while developing; never a project folder. */
export function artifactFolder(name: string): string {
  return mkdtempSync(join(tmpdir(), `open-akkoord-${name}-`))
}
