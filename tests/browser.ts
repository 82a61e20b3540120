import { execFileSync } from 'node:child_process'
import { chromium, type Browser } from 'playwright-core'

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

export async function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({ executablePath: path, args: ['--no-sandbox', '--disable-gpu'] })
}
