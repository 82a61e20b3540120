import type { ChartBlock } from './report-model.js'
import type { ReportTheme } from './report-theme.js'

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

export interface ChartSvgOptions {
  /** Prefix of the ids of <title> and <desc>, unique in the page. */
  id: string
  width?: number
  height?: number
}

/**
 * The bar chart as SVG: bars, gridlines, and every label as real text. The
 * same markup goes inline into the HTML (role="img" with <title> and <desc>)
 * and through pdfmake's SVG support into the PDF, so both show one drawing.
 */
export function barChartSvg(chart: ChartBlock, theme: ReportTheme, options: ChartSvgOptions): string {
  const { width = 480, height = 250, id } = options
  const c = theme.colors
  const plot = { left: 84, right: width - 8, top: 22, bottom: height - (chart.bars.some((b) => labelLines(b.label, (width - 92) / chart.bars.length).length > 1) ? 38 : 30) }
  const top = chart.ticks.at(-1)?.value ?? Math.max(...chart.bars.map((b) => b.value))
  const y = (value: number) => plot.bottom - (value / top) * (plot.bottom - plot.top)
  const band = (plot.right - plot.left) / chart.bars.length
  const barWidth = Math.min(band * 0.56, 56)
  const font = `font-family="${escapeXml(theme.fonts.family)}, sans-serif"`
  const r = (n: number) => Math.round(n * 100) / 100
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(chart.description)}</desc>`,
  ]
  for (const tick of chart.ticks) {
    const ty = r(y(tick.value))
    parts.push(`<line x1="${plot.left}" y1="${ty}" x2="${plot.right}" y2="${ty}" stroke="${c.rule}" stroke-width="${tick.value === 0 ? 1.2 : 0.6}"/>`)
    parts.push(`<text x="${plot.left - 8}" y="${r(ty + 3)}" ${font} font-size="8" fill="${c.muted}" text-anchor="end">${escapeXml(tick.label)}</text>`)
  }
  chart.bars.forEach((bar, i) => {
    const cx = plot.left + band * (i + 0.5)
    const by = y(bar.value)
    parts.push(`<rect x="${r(cx - barWidth / 2)}" y="${r(by)}" width="${r(barWidth)}" height="${r(plot.bottom - by)}" fill="${c.primary}"/>`)
    parts.push(`<text x="${r(cx)}" y="${r(by - 6)}" ${font} font-size="8.5" font-weight="bold" fill="${c.text}" text-anchor="middle">${escapeXml(bar.valueLabel)}</text>`)
    parts.push(axisLabel(bar.label, r(cx), plot.bottom, band, font, c.text))
  })
  parts.push(`<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${c.text}" stroke-width="1"/>`, '</svg>')
  return parts.join('\n')
}

/** Roboto's average letter is about half an em wide: a label wider than its band is set in two lines. */
function labelLines(label: string, band: number): string[] {
  const words = label.split(' ')
  if (words.length < 2 || label.length * 9 * 0.5 <= band) return [label]
  const half = Math.ceil(words.length / 2)
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')]
}

/** A bar's label under the axis, in one line or, when it would run into its neighbours, two. */
function axisLabel(label: string, x: number, bottom: number, band: number, font: string, color: string): string {
  const lines = labelLines(label, band)
  const tspans = lines.map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : 10}">${escapeXml(line)}</tspan>`).join('')
  return `<text x="${x}" y="${bottom + 16}" ${font} font-size="9" fill="${color}" text-anchor="middle">${tspans}</text>`
}
