import { readdirSync } from 'node:fs'
import { sep } from 'node:path'
import { currentRelease } from '../publication/release-store.js'
import type { Config } from '../config.js'
import { buildReport, type ReportSource } from '../reports/build-report.js'
import { barChartSvg } from '../reports/bar-chart-svg.js'
import type { ReportSources } from '../reports/report-sources.js'
import type { StoreLease } from '../store/store-lease.js'
import { listReports, type ReportListing } from '../reports/report-catalogue.js'
import { createReportContext } from '../reports/report-context.js'
import { loadReportTheme, type ReportTheme } from '../reports/report-theme.js'
import { budgetChart } from '../reports/sections/budget-chart.js'
import { html, SafeHtml } from './html.js'
import { webPaths } from './web-paths.js'
import { subjectActions, type ProgressSubjectType } from '../reports/progress/subject-actions.js'
import { accessibilityPage } from './pages/accessibility-page.js'
import { statusesPage } from './pages/statuses-page.js'
import { pageLayout } from './page-layout.js'
import { datasetJsonLd, jsonLdScript } from './dataset-markup.js'
import { shortTitle } from './search-hits.js'
import { homePage, type PublishedFile } from './pages/home-page.js'
import { reportsPage } from './pages/reports-page.js'
import { subjectPage } from './pages/subject-page.js'
import { robotsTxt, sitemapXml } from './site-files.js'
import { wooSitemapXml } from './woo-sitemap.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { commitmentProgress } from '../editorial/commitment-progress.js'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import type { ProgressSnapshot } from '../editorial/progress-snapshot.js'
import { progressSnapshot } from '../editorial/served-public-view.js'
import type { AgreementView } from '../read-model/agreement-view.js'
import { actionPage, actionContext } from './pages/action-page.js'
import { actionsListPage, parseActionFilters, type ActionFilters } from './pages/actions-list-page.js'
import { progressSection } from './progress/progress-section.js'
import { recentChanges } from './progress/recent-changes.js'
import type { ReportingRound } from '../editorial/reporting-rounds.js'
import { publicRounds } from '../editorial/public-rounds.js'
import { latestRoundPicture, roundPicture } from '../editorial/round-picture.js'
import { formatDate } from '../reports/dutch-text.js'
import { progressPage } from './pages/progress-page.js'
import { pictureModified } from './progress/picture-modified.js'

/** The subjects that have a page of their own, by the path segment the site uses. */
const subjectTypes: Record<string, ProgressSubjectType> = { thema: 'theme', wethouder: 'portfolio', wijk: 'district' }

/** The action list's query parameter for each subject type. */
const filterParameter: Record<ProgressSubjectType, string> = { theme: 'thema', portfolio: 'wethouder', district: 'wijk' }

/** The main downloads of a publication, as the home page lists them (the rest is in the /data/ index). */
const mainDownloads: { pattern: RegExp; title: string }[] = [
  { pattern: /^open-akkoord\.zip$/, title: 'Alles in één zip-bestand' },
  { pattern: /^open-akkoord\.xlsx$/, title: 'Excel-werkmap met alle tabellen' },
  { pattern: /^toezeggingen\.csv$/, title: 'Alle toezeggingen in één tabel (CSV)' },
  { pattern: /^LEESMIJ\.txt$/, title: 'Leesmij: de bestanden, citeren en licentie' },
  { pattern: /^datapackage\.json$/, title: 'Data Package (Frictionless) met een CSV-bestand per tabel' },
  { pattern: /^json\/.+\.json$/, title: 'Het hele akkoord als één JSON-document' },
  { pattern: /^rdf\/.+\.ttl$/, title: 'Linked data (RDF, Turtle)' },
  { pattern: /^rdf\/.+\.jsonld$/, title: 'Linked data (RDF, JSON-LD)' },
  { pattern: /^open-akkoord\.sqlite$/, title: 'SQLite-database' },
  { pattern: /^SHA256SUMS$/, title: 'Controlegetallen (SHA-256)' },
]

