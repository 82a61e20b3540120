import { createHash } from 'node:crypto'
import { renderHtml } from './html/render-html.js'
import type { Report, ReportFormat } from './report-model.js'

/** A rendered report, ready to write to a file or send over HTTP. */
export interface RenderedReport {
  body: Buffer
  contentType: string
  /** The download name, with extension. */
  fileName: string
  /** A strong HTTP entity tag derived from the bytes. */
  etag: string
  /** The data version's date, for Last-Modified. */
  modified: Date
}

const contentTypes: Record<ReportFormat, string> = { pdf: 'application/pdf', html: 'text/html; charset=utf-8' }

/** Renders the PDF of a report: in this thread, or in a worker pool. */
export type PdfRenderer = (report: Report) => Promise<Buffer>

/** Renders a report in one format and wraps it with what a file or a response needs. */
export async function renderReport(report: Report, format: ReportFormat, renderPdf: PdfRenderer, theme: Parameters<typeof renderHtml>[1]): Promise<RenderedReport> {
  const body = format === 'pdf' ? await renderPdf(report) : Buffer.from(renderHtml(report, theme), 'utf8')
  return {
    body,
    contentType: contentTypes[format],
    fileName: `${report.fileName}.${format}`,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    modified: report.meta.date,
  }
}
