import { relative, isAbsolute, resolve } from 'node:path'
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js'
import type { HeadingBlock, Report } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'
import { PdfBlockWriter } from './pdf-blocks.js'
import { background, contentsPage, coverContent, footer, header, keepHeadingsWithNext } from './pdf-page.js'
import { pdfStyles } from './pdf-styles.js'
import { renderTaggedPdf } from './tagged-printer.js'

const A4_WIDTH = 595.28

/** True when path lies inside dir (after resolving ".." and the like). */
function inside(dir: string, path: string): boolean {
  const rel = relative(dir, resolve(path))
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * The theme's fonts and the file access rule of every render: no local file
 * outside the theme's asset folder is ever read, whatever a document
 * definition asks for, and no URL is fetched (the tagged printer resolves none).
 */
function fontsOf(theme: ReportTheme): { fonts: TFontDictionary; localAccess: (path: string) => boolean } {
  const { family, normal, bold, italics, bolditalics } = theme.fonts
  return { fonts: { [family]: { normal, bold, italics, bolditalics } }, localAccess: (path) => inside(theme.assetDir, path) }
}

/** The pdfmake document definition of a report: cover, contents, body, page furniture and metadata. */
function pdfDocumentDefinition(report: Report, theme: ReportTheme): TDocumentDefinitions {
  const [left, , right] = theme.page.margins
  const { defaultStyle, styles } = pdfStyles(theme)
  const writer = new PdfBlockWriter(theme, A4_WIDTH - left - right, report.type === 'full')
  const { meta } = report
  return {
    pageSize: 'A4',
    pageMargins: theme.page.margins,
    version: '1.7',
    // Tagged by the TaggedRenderer: a structure tree, marked content, artifacts.
    tagged: true,
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
      contentsPage(report.body.filter((b): b is HeadingBlock => b.kind === 'heading' && b.toc), theme),
      ...writer.blocks(report.body),
    ],
  }
}

/** Renders a report to a tagged PDF 1.7 with embedded fonts; the same report gives the same bytes. */
export async function renderPdf(report: Report, theme: ReportTheme): Promise<Buffer> {
  const { fonts, localAccess } = fontsOf(theme)
  return renderTaggedPdf(pdfDocumentDefinition(report, theme), fonts, localAccess)
}
