import { readFileSync } from 'node:fs'
import type { HeadingBlock, Report } from '../report-model.js'
import type { ReportTheme } from '../report-theme.js'
import { escapeHtml as e } from './escape-html.js'
import { HtmlBlockWriter } from './html-blocks.js'
import { htmlStyles } from './html-styles.js'

/** The table of contents as nested lists of links, chapters with their sections. */
function tableOfContents(headings: HeadingBlock[]): string {
  const chapters: { heading: HeadingBlock; sections: HeadingBlock[] }[] = []
  for (const h of headings) {
    if (h.level === 1 || chapters.length === 0) chapters.push({ heading: h, sections: [] })
    else chapters.at(-1)!.sections.push(h)
  }
  const link = (h: HeadingBlock) => `<a href="#${e(h.id)}">${e(h.text)}</a>`
  const items = chapters.map(({ heading, sections }) =>
    `<li>${link(heading)}${sections.length ? `<ol>${sections.map((s) => `<li>${link(s)}</li>`).join('')}</ol>` : ''}</li>`)
  return `<nav class="toc" aria-labelledby="inhoudsopgave">\n<h2 id="inhoudsopgave">Inhoud</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</nav>`
}

/**
 * Renders a report as one standalone, accessible HTML page: lang="nl", the
 * cover as the page header with the only h1, a table of contents, semantic
 * headings and tables, the chart as inline SVG with a text alternative, and
 * inline styles for screen and print. It loads nothing from anywhere.
 */
export function renderHtml(report: Report, theme: ReportTheme): string {
  const { cover, meta } = report
  const headings = report.body.filter((b): b is HeadingBlock => b.kind === 'heading' && b.toc)
  const lang = meta.language.split('-')[0]
  return `<!DOCTYPE html>
<html lang="${e(lang!)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(meta.title)}</title>
<meta name="author" content="${e(meta.author)}">
<meta name="description" content="${e(meta.subject)}">
<meta name="keywords" content="${e(meta.keywords.join(', '))}">
<meta name="generator" content="Open Akkoord">
<meta name="dcterms.modified" content="${e(report.dataVersion)}">
<style>
${htmlStyles(theme)}
</style>
</head>
<body>
<a class="skip-link" href="#inhoud">Direct naar de inhoud</a>
<nav class="site-link" aria-label="Site"><a href="${e(report.siteUrl)}/">Open Akkoord Assen</a> · <a href="${e(report.siteUrl)}/rapporten">Alle rapporten</a></nav>
<header class="cover">
${logoImage(theme)}<p class="municipality">${e(cover.municipality)}</p>
<p class="agreement">${e(cover.title)}</p>
<p class="subtitle">${e(cover.subtitle)}</p>
<h1><span class="kicker">${e(cover.kicker)}<span class="sr-only">:</span></span> ${e(cover.name)}</h1>
<dl>
${cover.facts.map((f) => `<dt>${e(f.term)}</dt><dd>${e(f.value)}</dd>`).join('\n')}
</dl>
</header>
${tableOfContents(headings)}
<main id="inhoud" tabindex="-1">
${new HtmlBlockWriter(theme).blocks(report.body)}
</main>
<footer class="page-footer">
<p>${e(meta.author)} · ${e(cover.title)}, ${e(cover.subtitle)}${report.footerText ? '' : ` · dataversie ${e(report.dataVersion)}`}</p>
</footer>
</body>
</html>
`
}

/** The municipality's logo from the theme, inline (the page loads nothing else), with the municipality as its text. */
function logoImage(theme: ReportTheme): string {
  if (!theme.logo) return ''
  const type = /\.png$/i.test(theme.logo) ? 'image/png' : 'image/jpeg'
  return `<img class="logo" src="data:${type};base64,${readFileSync(theme.logo).toString('base64')}" alt="Logo ${e(theme.name)}" height="56">\n`
}
