import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config.js'
import type { CachedResponse, ResponseCache } from './response-cache.js'
import { targetKey } from './hit-path.js'
import { acceptedEncoding, awaitsEncoding, completeEncodings, prepareAnswer, sendPrepared } from './prepared-answer.js'
import { requestIdOf } from './request-id.js'
import { routeHeaders, sitePolicy } from './route-policy.js'
import type { ReportSources } from '../reports/report-sources.js'
import type { RouteHandler } from './route.js'
import type { StoreHolder } from './store-holder.js'
import type { SafeHtml } from '../web/html.js'
import { notFoundPage } from '../web/pages/not-found-page.js'
import { webPaths, wooSitemapPath } from '../web/web-paths.js'
import { searchSite } from './search-site.js'
import { WebSite } from '../web/web-site.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { servedPublicView } from '../editorial/served-public-view.js'
import { filterQuery, type ActionFilters } from '../web/pages/actions-list-page.js'

const assets: Record<string, { file: string; type: string }> = {
  '/static/site.css': { file: 'site.css', type: 'text/css; charset=utf-8' },
  '/static/site.js': { file: 'site.js', type: 'text/javascript; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
  // Browsers ask for /favicon.ico whatever a page links; they read an SVG served there as well.
  '/favicon.ico': { file: 'favicon.svg', type: 'image/svg+xml' },
}
/** Files for crawlers, made from the current agreement. */
const siteFiles: Record<string, string> = {
  '/robots.txt': 'text/plain; charset=utf-8', '/sitemap.xml': 'application/xml; charset=utf-8', [wooSitemapPath]: 'application/xml; charset=utf-8',
}
const subjectPattern = /^\/(thema|wethouder|wijk)\/([a-z0-9-]{1,100})$/
const actionPattern = /^\/afspraak\/([a-z0-9-]{1,200})$/
const roundPattern = /^\/voortgang(?:\/([a-z0-9-]{1,80}))?$/
/** Every page carries the site's policy, the 404 page of an unknown path (whose route is not the site's) included. */
const securityHeaders = { 'content-security-policy': sitePolicy }

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
  const assetEntries = new Map<string, Promise<CachedResponse>>()
  const assetEntry = (request: IncomingMessage, response: ServerResponse, path: string, asset: { file: string; type: string }) => {
    let entry = assetEntries.get(path)
    if (!entry) {
      entry = entryOf(request, response, readFileSync(new URL(`../web/assets/${asset.file}`, import.meta.url)), asset.type, cacheControl, 200, 0).then(completeEncodings)
      assetEntries.set(path, entry)
    }
    return entry
  }

  return async (request, response, url) => {
    const path = url.pathname
    const asset = assets[path]
    const isPage = path === '/' || path === '/rapporten' || path === '/rapporten/maken' || path === '/zoeken' || path === '/afspraken'
      || path === '/toegankelijkheid' || path === webPaths.statuses || subjectPattern.test(path) || actionPattern.test(path) || roundPattern.test(path)
    const siteFile = siteFiles[path]
    if (!asset && !isPage && !siteFile) return notFound(request, response, url)
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      response.end('Alleen GET en HEAD.\n')
      return true
    }
    if (asset) {
      send(request, response, await assetEntry(request, response, path, asset))
      return true
    }
    const lease = stores.acquire()
    try {
      const web = siteFor(lease.generation)
      if (siteFile) {
        const body = path === '/robots.txt' ? web.robots() : path === wooSitemapPath ? await web.wooSitemap(lease) : await web.sitemap(lease)
        send(request, response, await entryOf(request, response, Buffer.from(body), siteFile, cacheControl, 200, lease.generation))
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
      // Pages show published progress and name rounds: keyed on the public state (publications, rounds opened and
      // closed) too, a publication or a round shows in the very next answer, on the hit path as well. The state is
      // the served view's, what the page is drawn from: while the store is out of reach, the previous one.
      const publication = (await servedPublicView(editorial)).state
      const key = `web:${lease.generation}:${publication}:${path}${query}`
      const hit = cache.get(key)
      if (hit && hit.generation === lease.generation) {
        cache.alias(targetKey(request), key)
        if (awaitsEncoding(request, hit)) await hit.pending
        send(request, response, hit)
        return true
      }
      const subject = subjectPattern.exec(path)
      const action = actionPattern.exec(path)
      const round = roundPattern.exec(path)
      const body: SafeHtml | null = filters ? await web.actions(lease, filters) : (path === '/' ? await web.home(lease)
        : round ? await web.progressOfRound(lease, round[1] ?? null)
        : path === '/rapporten' ? await web.reports(lease)
          : path === '/zoeken' ? await searchSite(web, lease, url.searchParams.get('q') ?? '')
            : path === '/toegankelijkheid' ? web.accessibility()
            : path === webPaths.statuses ? web.statuses()
            : action ? await web.action(lease, action[1]!)
              : await web.subject(lease, subject![1]!, subject![2]!))
      if (!body) return page(request, response, notFoundPage(web.theme, `Er is geen pagina op ${path}.`), 404, lease.generation)
      const entry = await entryOf(request, response, Buffer.from(body.toString()), 'text/html; charset=utf-8', cacheControl, 200, lease.generation, publication)
      const target = targetKey(request)
      cache.set(key, entry, target)
      send(request, response, entry, 'MISS')
      // The other encodings are made after the answer went out, off the event loop; kept again, their bytes are counted.
      void completeEncodings(entry).then(() => cache.set(key, entry, target), () => undefined)
      return true
    } finally {
      lease.release()
    }
  }

  /** Unknown paths a browser asks for get the site's 404 page; other clients get the server's JSON 404. */
  async function notFound(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
    if (!request.headers.accept?.includes('text/html')) return false
    return page(request, response, notFoundPage(site.value.theme, `Er is geen pagina op ${url.pathname}.`), 404, 0)
  }

  async function page(request: IncomingMessage, response: ServerResponse, body: SafeHtml, status: number, generation: number): Promise<boolean> {
    send(request, response, await entryOf(request, response, Buffer.from(body.toString()), 'text/html; charset=utf-8', 'no-store', status, generation), 'MISS')
    return true
  }
}

/** An answer of the site, prepared with its route's policy headers (the page policy on every status, 304s included). */
function entryOf(request: IncomingMessage, response: ServerResponse, body: Buffer, type: string, cacheControl: string, status: number, generation: number, publication?: number): Promise<CachedResponse> {
  const headers = { ...routeHeaders(response), 'content-type': type, 'cache-control': cacheControl, ...securityHeaders }
  return prepareAnswer({ status, headers, body, generation, publication }, acceptedEncoding(request.headers['accept-encoding']))
}

function send(request: IncomingMessage, response: ServerResponse, entry: CachedResponse, cache: 'HIT' | 'MISS' = 'HIT'): void {
  sendPrepared(request, response, entry, requestIdOf(request), cache)
}
