import type { Content, CustomTableLayout, TableCell as PdfCell } from 'pdfmake/interfaces.js'
import type { RichText, TableBlock, TableRow } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'
import { pdfInlines } from './pdf-inlines.js'
import { StructNode, tagged } from './pdf-structure.js'

/** Roboto's asterisk is 0.43 em wide: unmarked amounts keep that much room so the digits line up. */
const ASTERISK_EM = 0.44

/** A table that moves whole rather than leave a row or two on the next page. */
export const shortTable = (table: TableBlock) => table.rows.length <= 14

const rowStyles: Record<TableRow['kind'], string | undefined> = { body: undefined, group: 'tableGroup', subtotal: 'tableSubtotal', total: 'tableTotal' }

/**
 * A table as pdfmake renders it: the caption and the column headings are the
 * header rows, so they repeat on every page the table spans; a group row spans
 * the table; empty cells show a dash; notes follow in small print.
 */
export function pdfTable(table: TableBlock, theme: ReportTheme, parent: StructNode | null = null): Content {
  const c = theme.colors
  const columns = table.columns
  const node = new StructNode('Table', parent)
  const marked = table.rows.some((row) => row.cells.some((cell) => cell.content.at(-1)?.text === '*'))
  const room = (i: number, content: RichText) =>
    (marked && i > 0 && content.at(-1)?.text !== '*' ? { margin: [0, 0, ASTERISK_EM * theme.sizes.table, 0] as [number, number, number, number] } : {})
  const caption = node.child('Caption')
  const head = node.child('TR')
  const body: PdfCell[][] = [
    [{ text: [tagged({ text: table.caption }, caption)], style: 'caption', colSpan: columns.length, border: [false, false, false, false] }, ...columns.slice(1).map(() => ({}))],
    columns.map((col, i) => ({ text: [tagged({ text: col.header }, head.child('TH', { scope: 'Column' }))], style: 'tableHeader', alignment: col.align, ...room(i, []) })),
  ]
  for (const row of table.rows) {
    const style = rowStyles[row.kind]
    const tr = node.child('TR')
    if (row.kind === 'group') {
      body.push([{ text: pdfInlines(row.cells[0]!.content, tr.child('TH', { scope: 'Row' })), style, colSpan: columns.length }, ...columns.slice(1).map(() => ({}))])
      continue
    }
    body.push(columns.map((col, i) => {
      const content = row.cells[i]?.content ?? []
      const cell = i === 0 ? tr.child('TH', { scope: 'Row' }) : tr.child('TD')
      const text = content.length ? pdfInlines(content, cell)
        : [tagged({ text: '–', color: row.kind === 'total' ? c.onPrimary : c.muted }, cell.child('Span', { actual: 'geen bedrag' }))]
      return { text, style, alignment: col.align, ...room(i, content), ...(i > 0 ? { noWrap: true } : {}), ...(row.kind === 'subtotal' ? { fillColor: c.tint } : {}) }
    }))
  }
  const layout: CustomTableLayout = {
    hLineWidth: (i, node) => (i <= 1 || i === node.table.body.length ? 0 : 0.5), vLineWidth: () => 0,
    hLineColor: () => c.rule, paddingLeft: () => (table.compact ? 3 : 5), paddingRight: () => (table.compact ? 3 : 5), paddingTop: () => (table.compact ? 1.5 : 3.5), paddingBottom: () => (table.compact ? 1.5 : 3.5),
  }
  return {
    stack: [
      {
        table: { headerRows: 2, keepWithHeaderRows: Math.min(3, table.rows.length), dontBreakRows: true, widths: columns.map((col) => col.width), body },
        layout, style: table.compact ? 'tableCompact' : 'table',
      },
      ...(table.notes ?? []).map((note) => ({ text: pdfInlines(note, new StructNode('P', parent)), style: 'tableNote' })),
    ],
    unbreakable: shortTable(table),
    margin: [0, 0, 0, table.compact ? 4 : 12],
  } as Content
}
