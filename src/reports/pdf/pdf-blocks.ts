import type { Content, CustomTableLayout } from 'pdfmake/interfaces.js'
import { barChartSvg } from '../bar-chart-svg.js'
import { pdfInlines } from './pdf-inlines.js'
import { pdfTable, shortTable } from './pdf-table.js'
import { StructNode, tagged } from './pdf-structure.js'
import type { Block, CalloutBlock, ChartBlock, FactsBlock, HeadingBlock, ListBlock } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'

/** Converts the report body, keeping the state the bookmarks need (the chapter a section belongs to). */
export class PdfBlockWriter {
  private chapterId: string | null = null
  private charts = 0

  constructor(private readonly theme: ReportTheme, private readonly contentWidth: number, private readonly chaptersOnNewPage: boolean) {}

  /**
   * Converts blocks in order. Headings (and the short notes under them) go into
   * one unbreakable stack with the start of what follows (a paragraph, the first
   * item of a list, a callout, chart or short table), so a heading never ends a
   * page alone; a heading marked keepTogether takes its whole short section.
   * This costs pdfmake no second layout pass, which its pageBreakBefore rule does.
   */
  blocks(blocks: readonly Block[]): Content[] {
    const out: Content[] = []
    let group: Content[] = []
    let headings = new Set<Content>()
    let keepAll = false
    const seal = () => {
      if (group.some((c) => !headings.has(c))) out.push(this.unbreakable(group, headings))
      else out.push(...group)
      group = []
      headings = new Set()
    }
    for (const block of blocks) {
      if (block.kind === 'heading') {
        if (group.some((c) => !headings.has(c))) seal()
        const heading = this.heading(block)
        group.push(heading)
        headings.add(heading)
        keepAll = block.keepTogether ?? false
      } else if (group.length === 0) {
        out.push(this.block(block))
      } else if (keepAll || (block.kind === 'paragraph' && block.variant === 'note')) {
        group.push(this.block(block))
      } else {
        const [lead, rest] = this.split(block)
        if (lead) {
          group.push(lead)
          seal()
          if (rest) out.push(rest)
        } else {
          // A long table cannot join: its caption row and heading rows keep with its first rows instead.
          out.push(...group, this.block(block))
          group = []
          headings = new Set()
        }
      }
    }
    seal()
    return out
  }

  /**
   * Wraps a group in an unbreakable stack. A page break asked for by its first heading moves to the stack, and its
   * headings leave the page-break rule: a page break set inside an unbreakable stack makes pdfmake drop the stack.
   */
  private unbreakable(group: Content[], headings: Set<Content>): Content {
    const pageBreak = (group[0] as { pageBreak?: string }).pageBreak
    for (const h of headings as Set<{ pageBreak?: string; headlineLevel?: number }>) {
      delete h.pageBreak
      delete h.headlineLevel
    }
    return { stack: group, unbreakable: true, ...(pageBreak ? { pageBreak } : {}) } as Content
  }

  /** The part of a block that may join the headings before it, and the rest; a long table cannot join. */
  private split(block: Block): [Content | null, Content | null] {
    if (block.kind === 'list' && block.items.length > 1) {
      const node = new StructNode('L', null)
      return [this.list({ ...block, items: block.items.slice(0, 1) }, 1, false, node), this.list({ ...block, items: block.items.slice(1) }, 2, true, node)]
    }
    if (block.kind === 'table' && !shortTable(block)) return [null, null]
    return [this.block(block), null]
  }

  private block(block: Block): Content {
    switch (block.kind) {
      case 'heading': return this.heading(block)
      case 'paragraph': return { text: pdfInlines(block.content, new StructNode('P', null)), style: block.variant ?? 'body' }
      case 'list': return this.list(block)
      case 'callout': return this.callout(block)
      case 'facts': return this.facts(block)
      case 'table': return pdfTable(block, this.theme, null)
      case 'chart': return this.chart(block)
    }
  }

