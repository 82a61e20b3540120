import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Config } from '../config.js'
import type { RouteHandler } from './route.js'
import { problemCode, sendProblem } from './send-problem.js'
import type { Store } from '../store/open-database.js'
import { buildReport } from '../reports/build-report.js'
import { findReportAgreement, loadReportSource } from '../reports/load-report-source.js'
import { ReportSources, type StoreProvider } from '../reports/report-sources.js'
import { PdfWorkerPool } from '../reports/pdf/pdf-worker-pool.js'
import { checkReportSlug, listReports, parseReportType, type ReportListing } from '../reports/report-catalogue.js'
import { ReportCache } from '../reports/report-cache.js'
import { UnknownAgreementError, UnknownReportSlugError, UnknownReportTypeError } from '../reports/report-errors.js'
import { reportTypes, type ReportFormat } from '../reports/report-model.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { loadReportTheme } from '../reports/report-theme.js'
import { RenderLimiter, RenderQueueFullError } from '../reports/render-limiter.js'
import { renderReport, type RenderedReport } from '../reports/render-report.js'
import { storeFailure } from '../store/store-failure.js'
import { latestRoundPicture } from '../editorial/round-picture.js'

const reportPattern = /^\/reports\/([^/]+?)(?:\/([^/]+?))?\.(pdf|html)$/

/** The reports route, with a close() that stops its PDF workers. */
export type ReportsHandler = RouteHandler & { close(): Promise<void> }

export interface ReportsHandlerOptions {
  /** Called with errors that became a 500, for the server's log. */
  onError?: (error: unknown) => void
  /** The agreements read for reports, shared with the web site; a handler of its own by default. */
  sources?: ReportSources
  /** The editorial store whose published progress the progress report shows; without it that report is not served. */
  editorial?: EditorialStore
}

/**
 * The reports over HTTP: GET (or HEAD) /reports/{type}[/{slug}].pdf|.html,
 * optionally ?agreement={slug}; GET /reports/ lists what is on offer as JSON.
 * Unknown type, slug or agreement: 404 naming it. At most
 * config.reports.concurrency renders run at once (PDFs in worker threads) and
 * config.reports.queue wait; beyond that 503 with Retry-After. Rendered files
 * are cached by database generation, agreement, type, slug and format, with an ETag.
 */
export function createReportsHandler(config: Config, stores: StoreProvider, options: ReportsHandlerOptions = {}): ReportsHandler {
  const theme = loadReportTheme(config.reports.themePath)
  const limiter = new RenderLimiter(config.reports.concurrency, config.reports.queue)
  const pool = new PdfWorkerPool(config.reports.concurrency, config.reports.themePath)
  const files = new ReportCache<RenderedReport>(config.reports.cacheEntries)
  const sources = options.sources ?? new ReportSources(config.publicBaseUrl)

  const source = async (agreementSlug: string | null) => {
    const lease = stores.acquire()
    try {
      return { generation: lease.generation, ...(await sources.get(lease, agreementSlug)) }
    } finally {
      lease.release()
    }
  }

  const progressOf = (agreementSlug: string) => {
    if (!options.editorial) throw new UnknownReportTypeError('progress', reportTypes.filter((t) => t !== 'progress'))
    return latestRoundPicture(options.editorial, agreementSlug)
  }

  const handler: RouteHandler = async (request, response, url) => {
    if (url.pathname !== '/reports' && !url.pathname.startsWith('/reports/')) return false
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'only GET and HEAD are supported on /reports/', { Allow: 'GET, HEAD' })
      return true
    }
    try {
      const agreementSlug = url.searchParams.get('agreement')
      if (url.pathname === '/reports' || url.pathname === '/reports/') {
        const { source: s } = await source(agreementSlug)
        sendJson(request, response, { agreement: s.view.agreement.slug, dataVersion: s.view.agreement.dataVersion, reports: listReports(s.view) })
        return true
      }
      const match = reportPattern.exec(url.pathname)
      if (!match) {
        send(response, 404, `no report at ${url.pathname}: expected /reports/{type}[/{slug}].pdf or .html`)
        return true
      }
      const type = parseReportType(decodeURIComponent(match[1]!))
      const slug = match[2] === undefined ? null : decodeURIComponent(match[2])
      const format = match[3] as ReportFormat
      const { generation, agreement, source: s } = await source(agreementSlug)
      checkReportSlug(s.view, type, slug)
      // The progress report keys on the publication generation too: a publication shows in the very next answer.
      const progress = type === 'progress' ? await progressOf(agreement.slug) : undefined
      const key = `${generation}:${progress?.cacheKey ?? ''}:${agreement.slug}/${type}/${slug ?? ''}.${format}`
      const file = await files.getOrCreate(key, () => limiter.run(() =>
        renderReport(buildReport({ ...s, progress }, { type, slug }), format, (report) => pool.render(report), theme)))
      sendReport(request, response, file, format)
    } catch (error) {
      if (error instanceof UnknownReportTypeError || error instanceof UnknownReportSlugError || error instanceof UnknownAgreementError) {
        send(response, 404, error.message)
      } else if (error instanceof RenderQueueFullError) {
        send(response, 503, `${error.message}; try again in ${config.reports.retryAfterSeconds} s`, { 'Retry-After': String(config.reports.retryAfterSeconds) })
      } else if (storeFailure(error)) {
        // A busy or overwritten store is answered by the server with a 503 that says what to do.
        throw error
      } else {
        options.onError?.(error)
        send(response, 500, 'the report could not be rendered')
      }
    }
    return true
  }
  return Object.assign(handler, { close: () => pool.close() })
}

/** Every report of the current agreement (or the named one), for the web page's links. */
export async function listAvailableReports(store: Store, agreementSlug: string | null = null): Promise<ReportListing[]> {
  const agreement = await findReportAgreement(store.db, agreementSlug)
  return listReports((await loadReportSource(store.db, agreement, '')).view)
}

/** An error of the reports route, as the server's one JSON problem shape. */
function send(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendProblem(response, 'json', status, problemCode(status), message, headers)
}

function sendJson(request: IncomingMessage, response: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value, null, 2)
  response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' })
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** Sends a rendered report, or 304 when the client already holds these bytes. */
function sendReport(request: IncomingMessage, response: ServerResponse, file: RenderedReport, format: ReportFormat): void {
  const headers: Record<string, string | number> = {
    ETag: file.etag,
    'Last-Modified': file.modified.toUTCString(),
    // Revalidate every time: a rebuilt database gives new bytes under the same address.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  }
  const tags = request.headers['if-none-match']?.split(',').map((t) => t.trim().replace(/^W\//, ''))
  if (tags && (tags.includes(file.etag) || tags.includes('*'))) {
    response.writeHead(304, headers)
    response.end()
    return
  }
  Object.assign(headers, {
    'Content-Type': file.contentType,
    'Content-Length': file.body.length,
    'Content-Disposition': `${format === 'pdf' ? 'attachment' : 'inline'}; filename="${file.fileName}"`,
  })
  // The page carries its own styles and loads nothing: the policy says so, and stops anything that tries.
  // Only the site's own report builder may frame it, for its preview.
  if (format === 'html') headers['Content-Security-Policy'] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
  response.writeHead(200, headers)
  response.end(request.method === 'HEAD' ? undefined : file.body)
}
