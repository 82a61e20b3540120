import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { loadConfig } from '../../src/config.js'
import { buildReport, type ReportSource } from '../../src/reports/build-report.js'
import { findReportAgreement, loadReportSource } from '../../src/reports/load-report-source.js'
import type { Report, ReportType } from '../../src/reports/report-model.js'
import { loadReportTheme, type ReportTheme } from '../../src/reports/report-theme.js'
import { openTestStore } from '../helpers.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEditorialStore } from '../../src/editorial/open-editorial-store.js'
import { progressSnapshot } from '../../src/editorial/served-public-view.js'

const baseUrl = 'http://open-akkoord.test'

/** The read model of the test database as the reports see it, and the project's theme. */
export async function loadFixture(): Promise<{ source: ReportSource; theme: ReportTheme; close(): Promise<void> }> {
  const store = openTestStore()
  // The progress report reads a real editorial store: a temporary one, empty, as the real agreement's is.
  const folder = mkdtempSync(join(tmpdir(), 'open-akkoord-report-editorial-'))
  const editorial = await openEditorialStore(join(folder, 'editorial.sqlite'))
  const loaded = await loadReportSource(store.db, await findReportAgreement(store.db, null), baseUrl)
  const source = { ...loaded, progress: await progressSnapshot(editorial, loaded.view.agreement.slug) }
  return {
    source, theme: loadReportTheme(loadConfig({}).reports.themePath),
    close: async () => {
      await editorial.close()
      rmSync(folder, { recursive: true, force: true })
      await store.db.destroy()
    },
  }
}

export const build = (source: ReportSource, type: ReportType, slug: string | null = null): Report => buildReport(source, { type, slug })

/** White space folded, so text that wrapped over lines still matches. */
export const fold = (text: string) => text.replace(/\s+/g, ' ').trim()

interface PdfTextItem { text: string; x: number; y: number; size: number }

export interface ReadPdf {
  numPages: number
  info: Record<string, unknown>
  /** Each page's text, white space folded. */
  pages: string[]
  /** Each page's text runs with their position (from the bottom) and font size. */
  items: PdfTextItem[][]
  outline: string[]
}

/** Reads a PDF with pdf.js, as a PDF reader would: text per page, metadata, bookmarks. */
export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise
  try {
    const { info } = await doc.getMetadata()
    const pages: string[] = []
    const items: PdfTextItem[][] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      const runs = content.items.filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
      pages.push(fold(runs.map((r) => `${r.str}${r.hasEOL ? ' ' : ''}`).join('')))
      items.push(runs.filter((r) => r.str.trim() !== '').map((r) => ({ text: r.str, x: r.transform[4] as number, y: r.transform[5] as number, size: Math.hypot(r.transform[2] as number, r.transform[3] as number) })))
    }
    const outline = (await doc.getOutline() ?? []).flatMap(function titles(node): string[] { return [node.title, ...node.items.flatMap(titles)] })
    return { numPages: doc.numPages, info: info as Record<string, unknown>, pages, items, outline }
  } finally {
    await doc.destroy()
  }
}
