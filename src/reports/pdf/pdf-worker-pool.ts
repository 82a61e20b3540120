import { Worker } from 'node:worker_threads'
import type { Report } from '../report-model.js'
import type { PdfJob, PdfResult } from './pdf-worker.js'

/** A PDF render failed inside a worker, or the worker died. */
class PdfWorkerError extends Error {
  override readonly name = 'PdfWorkerError'
}

interface Slot {
  worker: Worker
  job: { id: number; resolve(pdf: Buffer): void; reject(error: Error): void } | null
}

/** Starts a worker on pdf-worker.ts or, once compiled, pdf-worker.js. */
function spawn(themePath: string): Worker {
  const self = import.meta.url
  const entry = new URL(self.endsWith('.ts') ? './pdf-worker.ts' : './pdf-worker.js', self)
  if (!entry.href.endsWith('.ts')) return new Worker(entry, { workerData: { themePath } })
  // Node 20 cannot load TypeScript in a worker by itself: tsx's loader is registered inside the worker first.
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(self)}))`
  return new Worker(code, { eval: true, workerData: { themePath } })
}

/**
 * Worker threads that render PDFs. pdfmake lays out a document synchronously
 * (half a second for the full agreement); off the main thread, the API keeps
 * answering while reports render, and renders run side by side. The pool is
 * sized like the render limiter, which decides who may render at all.
 */
export class PdfWorkerPool {
  private readonly slots: Slot[] = []
  private readonly waiting: { job: PdfJob; resolve(pdf: Buffer): void; reject(error: Error): void }[] = []
  private nextId = 1
  private closed = false

  constructor(readonly size: number, private readonly themePath: string) {}

  render(report: Report): Promise<Buffer> {
    if (this.closed) return Promise.reject(new PdfWorkerError('the PDF worker pool is closed'))
    return new Promise((resolve, reject) => {
      this.waiting.push({ job: { id: this.nextId++, report }, resolve, reject })
      this.dispatch()
    })
  }

  /** Stops every worker; renders in progress fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const w of this.waiting.splice(0)) w.reject(new PdfWorkerError('the PDF worker pool is closed'))
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()))
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.find((s) => s.job === null) ?? (this.slots.length < this.size ? this.start() : undefined)
      if (!slot) return
      const { job, resolve, reject } = this.waiting.shift()!
      slot.job = { id: job.id, resolve, reject }
      slot.worker.postMessage(job)
    }
  }

  private start(): Slot {
    const slot: Slot = { worker: spawn(this.themePath), job: null }
    // An idle pool must not keep the process alive.
    slot.worker.unref()
    slot.worker.on('message', (result: PdfResult) => {
      const job = slot.job
      if (!job || job.id !== result.id) return
      slot.job = null
      if ('pdf' in result) job.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength))
      else job.reject(new PdfWorkerError(`PDF render failed: ${result.error}`))
      this.dispatch()
    })
    const fail = (error: Error) => {
      // A dead worker leaves the pool; its job fails, and the next job starts a new worker.
      const index = this.slots.indexOf(slot)
      if (index >= 0) this.slots.splice(index, 1)
      slot.job?.reject(new PdfWorkerError(`PDF worker stopped: ${error.message}`))
      slot.job = null
      if (!this.closed) this.dispatch()
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => { if (this.slots.includes(slot)) fail(new Error(`exit code ${code}`)) })
    this.slots.push(slot)
    return slot
  }
}
