import type { ReportListing } from '../reports/report-catalogue.js'
import { escapeHtml } from '../reports/html/escape-html.js'
import { webPaths, wooSitemapPath } from './web-paths.js'

/** robots.txt: everything may be indexed except the API and the report builder's redirects; the site's sitemap and the Woo-index sitemap. */
export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nDisallow: /graphql\nDisallow: /rapporten/maken\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\nSitemap: ${baseUrl}${wooSitemapPath}\n`
}

/** sitemap.xml: the home page, the reports page, the accessibility statement, the progress page, every subject page, every HTML report and the open data index. */
export function sitemapXml(baseUrl: string, listings: readonly ReportListing[], lastModified: string): string {
  const subject: Record<string, (slug: string) => string> = { theme: webPaths.theme, portfolio: webPaths.portfolio, district: webPaths.district }
  const paths = [
    webPaths.home, webPaths.reports, webPaths.accessibility, webPaths.progress, '/data/',
    ...listings.flatMap((l) => (l.slug && subject[l.type] ? [subject[l.type]!(l.slug)] : [])),
    ...listings.map((l) => l.html),
  ]
  const urls = paths.map((path) => `  <url><loc>${escapeHtml(`${baseUrl}${path}`)}</loc><lastmod>${lastModified}</lastmod></url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}
