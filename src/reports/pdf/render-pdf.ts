import { relative, isAbsolute, resolve } from 'node:path'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js'
import type { Report } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'
import { PdfBlockWriter } from './pdf-blocks.js'
import { background, coverContent, footer, header, keepHeadingsWithNext } from './pdf-page.js'
import { pdfStyles } from './pdf-styles.js'

const A4_WIDTH = 595.28

/** True when path lies inside dir (after resolving ".." and the like). */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * Points pdfmake (a process-wide singleton) at the theme's fonts, and locks it
 * down: no URL is ever fetched, and no local file outside the theme's asset
 * folder is ever read, whatever a document definition asks for.
 */
export function configurePdfmake(theme: ReportTheme): void {
  const { family, normal, bold, italics, bolditalics } = theme.fonts
  pdfmake.setFonts({ [family]: { normal, bold, italics, bolditalics } })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => inside(theme.assetDir, path))
}

/** The pdfmake document definition of a report: cover, contents, body, page furniture and metadata. */
export function pdfDocumentDefinition(report: Report, theme: ReportTheme): TDocumentDefinitions {
  const [left, , right] = theme.page.margins
  const { defaultStyle, styles } = pdfStyles(theme)
  const writer = new PdfBlockWriter(theme, A4_WIDTH - left - right, report.type === 'full')
  const { meta } = report
  return {
    pageSize: 'A4',
    pageMargins: theme.page.margins,
    version: '1.7',
    // pdfmake cannot write a tagged PDF; the document does not pretend to be one.
    tagged: false,
    language: meta.language,
    displayTitle: true,
    info: {
      title: meta.title, author: meta.author, subject: meta.subject, keywords: meta.keywords.join(', '),
      creator: 'Open Akkoord', producer: 'Open Akkoord (pdfmake)',
      // Fixed dates make the file, and the /ID pdfkit derives from them, the same for the same data.
      creationDate: meta.date, modDate: meta.date,
    },
    defaultStyle, styles,
    background: background(theme),
    header: header(report, theme),
    footer: footer(report, theme),
    pageBreakBefore: keepHeadingsWithNext,
    content: [
      coverContent(report, theme),
      {
        toc: { title: { text: 'Inhoud', style: 'tocTitle' }, outlines: true, numberStyle: { color: theme.colors.muted } },
        pageBreak: 'before',
      },
      ...writer.blocks(report.body),
    ],
  }
}

/** Renders a report to PDF 1.7 with embedded fonts; the same report gives the same bytes. */
export async function renderPdf(report: Report, theme: ReportTheme): Promise<Buffer> {
  configurePdfmake(theme)
  return pdfmake.createPdf(pdfDocumentDefinition(report, theme)).getBuffer()
}
