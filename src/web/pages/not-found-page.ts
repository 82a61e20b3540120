import type { ReportTheme } from '../../reports/report-theme.js'
import { html, type SafeHtml } from '../html.js'
import { pageLayout } from '../page-layout.js'
import { searchForm } from './search-form.js'

/** The page for an address the site does not have, with a way on. */
export function notFoundPage(theme: ReportTheme, message: string): SafeHtml {
  return pageLayout({
    title: 'Niet gevonden',
    theme,
    content: html`<h1>Niet gevonden</h1><p>${message}</p><p><a href="/">Naar de beginpagina</a></p>${searchForm('')}`,
  })
}
