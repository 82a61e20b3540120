import { escapeHtml } from '../../reports/html/escape-html.js'
import { HtmlBlockWriter } from '../../reports/html/html-blocks.js'
import type { Report } from '../../reports/report-model.js'
import type { ReportTheme } from '../../reports/report-theme.js'
import type { ReportListing } from '../../reports/report-catalogue.js'
import { html, SafeHtml } from '../html.js'
import { headingEntries, pageContents } from './page-contents.js'

/** The report's links to this site's pages (an action's page) as paths, so they stay on the host the reader came through. */
function sameSiteLinks(markup: string, siteUrl: string): string {
  return markup.replaceAll(`href="${escapeHtml(siteUrl)}/`, 'href="/')
}

/**
 * The page of a theme, an alderman or a district: the body of its report (the
 * same blocks the PDF and the HTML report are made of), with links to both.
 * The report's headings start at h2 under the page's own h1.
 */
export function subjectPage(report: Report, listing: ReportListing, theme: ReportTheme, progress?: SafeHtml): SafeHtml {
  const { cover } = report
  return html`
<h1><span class="kicker">${cover.kicker}:</span> ${cover.name}</h1>
<dl class="facts">${cover.facts.map((f) => html`<dt>${f.term}</dt><dd>${f.value}</dd>`)}</dl>
<div class="report-links">
  <a class="button" href="${listing.pdf}" download>Download als PDF (getagd, toegankelijk)<span class="visually-hidden">: ${listing.title}</span></a>
  <a class="button secondary" href="${listing.html}">Lees als webpagina<span class="visually-hidden">: ${listing.title}</span></a>
</div>
${pageContents([...(progress ? [{ id: 'voortgang', text: 'Voortgang' }] : []), ...headingEntries(report.body)])}
${progress}
<div class="report-body">
${new SafeHtml(sameSiteLinks(new HtmlBlockWriter(theme).blocks(report.body), report.siteUrl))}
</div>`
}