/**
 * The pages of the public site, rendered from the same read model and report
 * builders as the reports. One instance serves one database generation: the
 * agreement is read once, and each page is rendered once and then cached.
 */
export class WebSite {
  readonly theme: ReportTheme
  private listings: ReportListing[] | undefined

  constructor(private readonly config: Config, private readonly sources: ReportSources, private readonly editorial: EditorialStore) {
    this.theme = loadReportTheme(config.reports.themePath)
  }

  /** The current agreement whole, read through the report sources the reports route shares. */
  async current(lease: StoreLease): Promise<{ source: ReportSource; listings: ReportListing[] }> {
    const { source } = await this.sources.get(lease, null)
    this.listings ??= listReports(source.view)
    return { source, listings: this.listings }
  }

  async home(lease: StoreLease): Promise<SafeHtml> {
    const { source } = await this.current(lease)
    const ctx = createReportContext(source.view, { totalsLabel: source.totalsLabel, baseUrl: source.baseUrl, type: 'budget', slug: null, tocDepth: 1 })
    const chart = new SafeHtml(barChartSvg(budgetChart(ctx), this.theme, { id: 'grafiek-begroting' }))
    const snapshot = await this.progress(source.view)
    const round = await this.latestRound(source.view)
    const progress = html`${progressSection(snapshot, source.view.actions, this.theme, { id: 'grafiek-voortgang', listHref: webPaths.actions })}
<p class="round-note">${round ? `Stand van ${round.name}, peildatum ${formatDate(round.peildatum)}. ` : ''}<a href="${webPaths.progress}">Voortgang per ronde, per thema en eerdere rondes</a></p>
${recentChanges(source.view, snapshot, null)}`
    const files = this.publishedFiles()
    const { agreement } = source.view
    const dataset = datasetJsonLd(source.view, this.config.publicBaseUrl, files, { name: this.config.publisherName, uri: this.config.publisherUri })
    return pageLayout({
      title: agreement.title, content: homePage(source.view, chart, files, progress), theme: this.theme, url: this.url(webPaths.home),
      description: `${agreement.subtitle} ${agreement.periodStart}-${agreement.periodEnd} van de gemeente ${agreement.municipality} als open data: `
        + `${source.view.actions.length} afspraken in ${source.view.themes.length} thema's, de begroting, de wethouders en de wijken. Met voortgang, rapporten, API en downloads.`,
      head: jsonLdScript(dataset),
    })
  }

  /** The page of a theme, alderman or district, or null when there is no such subject. */
  async subject(lease: StoreLease, segment: string, slug: string): Promise<SafeHtml | null> {
    const type = subjectTypes[segment]
    const { source, listings } = await this.current(lease)
    const listing = listings.find((l) => l.type === type && l.slug === slug)
    if (!type || !listing) return null
    const report = buildReport(source, { type, slug })
    return pageLayout({
      title: `${report.cover.kicker}: ${report.cover.name}`,
      trail: [{ label: 'Home', href: '/' }, { label: report.cover.name }],
      description: report.meta.subject, url: this.url(`/${segment}/${encodeURIComponent(slug)}`),
      content: subjectPage(report, listing, this.theme, progressSection(await this.progress(source.view), subjectActions(source.view, type, slug)!, this.theme,
        { id: 'grafiek-voortgang', listHref: `${webPaths.actions}?${filterParameter[type]}=${encodeURIComponent(slug)}` })),
      theme: this.theme,
    })
  }

  /**
   * sitemap.xml of the current agreement, dated by its data version; the
   * progress pages, every public round's included, by what they show.
   */
  async sitemap(lease: StoreLease): Promise<string> {
    const { source, listings } = await this.current(lease)
    const { slug, dataVersion } = source.view.agreement
    const rounds = await Promise.all((await publicRounds(this.editorial, slug)).map(async (round) => ({
      path: webPaths.round(round.slug), lastModified: pictureModified(await roundPicture(this.editorial, slug, round), dataVersion),
    })))
    // The latest page lists every round, so it changes with each of them as well as with its own picture.
    const latest = [pictureModified(await latestRoundPicture(this.editorial, slug), dataVersion), ...rounds.map((r) => r.lastModified)].sort().at(-1)!
    return sitemapXml(this.config.publicBaseUrl, listings, dataVersion, [{ path: webPaths.progress, lastModified: latest }, ...rounds])
  }

