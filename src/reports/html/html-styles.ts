import type { ReportTheme } from '../report-theme.js'

/**
 * The stylesheet of the HTML reports, inline so the page needs no other file:
 * house colours from the theme, readable on screen, and a print style that
 * gives A4 pages, repeats table headings and keeps headings with their text.
 */
export function htmlStyles(theme: ReportTheme): string {
  const c = theme.colors
  return `
:root { --primary: ${c.primary}; --primary-dark: ${c.primaryDark}; --accent: ${c.accent}; --accent-text: ${c.accentText};
  --text: ${c.text}; --muted: ${c.muted}; --bg: ${c.background}; --tint: ${c.tint}; --rule: ${c.rule};
  --on-primary: ${c.onPrimary}; --on-primary-muted: ${c.onPrimaryMuted}; --font: ${theme.fonts.htmlStack}; }
*, *::before, *::after { box-sizing: border-box; }
html { font-family: var(--font); color: var(--text); background: var(--bg); line-height: 1.55; -webkit-text-size-adjust: 100%; }
body { margin: 0; font-size: 1.0625rem; }
a { color: var(--primary); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 1rem; top: -4rem; background: var(--bg); color: var(--primary); padding: 0.5rem 1rem; z-index: 10; font-weight: 600; }
.skip-link:focus { top: 1rem; }
.site-link { background: var(--primary-dark); color: var(--on-primary); padding: 0.5rem max(1.25rem, calc((100% - 58rem) / 2)); font-size: 0.9rem; }
.site-link a { color: var(--on-primary); }
.cover { background: var(--primary); color: var(--on-primary); padding: 3rem max(1.25rem, calc((100% - 58rem) / 2)) 2.5rem; border-bottom: 0.6rem solid var(--accent); }
.cover .municipality { text-transform: uppercase; letter-spacing: 0.15em; font-weight: 600; font-size: 0.85rem; color: var(--on-primary-muted); margin: 0 0 2rem; }
.cover .agreement { font-size: clamp(2rem, 6vw, 3rem); font-weight: 700; line-height: 1.1; margin: 0; }
.cover .subtitle { font-size: 1.25rem; color: var(--on-primary-muted); margin: 0.3rem 0 2.5rem; }
.cover h1 { margin: 0 0 1.75rem; font-size: clamp(1.6rem, 4.5vw, 2.25rem); line-height: 1.15; border-top: 0.3rem solid var(--accent); padding-top: 1.25rem; max-width: 40rem; }
.cover h1 .kicker { display: block; font-size: 1rem; font-weight: 600; color: var(--on-primary-muted); margin-bottom: 0.35rem; }
.cover dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.2rem 1.5rem; margin: 0; font-size: 0.95rem; }
.cover dt { color: var(--on-primary-muted); }
.cover dd { margin: 0; font-weight: 600; }
.toc, main, .page-footer { max-width: 58rem; margin: 0 auto; padding: 0 1.25rem; }
.toc { padding-top: 2rem; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc > ol > li { border-bottom: 1px solid var(--rule); padding: 0.35rem 0; font-weight: 600; }
.toc ol ol { font-weight: 400; font-size: 0.95rem; padding-left: 1.25rem; }
h2, h3, h4 { color: var(--primary); line-height: 1.2; overflow-wrap: break-word; hyphens: auto; }
main > h2 { font-size: clamp(1.45rem, 7vw, 1.9rem); margin: 3.5rem 0 0.75rem; padding-top: 0.75rem; border-top: 0.3rem solid var(--accent); }
h3 { font-size: 1.35rem; margin: 2rem 0 0.5rem; }
h4 { font-size: 1.1rem; color: var(--text); margin: 1.5rem 0 0.4rem; }
.toc h2 { font-size: 1.5rem; }
p { margin: 0 0 0.9rem; }
.lead { font-size: 1.15rem; }
.note, .detail, .table-notes { color: var(--muted); font-size: 0.9rem; }
ul.actions, ol.numbered { padding-left: 1.3rem; margin: 0 0 1.2rem; }
ul.actions li::marker { color: var(--accent-text); }
li { margin-bottom: 0.6rem; }
mark { background: var(--tint); color: inherit; font-weight: 600; box-shadow: inset 0 -0.12em 0 var(--accent); padding: 0 0.1em; }
sup { line-height: 0; }
ul.commitments { list-style: none; color: var(--muted); font-size: 0.9rem; padding-left: 0; margin: -0.4rem 0 1.2rem; }
ul.commitments li { margin-bottom: 0.3rem; }
li p { margin: 0; }
.callout { background: var(--tint); border-left: 0.3rem solid var(--accent); padding: 1rem 1.25rem; margin: 1rem 0 1.5rem; }
.callout h3, .callout h4 { margin: 0 0 0.4rem; font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--accent-text); }
.callout p { font-style: italic; margin: 0; }
dl.facts { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); margin: 0.5rem 0 1.5rem; border-top: 1px solid var(--rule); }
dl.facts > div { display: contents; }
dl.facts dt, dl.facts dd { border-bottom: 1px solid var(--rule); padding: 0.4rem 1rem 0.4rem 0; margin: 0; overflow-wrap: anywhere; }
dl.facts dt { font-weight: 600; color: var(--muted); }
/* Positioned, so the screen-reader-only text inside the cells stays inside the scroll box. */
.table-wrap { overflow-x: auto; position: relative; margin: 0.5rem 0 1.5rem; }
p, li, dd, dt, caption, th { overflow-wrap: break-word; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; color: var(--primary); padding: 0.3rem 0; }
th, td { padding: 0.35rem 0.45rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { background: var(--primary); color: var(--on-primary); }
.num { text-align: right; white-space: nowrap; }
table.marked .num:not(.mark)::after { content: "*"; visibility: hidden; }
tbody th[scope="row"] { font-weight: 400; }
tr.group th { background: var(--tint); color: var(--primary); font-weight: 600; }
tr.subtotal > * { background: var(--tint); font-weight: 600; }
tr.total > * { background: var(--primary-dark); color: var(--on-primary); font-weight: 600; }
/* Below its natural width the chart scrolls rather than shrinks its labels out of legibility; its data follows as a table. */
.chart { margin: 1rem 0 0.5rem; overflow-x: auto; position: relative; }
.chart svg { min-width: 30rem; }
.chart svg { width: 100%; max-width: 40rem; height: auto; display: block; }
.chart svg text { font-family: var(--font); }
.page-footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; color: var(--muted); font-size: 0.9rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  html { font-size: 10pt; }
  body { font-size: 10pt; }
  .skip-link, .toc { display: none; }
  .cover, tr.total > *, thead th, .callout, tr.group th, tr.subtotal > * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .cover { min-height: 250mm; break-after: page; }
  main > h2 { break-before: page; border-top: none; margin-top: 0; }
  h2, h3, h4, caption { break-after: avoid; }
  li, tr, .callout, dl.facts > div, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  /* Printed once, at the end: a totals row repeated under every page of a table would read as a page total. */
  tfoot { display: table-row-group; }
  .table-wrap { overflow: visible; }
  a { color: inherit; }
}
`.trim()
}
