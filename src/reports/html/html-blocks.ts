import { barChartSvg } from '../bar-chart-svg.js'
import type { Block, CalloutBlock, ChartBlock, FactsBlock, HeadingBlock, ListBlock, RichText, TableBlock, TableRow } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'
import { escapeHtml as e } from './escape-html.js'

/** Text runs as HTML. A terse mark with an alt is shown to the eye and spelled out to a screen reader. */
function htmlInlines(content: RichText): string {
  return content.map((run) => {
    let html = run.alt ? `<span aria-hidden="true">${e(run.text)}</span><span class="sr-only">${e(run.alt)}</span>` : e(run.text)
    if (run.sup) html = `<sup>${html}</sup>`
    if (run.em) html = `<em>${html}</em>`
    if (run.strong) html = `<strong>${html}</strong>`
    if (run.mark) html = `<mark>${html}</mark>`
    if (run.lang) html = `<span lang="${e(run.lang)}">${html}</span>`
    if (run.href) html = `<a href="${e(run.href)}">${html}</a>`
    return html
  }).join('')
}

/**
 * Writes the report body as semantic HTML. Model level n becomes h(n+1): the
 * page's h1 is the cover title, so headings run in order without gaps.
 */
export class HtmlBlockWriter {
  private figures = 0
  private tables = 0

  constructor(private readonly theme: ReportTheme) {}

  blocks(blocks: readonly Block[]): string {
    return blocks.map((block) => this.block(block)).join('\n')
  }

  private block(block: Block): string {
    switch (block.kind) {
      case 'heading': return heading(block)
      case 'paragraph': return `<p${block.variant ? ` class="${block.variant}"` : ''}>${htmlInlines(block.content)}</p>`
      case 'list': return list(block)
      case 'callout': return callout(block)
      case 'facts': return facts(block)
      case 'table': return table(block, `tabel-${++this.tables}`)
      case 'chart': return this.chart(block)
    }
  }

  private chart(chart: ChartBlock): string {
    this.figures += 1
    const svg = barChartSvg(chart, this.theme, { id: `grafiek-${this.figures}` })
    // The heading above names the chart; the SVG carries its own title and description for screen readers.
    // The chart scrolls on a narrow screen: focusable, so a keyboard can scroll it too.
    return `<div class="chart" tabindex="0" role="group" aria-label="${e(chart.title)}">\n${svg}\n</div>\n${table(chart.data, `tabel-${++this.tables}`)}`
  }
}

const heading = (h: HeadingBlock) => `<h${h.level + 1} id="${e(h.id)}">${e(h.text)}</h${h.level + 1}>`

function list(block: ListBlock): string {
  const items = block.items.map((item) =>
    `<li><p>${htmlInlines(item.content)}</p>${(item.details ?? []).map((d) => `<p class="detail">${htmlInlines(d)}</p>`).join('')}</li>`)
  const tag = block.ordered ? 'ol' : 'ul'
  const start = block.ordered && block.start !== undefined && block.start !== 1 ? ` start="${block.start}"` : ''
  const className = block.variant ?? (block.ordered ? 'numbered' : 'actions')
  return `<${tag} class="${className}"${start}>\n${items.join('\n')}\n</${tag}>`
}

const callout = (block: CalloutBlock) => `<div class="callout">\n${heading(block.heading)}\n<p>${htmlInlines(block.content)}</p>\n</div>`

const facts = (block: FactsBlock) =>
  `<dl class="facts">\n${block.items.map((f) => `<div><dt>${e(f.term)}</dt><dd>${htmlInlines(f.value)}</dd></div>`).join('\n')}\n</dl>`

/**
 * A real data table: caption, column headers with scope, the first cell of each
 * row as its row header, each category as a tbody headed by a rowgroup header,
 * and the totals in tfoot.
 */
function table(block: TableBlock, id: string): string {  const marked = block.rows.some((row) => row.cells.some((cell) => cell.content.at(-1)?.text === '*'))
  const num = (i: number) => block.columns[i]?.align === 'right'
  const cells = (row: TableRow) => block.columns.map((_, i) => {
    const content = row.cells[i]?.content ?? []
    if (i === 0) return `<th scope="row">${htmlInlines(content)}</th>`
    const mark = content.at(-1)?.text === '*' ? ' mark' : ''
    const html = content.length ? htmlInlines(content) : '<span aria-hidden="true">–</span><span class="sr-only">geen bedrag</span>'
    return `<td${num(i) ? ` class="num${mark}"` : ''}>${html}</td>`
  }).join('')
  const bodies: string[][] = [[]]
  const foot: string[] = []
  for (const row of block.rows) {
    if (row.kind === 'group') {
      bodies.push([`<tr class="group"><th scope="rowgroup" colspan="${block.columns.length}">${htmlInlines(row.cells[0]!.content)}</th></tr>`])
    } else if (row.kind === 'total') {
      foot.push(`<tr class="total">${cells(row)}</tr>`)
    } else {
      bodies.at(-1)!.push(`<tr${row.kind === 'subtotal' ? ' class="subtotal"' : ''}>${cells(row)}</tr>`)
    }
  }
  const head = `<thead><tr>${block.columns.map((col, i) => `<th scope="col"${num(i) ? ' class="num"' : ''}>${e(col.header)}</th>`).join('')}</tr></thead>`
  return [
    `<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">`,
    `<table${marked ? ' class="marked"' : ''}>`,
    `<caption id="${id}">${e(block.caption)}</caption>`,
    head,
    ...bodies.filter((rows) => rows.length > 0).map((rows) => `<tbody>\n${rows.join('\n')}\n</tbody>`),
    ...(foot.length ? [`<tfoot>\n${foot.join('\n')}\n</tfoot>`] : []),
    '</table>',
    '</div>',
    ...(block.notes?.length ? [`<div class="table-notes">\n${block.notes.map((n) => `<p>${htmlInlines(n)}</p>`).join('\n')}\n</div>`] : []),
  ].join('\n')
}