  /** The Woo-index sitemap of the current agreement: its documents with DiWoo metadata, dated by the data and the progress the reports show. */
  async wooSitemap(lease: StoreLease): Promise<string> {
    const { source, listings } = await this.current(lease)
    const { agreement } = source.view
    const latest = (await latestRoundPicture(this.editorial, agreement.slug)).recent(1)[0]
    return wooSitemapXml({
      baseUrl: this.config.publicBaseUrl, publisher: { uri: this.config.publisherUri, name: this.config.publisherName },
      agreement, listings, progressPublishedAt: latest?.publication?.publishedAt ?? null,
    })
  }

  robots(): string {
    return robotsTxt(this.config.publicBaseUrl)
  }

  /** The page of one action, or null when there is no action with that slug. */
  async action(lease: StoreLease, slug: string): Promise<SafeHtml | null> {
    const { source } = await this.current(lease)
    const action = source.view.actions.find((a) => a.action.slug === slug)
    if (!action) return null
    const { theme } = actionContext(source.view, action)
    return pageLayout({
      title: `Afspraak: ${action.action.text}`,
      trail: [{ label: 'Home', href: '/' }, ...(theme ? [{ label: theme.theme.name, href: webPaths.theme(theme.theme.slug) }] : []), { label: 'Afspraak' }],
      description: `Afspraak uit het bestuursakkoord van de gemeente ${source.view.agreement.municipality}${theme ? ` (thema ${theme.theme.name})` : ''}: `
        + `${shortTitle(action.action.text, 200)} Met de voortgang, de wethouders en de doelen.`,
      url: this.url(webPaths.action(slug)),
      content: actionPage(source.view, action, await this.progress(source.view)),
      theme: this.theme,
    })
  }

  /** The action list's filters read from a query string, or an error message for filters that name nothing. */
  async actionFilters(lease: StoreLease, params: URLSearchParams): Promise<{ filters: ActionFilters } | { error: string }> {
    return parseActionFilters((await this.current(lease)).source.view, params)
  }

  /** The action list with the given filters. */
  async actions(lease: StoreLease, filters: ActionFilters): Promise<SafeHtml> {
    const { source } = await this.current(lease)
    return pageLayout({
      title: 'Afspraken en hun voortgang', trail: [{ label: 'Home', href: '/' }, { label: 'Afspraken' }], url: this.url(webPaths.actions),
      description: `Alle ${source.view.actions.length} afspraken uit het bestuursakkoord van de gemeente ${source.view.agreement.municipality} met hun voortgang, te filteren op thema, wethouder, wijk en status.`,
      content: actionsListPage(source.view, filters, await this.progress(source.view)), theme: this.theme,
    })
  }

  /** The published progress of the agreement, read once per publication generation. */
  async progress(view: AgreementView): Promise<ProgressSnapshot> {
    // A copy of a commitment shows its canonical action's progress.
    return commitmentProgress(await progressSnapshot(this.editorial, view.agreement.slug), canonicalSlugs(view.actions.map((a) => a.action)))
  }

