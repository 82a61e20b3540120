import type { ReportTheme } from '../reports/report-theme.js'
import { cc0Iri } from '../model/cc0.js'
import { feedPaths } from '../publication/write-feeds.js'
import { styleText } from './css-text.js'
import { html, type SafeHtml } from './html.js'
import { webPaths } from './web-paths.js'

/** What every page of the site needs besides its content. */
/** One step of a breadcrumb trail: the current page comes last, without a link. */
export interface TrailStep {
  label: string
  href?: string
}

/** The breadcrumb trail above a page heading, shared by the public pages and the editorial screens; nothing for an empty one. */
export function breadcrumbTrail(trail: readonly TrailStep[] | undefined): SafeHtml | '' {
  if (!trail || trail.length === 0) return ''
  return html`<nav aria-label="Kruimelpad" class="trail"><ol>${trail.map((step) =>
    step.href ? html`<li><a href="${step.href}">${step.label}</a></li>` : html`<li aria-current="page">${step.label}</li>`)}</ol></nav>`
}

export interface PageShell {
  title: string
  /** The trail above the page heading: label and link, the current page last (without link). */
  trail?: TrailStep[]
  content: SafeHtml
  theme: ReportTheme
  /** What this page holds, in a sentence or two: the meta description and og:description. */
  description?: string
  /** The page's absolute address under PUBLIC_BASE_URL: og:url and the canonical link. */
  url?: string
  /** More for <head>: the home page's schema.org Dataset markup. */
  head?: SafeHtml
}

const siteName = 'Open Akkoord Assen'
const defaultDescription = 'Het bestuursakkoord 2022-2026 van de gemeente Assen als open data: thema\'s, afspraken, doelen, begroting, wethouders en wijken.'

const navigation = [
  { href: '/#themas', label: "Thema's" },
  { href: '/#wethouders', label: 'Wethouders' },
  { href: '/#wijken', label: 'Wijken' },
  { href: webPaths.progress, label: 'Voortgang' },
  { href: '/rapporten', label: 'Rapporten' },
  { href: '/#data', label: 'Data en API' },
]

/** The house colours as CSS custom properties, from the same theme file the reports use. */
export function themeStyle(theme: ReportTheme): string {
  const c = theme.colors
  return `:root{--primary:${c.primary};--primary-dark:${c.primaryDark};--accent:${c.accent};--accent-text:${c.accentText};` +
    `--text:${c.text};--muted:${c.muted};--background:${c.background};--tint:${c.tint};--rule:${c.rule};` +
    `--on-primary:${c.onPrimary};--on-primary-muted:${c.onPrimaryMuted};--font:${theme.fonts.htmlStack}}`
}

/** Wraps page content in the site's shell: skip link, header, navigation, breadcrumbs and footer. */
export function pageLayout({ title, trail, content, theme, description = defaultDescription, url, head }: PageShell): SafeHtml {
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${siteName}</title>
<meta name="description" content="${description}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="website">
<meta property="og:locale" content="nl_NL">
<meta property="og:site_name" content="${siteName}">
${url ? html`<meta property="og:url" content="${url}">
<link rel="canonical" href="${url}">` : ''}
${head ?? ''}
<style>${styleText(themeStyle(theme))}</style>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" title="Nieuwe versies van de open data" href="/data/${feedPaths.releases}">
<link rel="alternate" type="application/atom+xml" title="Gepubliceerde voortgang" href="/data/${feedPaths.progress}">
<link rel="stylesheet" href="/static/site.css">
<script src="/static/site.js" defer></script>
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-name" href="/">Open Akkoord <span>Assen</span></a>
    <nav aria-label="Hoofdmenu"><ul>${navigation.map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}</ul></nav>
  </div>
</header>
<main id="inhoud" class="wrap" tabindex="-1">
${breadcrumbTrail(trail)}
${content}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>De gegevens zijn vrij te gebruiken onder <a href="${cc0Iri}" lang="en">CC0 1.0</a>.
    Bron: het bestuursakkoord <a href="/data/source/bestuursakkoord-assen-2022-2026.txt">Dichtbij &amp; Daadkrachtig</a> van de gemeente Assen.</p>
    <p><a href="/graphql">GraphQL API</a> · <a href="/schema.graphql">Schema</a> · <a href="/data/">Open data</a> · <a href="/rapporten">Rapporten</a> · <a href="/statussen">Statussen</a> · <a href="/toegankelijkheid">Toegankelijkheid</a></p>
    <p>Een uitgave van de gemeente Assen, Noordersingel 33, 9401 JW Assen (adres zoals in het akkoord). Vragen of opmerkingen: <a href="mailto:info@assen.nl">info@assen.nl</a> · <a href="https://www.assen.nl">www.assen.nl</a>.</p>
    <p>Privacy: deze site plaatst geen cookies, volgt bezoekers niet en gebruikt geen analyse- of advertentiediensten. De server bewaart alleen wat nodig is om de site te laten werken.</p>
  </div>
</footer>
</body>
</html>`
}
