import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config.js'
import type { CachedResponse, ResponseCache } from '../server/response-cache.js'
import { bodyToSend, encodeBody } from '../server/encoded-body.js'
import { etagMatches } from '../server/http-helpers.js'
import type { ReportSources } from '../reports/report-sources.js'
import type { RouteHandler } from '../server/route.js'
import type { StoreHolder } from '../server/store-holder.js'
import { webPaths } from './web-paths.js'
import type { SafeHtml } from './html.js'
import { notFoundPage } from './pages/not-found-page.js'
import { searchSite } from './search-site.js'
import { WebSite } from './web-site.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { publicationGeneration } from '../editorial/progress-snapshot.js'
import { filterQuery, type ActionFilters } from './pages/actions-list-page.js'

const assets: Record<string, { file: string; type: string }> = {
  '/static/site.css': { file: 'site.css', type: 'text/css; charset=utf-8' },
  '/static/site.js': { file: 'site.js', type: 'text/javascript; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
}
/** Files for crawlers, made from the current agreement. */
const siteFiles: Record<string, string> = { '/robots.txt': 'text/plain; charset=utf-8', '/sitemap.xml': 'application/xml; charset=utf-8' }
const subjectPattern = /^\/(thema|wethouder|wijk)\/([a-z0-9-]{1,100})$/
const actionPattern = /^\/afspraak\/([a-z0-9-]{1,200})$/
/** Scripts only from this origin, no plugins, no framing by others: the pages need nothing else. */
const securityHeaders = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
}

export interface WebHandlerDependencies {
  config: Config
  stores: StoreHolder
  cache: ResponseCache
  /** The agreements read for reports, shared with the reports route. */
  sources: ReportSources
  /** The editorial store: pages show its published progress. */
  editorial: EditorialStore
}

/**
 * The public web site at /: the agreement at a glance, a page per theme,
 * alderman and district, search, and the report builder. Pages are rendered
 * from the read model once per database generation and served from the
 * response cache with an ETag, like the API's answers.
 */
export function createWebHandler({ config, stores, cache, sources, editorial }: WebHandlerDependencies): RouteHandler {
  let site = { generation: 0, value: new WebSite(config, sources, editorial) }
  const siteFor = (generation: number) => {
    if (site.generation !== generation) site = { generation, value: new WebSite(config, sources, editorial) }
    return site.value
  }
  const cacheControl = config.cache.maxAgeSeconds > 0 ? `public, max-age=${config.cache.maxAgeSeconds}` : 'public, no-cache'
  // The stylesheet and script are read once: they only change with a new release.
  const assetEntries = new Map<string, CachedResponse>()
  const assetEntry = (path: string, asset: { file: string; type: string }) => {
    let entry = assetEntries.get(path)
    if (!entry) {
      entry = entryOf(readFileSync(new URL(`./assets/${asset.file}`, import.meta.url)), asset.type, cacheControl, 200, 0)
      assetEntries.set(path, entry)
    }
    return entry
  }

  return async (request, response, url) => {
    const path = url.pathname
    const asset = assets[path]
    const isPage = path === '/' || path === '/rapporten' || path === '/rapporten/maken' || path === '/zoeken' || path === '/afspraken'
      || path === '/toegankelijkheid' || path === webPaths.statuses || subjectPattern.test(path) || actionPattern.test(path)
    const siteFile = siteFiles[path]
    if (!asset && !isPage && !siteFile) return notFound(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      response.end('Alleen GET en HEAD.\n')
      return true
    }
    if (asset) {
      send(request, response, assetEntry(path, asset))
      return true
    }
    const lease = stores.acquire()
    try {
      const web = siteFor(lease.generation)
      if (siteFile) {
        const body = path === '/robots.txt' ? web.robots() : await web.sitemap(lease)
        send(request, response, entryOf(Buffer.from(body), siteFile, cacheControl, 200, lease.generation))
        return true
      }
      if (path === '/rapporten/maken') {
        const location = await web.reportLocation(lease, url.searchParams.get('rapport') ?? '', url.searchParams.get('formaat') ?? 'pdf')
        if (!location) return page(request, response, notFoundPage(web.theme, 'Dit rapport bestaat niet. Kies een rapport op de pagina Rapporten.'), 404, lease.generation)
        response.writeHead(303, { location, 'cache-control': 'no-store' })
        response.end()
        return true
      }
      let query = path === '/zoeken' ? `?${url.searchParams.get('q') ?? ''}` : ''
      let filters: ActionFilters | undefined
      if (path === '/afspraken') {
        const parsed = await web.actionFilters(lease, url.searchParams)
        if ('error' in parsed) return page(request, response, notFoundPage(web.theme, `${parsed.error} Kies uit de lijst op de pagina Afspraken.`), 404, lease.generation)
        filters = parsed.filters
        query = filterQuery(filters)
      }
      // Pages show published progress: keyed on the publication generation too, a publication shows in the very next answer.
      const key = `web:${lease.generation}:${publicationGeneration(editorial)}:${path}${query}`
      const hit = cache.get(key)
      if (hit && hit.generation === lease.generation) {
        send(request, response, hit)
        return true
      }
      const subject = subjectPattern.exec(path)
      const action = actionPattern.exec(path)
      const body: SafeHtml | null = filters ? await web.actions(lease, filters) : (path === '/' ? await web.home(lease)
        : path === '/rapporten' ? await web.reports(lease)
          : path === '/zoeken' ? await searchSite(web, lease, url.searchParams.get('q') ?? '')
            : path === '/toegankelijkheid' ? web.accessibility()
            : path === webPaths.statuses ? web.statuses()
            : action ? await web.action(lease, action[1]!)
              : await web.subject(lease, subject![1]!, subject![2]!))
      if (!body) return page(request, response, notFoundPage(web.theme, `Er is geen pagina op ${path}.`), 404, lease.generation)
      const entry = entryOf(Buffer.from(body.toString()), 'text/html; charset=utf-8', cacheControl, 200, lease.generation)
      cache.set(key, entry)
      send(request, response, entry)
      return true
    } finally {
      lease.release()
    }
  }

  /** Unknown paths a browser asks for get the site's 404 page; other clients get the server's JSON 404. */
  function notFound(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    if (!request.headers.accept?.includes('text/html')) return false
    return page(request, response, notFoundPage(site.value.theme, `Er is geen pagina op ${url.pathname}.`), 404, 0)
  }

  function page(request: IncomingMessage, response: ServerResponse, body: SafeHtml, status: number, generation: number): boolean {
    send(request, response, entryOf(Buffer.from(body.toString()), 'text/html; charset=utf-8', 'no-store', status, generation))
    return true
  }
}

function entryOf(body: Buffer, type: string, cacheControl: string, status: number, generation: number): CachedResponse {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  // Kept pages and assets are compressed once; one-off answers (errors, no-store) go through the middleware.
  const encoded = cacheControl === 'no-store' ? undefined : encodeBody(body)
  return { status, body, etag, generation, encoded, headers: { 'content-type': type, 'cache-control': cacheControl, etag, ...securityHeaders } }
}

function send(request: IncomingMessage, response: ServerResponse, entry: CachedResponse): void {
  if (entry.status === 200 && etagMatches(request.headers['if-none-match'], entry.etag)) {
    response.writeHead(304, { etag: entry.etag, 'cache-control': entry.headers['cache-control']! })
    response.end()
    return
  }
  const sent = bodyToSend(request, entry)
  response.writeHead(entry.status, { ...entry.headers, ...sent.headers })
  response.end(request.method === 'HEAD' ? undefined : sent.body)
}
