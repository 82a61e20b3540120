import type { ProgressSummary } from '../../editorial/progress-snapshot.js'
import { progressStatuses } from '../../editorial/progress-vocabulary.js'
import { statusStyles } from '../../reports/progress/progress-labels.js'
import type { ReportTheme } from '../../reports/report-theme.js'

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The text alternative of a summary of commitments: every status with its count, in vocabulary order. */
function describeSummary(summary: ProgressSummary): string {
  const total = progressStatuses.reduce((sum, s) => sum + summary[s], 0)
  const parts = progressStatuses.map((s) => `${statusStyles[s].label}: ${summary[s]}`)
  return `Staafdiagram van de voortgang van ${total} ${total === 1 ? 'toezegging' : 'toezeggingen'}: ${parts.join(', ')}.`
}

/**
 * Counts per status as horizontal bars, one row per status with its label and
 * count as real text beside the bar (so colour is never the only signal).
 * Presentation attributes only: no style attributes, which a strict CSP forbids.
 */
export function statusChartSvg(summary: ProgressSummary, theme: ReportTheme, id: string): string {
  const rowHeight = 26
  const width = 480
  const labelWidth = 150
  const countWidth = 40
  const height = progressStatuses.length * rowHeight + 8
  const max = Math.max(1, ...progressStatuses.map((s) => summary[s]))
  const plot = width - labelWidth - countWidth
  const font = `font-family="${escapeXml(theme.fonts.family)}, sans-serif"`
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">Voortgang per status</title>`,
    `<desc id="${id}-desc">${escapeXml(describeSummary(summary))}</desc>`,
  ]
  progressStatuses.forEach((status, i) => {
    const y = 4 + i * rowHeight
    // A count of one among hundreds still shows as a bar.
    const barWidth = summary[status] === 0 ? 0 : Math.max(4, Math.round((summary[status] / max) * plot * 100) / 100)
    const { label, colour } = statusStyles[status]
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 16}" ${font} font-size="12" fill="${theme.colors.text}" text-anchor="end">${escapeXml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${rowHeight - 8}" fill="${colour}"/>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 16}" ${font} font-size="12" font-weight="bold" fill="${theme.colors.text}">${summary[status]}</text>`,
    )
  })
  parts.push(`<line x1="${labelWidth}" y1="2" x2="${labelWidth}" y2="${height - 2}" stroke="${theme.colors.text}" stroke-width="1"/>`, '</svg>')
  return parts.join('\n')
}
