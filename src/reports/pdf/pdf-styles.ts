import type { Style, StyleDictionary } from 'pdfmake/interfaces.js'
import type { ReportTheme } from '../report-theme.js'

/** The pdfmake styles of the reports, all taken from the theme. */
export function pdfStyles(theme: ReportTheme): { defaultStyle: Style; styles: StyleDictionary } {
  const { colors: c, sizes: s } = theme
  return {
    defaultStyle: { font: theme.fonts.family, fontSize: s.body, lineHeight: 1.3, color: c.text },
    styles: {
      h1: { fontSize: s.h1, bold: true, color: c.primary, lineHeight: 1.1, margin: [0, 0, 0, 4] },
      h2: { fontSize: s.h2, bold: true, color: c.primary, lineHeight: 1.15, margin: [0, 16, 0, 6] },
      h3: { fontSize: s.h3, bold: true, color: c.text, lineHeight: 1.2, margin: [0, 12, 0, 4] },
      body: { margin: [0, 0, 0, 8] },
      lead: { fontSize: s.body + 1, color: c.text, margin: [0, 0, 0, 10] },
      note: { fontSize: s.small, color: c.muted, margin: [0, 0, 0, 8] },
      detail: { fontSize: s.small, color: c.muted, lineHeight: 1.25 },
      list: { margin: [0, 0, 0, 10] },
      calloutTitle: { fontSize: s.small + 1, bold: true, color: c.accentText, characterSpacing: 0.6, margin: [0, 0, 0, 4] },
      calloutText: { fontSize: s.body, italics: true, color: c.text },
      caption: { fontSize: s.small + 0.5, bold: true, color: c.primary, margin: [0, 6, 0, 4] },
      table: { fontSize: s.table, lineHeight: 1.2, margin: [0, 0, 0, 4] },
      tableCompact: { fontSize: s.table - 0.5, lineHeight: 1.15, margin: [0, 0, 0, 2] },
      tableHeader: { bold: true, color: c.onPrimary, fillColor: c.primary },
      tableGroup: { bold: true, color: c.primary, fillColor: c.tint },
      tableSubtotal: { bold: true },
      tableTotal: { bold: true, color: c.onPrimary, fillColor: c.primaryDark },
      tableNote: { fontSize: s.small - 0.5, color: c.muted, lineHeight: 1.25, margin: [0, 2, 0, 0] },
      factTerm: { bold: true, color: c.muted, fontSize: s.body - 0.5 },
      mark: { bold: true, color: c.primary },
      commitments: { fontSize: s.small, color: c.muted, lineHeight: 1.25, margin: [0, -4, 0, 8] },
      link: { color: c.primary, decoration: 'underline' },
      tocTitle: { fontSize: s.h1, bold: true, color: c.primary, margin: [0, 0, 0, 18] },
      toc1: { fontSize: s.body + 1, bold: true, color: c.text },
      toc2: { fontSize: s.body - 0.5, color: c.muted },
      runningHeader: { fontSize: s.small, color: c.muted },
      furniture: {},
    },
  }
}
