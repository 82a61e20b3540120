import { createHash } from 'node:crypto'

/**
 * What every response carries: no MIME sniffing (a JSON answer or a CSV download
 * is never run as script), referrers kept within the site, and no framing by
 * other sites (older browsers read X-Frame-Options, newer ones CSP's
 * frame-ancestors). HSTS is not set here: it belongs to the TLS proxy in front.
 */
export const baseSecurityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'SAMEORIGIN',
}

/** The policy of anything that is not a page (JSON, CSV, RDF, plain text): it may load and run nothing. */
export const dataPolicy = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

const inlineScripts = /<script>([\s\S]*?)<\/script>/g

/**
 * A Content-Security-Policy for a page of ours that runs inline scripts: only
 * those exact scripts (by their SHA-256) and scripts of this origin run, so
 * markup injected into the page cannot. `extra` adds directives the page needs
 * (for example a worker-src).
 */
export function pagePolicy(html: string, extra: readonly string[] = []): string {
  const hashes = [...html.matchAll(inlineScripts)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`)
  return [
    "default-src 'self'", `script-src 'self' ${hashes.join(' ')}`.trim(), "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
    "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'", ...extra,
  ].join('; ')
}