  /**
   * The progress page of a round (by slug), or of the latest round with the
   * rounds to choose from (slug null); null when no round has that slug.
   */
  async progressOfRound(lease: StoreLease, slug: string | null): Promise<SafeHtml | null> {
    const { source } = await this.current(lease)
    const agreement = source.view.agreement.slug
    const rounds = await publicRounds(this.editorial, agreement)
    const chosen = slug === null ? null : rounds.find((r) => r.slug === slug)
    if (chosen === undefined) return null
    const picture = chosen ? await roundPicture(this.editorial, agreement, chosen) : await latestRoundPicture(this.editorial, agreement)
    const progress = commitmentProgress(picture, canonicalSlugs(source.view.actions.map((a) => a.action)))
    const { round } = picture
    const title = round ? `Voortgang: ${round.name}` : 'Voortgang'
    return pageLayout({
      title, trail: [{ label: 'Home', href: '/' }, ...(chosen ? [{ label: 'Voortgang', href: webPaths.progress }, { label: chosen.name }] : [{ label: 'Voortgang' }])],
      url: this.url(chosen ? webPaths.round(chosen.slug) : webPaths.progress), theme: this.theme,
      description: `De voortgang van het bestuursakkoord van de gemeente ${source.view.agreement.municipality}${round ? ` per peildatum ${formatDate(round.peildatum)} (${round.name})` : ''}: per status en per thema, met de beoordeelde toezeggingen.`,
      content: progressPage({ view: source.view, progress, round, rounds: chosen ? null : rounds }),
    })
  }

  /** The round the latest progress belongs to, for the home page's note (null outside any round). */
  async latestRound(view: AgreementView): Promise<ReportingRound | null> {
    return (await latestRoundPicture(this.editorial, view.agreement.slug)).round
  }

  async reports(lease: StoreLease): Promise<SafeHtml> {
    const { listings } = await this.current(lease)
    return pageLayout({
      title: 'Rapporten', trail: [{ label: 'Home', href: '/' }, { label: 'Rapporten' }], content: reportsPage(listings), theme: this.theme, url: this.url(webPaths.reports),
      description: 'Samenvattingen van het bestuursakkoord om te printen (PDF) of te lezen als toegankelijke webpagina: het hele akkoord, een thema, een wethouder, een wijk, de begroting of de voortgang.',
    })
  }

  /** What each status means. */
  statuses(): SafeHtml {
    return pageLayout({
      title: 'Wat de statussen betekenen', trail: [{ label: 'Home', href: '/' }, { label: 'Statussen' }], content: statusesPage(), theme: this.theme,
      url: this.url(webPaths.statuses), description: 'Wat elke status van de voortgang betekent, van Niet beoordeeld tot Gerealiseerd: dezelfde woorden als in de voortgangsrapportages.',
    })
  }

  /** The toegankelijkheidsverklaring. */
  accessibility(): SafeHtml {
    return pageLayout({
      title: 'Toegankelijkheidsverklaring', trail: [{ label: 'Home', href: '/' }, { label: 'Toegankelijkheid' }], content: accessibilityPage(), theme: this.theme,
      url: this.url(webPaths.accessibility),
      description: 'De toegankelijkheidsverklaring van Open Akkoord Assen: wat er getest is en hoe, wat nog niet goed werkt, en hoe u contact opneemt.',
    })
  }

  /** The report a builder choice ("theme/wonen", format "pdf") points at, or null for an unknown choice. */
  async reportLocation(lease: StoreLease, choice: string, format: string): Promise<string | null> {
    const { listings } = await this.current(lease)
    const [type, slug = null] = choice.split('/')
    const listing = listings.find((l) => l.type === type && l.slug === slug)
    if (!listing || (format !== 'pdf' && format !== 'html')) return null
    return format === 'pdf' ? listing.pdf : listing.html
  }

  /** A page's absolute address under PUBLIC_BASE_URL. */
  url(path: string): string {
    return `${this.config.publicBaseUrl}${path}`
  }

  /** The main files of the current publication (none before the first dump), for the home page. */
  private publishedFiles(): PublishedFile[] {
    let names: string[]
    try {
      names = readdirSync(currentRelease(this.config.publicationDir), { recursive: true, encoding: 'utf8' }).map((n) => n.split(sep).join('/')).sort()
    } catch {
      return []
    }
    return mainDownloads.flatMap(({ pattern, title }) => names.filter((name) => pattern.test(name)).map((name) => ({ name, title })))
  }
}