  private heading(h: HeadingBlock): Content {
    const first = h.level === 1 && this.chapterId === null
    const parent = h.level === 1 ? undefined : this.chapterId ?? undefined
    if (h.level === 1) this.chapterId = h.id
    return {
      text: [tagged({ text: h.text }, new StructNode(`H${h.level}`, null))], id: h.id, style: `h${h.level}`,
      // headlineLevel lets the page-break rule keep a heading with what follows it.
      headlineLevel: h.level,
      ...(h.level === 1 ? { pageBreak: this.chaptersOnNewPage || first || h.newPage ? 'before' : undefined, margin: [0, first || this.chaptersOnNewPage || h.newPage ? 0 : 26, 0, 4] } : {}),
      // The bookmarks; the contents page is written by pdfContents from the same headings.
      ...(h.toc ? { outline: true, outlineText: h.text, ...(parent ? { outlineParentId: parent } : {}) } : {}),
    } as Content
  }

  /** A list; start and last let a list split in two read as one. */
  private list(list: ListBlock, start = 1, last = true, node = new StructNode('L', null)): Content {
    const items = list.items.map((item) => {
      const body = node.child('LI').child('LBody')
      return {
        stack: [{ text: pdfInlines(item.content, body.child('P')) }, ...(item.details ?? []).map((d) => ({ text: pdfInlines(d, body.child('P')), style: 'detail' }))],
        margin: [0, 0, 0, list.variant ? 2 : 5],
        unbreakable: true,
      }
    })
    const style = list.variant ?? (last ? 'list' : undefined)
    const marker = { markerColor: this.theme.colors.accent, ...(style ? { style } : {}) }
    const first = (list.start ?? 1) + start - 1
    return (list.ordered ? { ol: items, start: first, ...marker } : { ul: items, type: list.variant ? 'none' : 'square', ...marker }) as Content
  }

  private callout(callout: CalloutBlock): Content {
    const layout: CustomTableLayout = {
      hLineWidth: () => 0, vLineWidth: (i) => (i === 0 ? 3 : 0), vLineColor: () => this.theme.colors.accent,
      paddingLeft: () => 14, paddingRight: () => 12, paddingTop: () => 10, paddingBottom: () => 10,
    }
    return {
      table: {
        widths: ['*'], dontBreakRows: true,
        body: [[{
          fillColor: this.theme.colors.tint,
          stack: [
            { text: [tagged({ text: callout.heading.text.toUpperCase() }, new StructNode(`H${callout.heading.level}`, null, { actual: callout.heading.text }))], id: callout.heading.id, style: 'calloutTitle' },
            { text: pdfInlines(callout.content, new StructNode('P', null)), style: 'calloutText' },
          ],
        }]],
      },
      layout, margin: [0, 4, 0, 12],
    } as Content
  }

  private facts(facts: FactsBlock): Content {
    const table = new StructNode('Table', null)
    const row = (term: string, value: FactsBlock['items'][number]['value']) => {
      const tr = table.child('TR')
      return [{ text: [tagged({ text: term }, tr.child('TH', { scope: 'Row' }))], style: 'factTerm' }, { text: pdfInlines(value, tr.child('TD')) }]
    }
    const layout: CustomTableLayout = {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5), vLineWidth: () => 0,
      hLineColor: () => this.theme.colors.rule, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 4, paddingBottom: () => 4,
    }
    return {
      // A few lines of facts belong together: they move to the next page whole.
      unbreakable: true,
      table: { widths: [118, '*'], dontBreakRows: true, body: facts.items.map((f) => row(f.term, f.value)) },
      layout, margin: [0, 2, 0, 12],
    } as Content
  }

  private chart(chart: ChartBlock): Content {
    const width = Math.min(this.contentWidth, 480)
    return {
      // The heading above names the chart; its title stays in the SVG.
      stack: [
        tagged({ svg: barChartSvg(chart, this.theme, { id: `grafiek-${++this.charts}`, width, height: chart.compact ? 100 : 240 }), width, margin: [0, 4, 0, chart.compact ? 2 : 8] },
          new StructNode('Figure', null, { alt: `${chart.title}. ${chart.description}` })),
        pdfTable(chart.data, this.theme, null),
      ],
      unbreakable: true,
    } as Content
  }
}
