import { parentPort, workerData } from 'node:worker_threads'
import type { Report } from '../report-model.js'
import { loadReportTheme } from '../report-theme.js'
import { renderPdf } from './render-pdf.js'

/** A worker thread of PdfWorkerPool: renders one report at a time, so the server's own thread stays free. */
export interface PdfJob { id: number; report: Report }
export type PdfResult = { id: number; pdf: Uint8Array } | { id: number; error: string }

const theme = loadReportTheme((workerData as { themePath: string }).themePath)
const port = parentPort!

port.on('message', (job: PdfJob) => {
  renderPdf(job.report, theme).then(
    (pdf) => port.postMessage({ id: job.id, pdf } satisfies PdfResult),
    (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies PdfResult),
  )
})
