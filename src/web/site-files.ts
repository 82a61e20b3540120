import type { ReportListing } from '../reports/report-catalogue.js'
import { escapeHtml } from '../reports/html/escape-html.js'
import { webPaths, wooSitemapPath } from './web-paths.js'

/** robots.txt: everything may be indexed except the API and the report builder's redirects; the site's sitemap and the Woo-index sitemap. */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nDisallow: /graphql\nDisallow: /rapporten/maken\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\nSitemap: ${baseUrl}${wooSitemapPath}\n`
}

/** A page of the sitemap with a date of its own (W3C date): a progress page changes with publications and rounds, not with the data. */
export interface SitemapPage {
  path: string
  lastModified: string
}

/**
 * sitemap.xml: the home page, the reports page, the accessibility statement,
 * the open data index, every subject page and every HTML report, dated by the
 * data version; then the progress pages (/voortgang and each round's), each
 * with its own date.
 */
export function sitemapXml(baseUrl: string, listings: readonly ReportListing[], lastModified: string, progressPages: readonly SitemapPage[]): string {
  const subject: Record<string, (slug: string) => string> = { theme: webPaths.theme, portfolio: webPaths.portfolio, district: webPaths.district }
  const paths = [
    webPaths.home, webPaths.reports, webPaths.accessibility, '/data/',
    ...listings.flatMap((l) => (l.slug && subject[l.type] ? [subject[l.type]!(l.slug)] : [])),
    ...listings.map((l) => l.html),
  ]
  const pages = [...paths.map((path) => ({ path, lastModified })), ...progressPages]
  const urls = pages.map((p) => `  <url><loc>${escapeHtml(`${baseUrl}${p.path}`)}</loc><lastmod>${p.lastModified}</lastmod></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
