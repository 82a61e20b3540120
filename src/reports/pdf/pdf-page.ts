import type { Content, DynamicBackground, DynamicContent, Node } from 'pdfmake/interfaces.js'
import { formatDate } from '../dutch-text.js'
import type { HeadingBlock, Report } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'
import { StructNode, tagged } from './pdf-structure.js'

const A4 = { width: 595.28, height: 841.89 }

/** The cover: a deep-blue page with the agreement, which report this is, and its dates. */
export function coverContent(report: Report, theme: ReportTheme): Content {
  const c = theme.colors
  const [left] = theme.page.margins
  const { cover } = report
  const p = (text: string) => [tagged({ text }, new StructNode('P', null))]
  const facts = new StructNode('Table', null)
  const fact = (term: string, value: string) => {
    const row = facts.child('TR')
    return [
      { text: [tagged({ text: term }, row.child('TH', { scope: 'Row' }))], color: c.onPrimaryMuted, fontSize: 9.5 },
      { text: [tagged({ text: value }, row.child('TD'))], color: c.onPrimary, fontSize: 9.5, bold: true },
    ]
  }
  return {
    stack: [
      // The municipality's logo, when the theme names one: decoration beside the municipality's name, so an artifact.
      ...(theme.logo ? [{ image: theme.logo, fit: [160, 56] as [number, number], margin: [0, 24, 0, 0] as [number, number, number, number] }] : []),
      { text: p(cover.municipality.toUpperCase()), fontSize: 10, bold: true, characterSpacing: 2, color: c.onPrimaryMuted, margin: [0, theme.logo ? 16 : 40, 0, 56] },
      { text: [tagged({ text: cover.title }, new StructNode('H1', null))], fontSize: 38, bold: true, color: c.onPrimary, lineHeight: 1.05 },
      { text: p(cover.subtitle), fontSize: 17, color: c.onPrimaryMuted, margin: [0, 6, 0, 0] },
      { canvas: [{ type: 'rect', x: 0, y: 0, w: 64, h: 5, color: c.accent }], margin: [0, 44, 0, 22] },
      { text: p(cover.kicker), fontSize: 12, bold: true, color: c.onPrimaryMuted, margin: [0, 0, 0, 6] },
      { text: p(cover.name), fontSize: 28, bold: true, color: c.onPrimary, lineHeight: 1.1 },
      {
        // The dates sit at the foot of the cover, above the footer, whatever the length of the name.
        absolutePosition: { x: left, y: A4.height - 96 - cover.facts.length * 18 },
        table: { widths: [110, '*'], body: cover.facts.map((f) => fact(f.term, f.value)) },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingTop: () => 3, paddingBottom: () => 3 },
      },
    ],
  }
}

/**
 * The contents page: each chapter (and, in the shorter reports, section) with
 * its page number, both linking to it, tagged as a TOC of entries.
 */
export function contentsPage(headings: readonly HeadingBlock[], theme: ReportTheme): Content {
  const toc = new StructNode('TOC', null)
  const rows = headings.map((h) => {
    const link = toc.child('TOCI').child('Link')
    const style = `toc${h.level}`
    const margin = h.level === 1 ? [0, 7, 0, 0] : [14, 2, 0, 0]
    return [
      { text: [tagged({ text: h.text, linkToDestination: h.id }, link)], style, margin },
      { text: [tagged({ text: '00', pageReference: h.id }, link)], style, alignment: 'right', color: theme.colors.muted, margin: [0, margin[1], 0, 0] },
    ]
  })
  return {
    pageBreak: 'before',
    stack: [
      { text: [tagged({ text: 'Inhoud' }, new StructNode('H1', null))], style: 'tocTitle' },
      { table: { dontBreakRows: true, widths: ['*', 'auto'], body: rows }, layout: 'noBorders' },
    ],
  } as Content
}

/** Page 1 is painted blue with a warm band at the foot; the other pages stay white. */
export function background(theme: ReportTheme): DynamicBackground {
  return (page) => page !== 1 ? null : {
    canvas: [
      { type: 'rect', x: 0, y: 0, w: A4.width, h: A4.height, color: theme.colors.primary },
      { type: 'rect', x: 0, y: A4.height - 14, w: A4.width, h: 14, color: theme.colors.accent },
    ],
  }
}

/** The running header: the agreement and the report on the left, the municipality on the right, over a thin rule. */
export function header(report: Report, theme: ReportTheme): DynamicContent {
  const [left, , right] = theme.page.margins
  return (page) => page === 1 ? null : {
    margin: [left, 30, right, 0], style: 'furniture',
    stack: [
      { style: 'furniture', columns: [{ text: report.runningHeader, style: 'runningHeader' }, { text: report.meta.author, style: 'runningHeader', alignment: 'right', width: 'auto' }] },
      { style: 'furniture', canvas: [{ type: 'line', x1: 0, y1: 5, x2: A4.width - left - right, y2: 5, lineWidth: 0.5, lineColor: theme.colors.rule }] },
    ],
  }
}

/** "Pagina X van Y" on every page after the cover. */
export function footer(report: Report, theme: ReportTheme): DynamicContent {
  const [left, , right] = theme.page.margins
  return (page, pages) => page === 1 ? null : ({
    margin: [left, 22, right, 0], style: 'furniture',
    columns: [
      { text: report.footerText ?? `${report.cover.subtitle} · dataversie ${formatDate(report.dataVersion)}`, style: 'runningHeader' },
      { text: `Pagina ${page} van ${pages}`, style: 'runningHeader', alignment: 'right', width: 'auto' },
    ],
  })
}

const furniture = new Set(['furniture', 'runningHeader'])
/** Header and footer nodes are laid out on every page; they carry these styles so the page-break rule can skip them. */
const isFurniture = (node: Node) => [node.style].flat().some((style) => typeof style === 'string' && furniture.has(style))

/**
 * Keeps headings with what follows them: a heading (or a table caption) that
 * would end a page with no text after it on that page moves to the next page.
 * A heading already first on its page stays, or it would move forever.
 * Headings before blocks that never break are kept with them in another way:
 * PdfBlockWriter puts both in one unbreakable stack, because pdfmake reports
 * the first, abandoned position of a block that moved to the next page.
 */
export function keepHeadingsWithNext(node: Node, context: { getFollowingNodesOnPage(): Node[]; getPreviousNodesOnPage(): Node[] }): boolean {
  if (!node.headlineLevel) return false
  if (!context.getPreviousNodesOnPage().some((n) => !isFurniture(n))) return false
  return !context.getFollowingNodesOnPage().some((next) => !isFurniture(next) && !next.headlineLevel)
}
