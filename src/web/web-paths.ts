import type { RecordLocation } from '../read-model/record-locations.js'
import { slugify } from '../reports/report-context.js'

/** The web page of a theme, an alderman or a district. */
export const webPaths = {
  home: '/',
  theme: (slug: string) => `/thema/${encodeURIComponent(slug)}`,
  portfolio: (slug: string) => `/wethouder/${encodeURIComponent(slug)}`,
  district: (slug: string) => `/wijk/${encodeURIComponent(slug)}`,
  reports: '/rapporten',
  action: (slug: string) => `/afspraak/${encodeURIComponent(slug)}`,
  actions: '/afspraken',
  accessibility: '/toegankelijkheid',
  statuses: '/statussen',
  /** The latest round's progress, with the rounds to choose from. */
  progress: '/voortgang',
  /** One reporting round's progress: a bookmarkable address that a closed round keeps for ever. */
  round: (slug: string) => `/voortgang/${encodeURIComponent(slug)}`,
} as const

/**
 * The page (and place on it) where a record is shown: a topic's heading on its
 * theme's page, an action or target under its topic, a budget line in the
 * budget report, a rule or section in the full report. Anchors are the heading
 * ids the report builder gives: the heading text, slugified.
 */
export function locationPath(location: RecordLocation): string {
  const { kind, slug, themeSlug, topicTitle } = location
  switch (kind) {
    case 'theme': return slug ? webPaths.theme(slug) : webPaths.home
    case 'portfolio': return slug ? webPaths.portfolio(slug) : webPaths.home
    case 'district': return slug ? webPaths.district(slug) : webPaths.home
    case 'topic':
    case 'action':
    case 'target':
      // Actions of the governance section have no theme: they stand in the full report.
      return themeSlug && topicTitle ? `${webPaths.theme(themeSlug)}#${slugify(topicTitle)}` : '/reports/full.html#bestuursstijl-in-verbinding'
    case 'budget_line': return '/reports/budget.html'
    case 'rule': return '/reports/full.html#algemene-spelregels'
    case 'section': return '/reports/full.html'
  }
}

/** The sitemap with DiWoo metadata that the national Woo-index harvests. */
export const wooSitemapPath = '/woo-sitemap.xml'

/** The path patterns the site answers (pages, its stylesheet, script, icons and crawler files), for the server's route table. */
export const sitePaths: readonly string[] = [
  webPaths.home, '/static/site.css', '/static/site.js', '/favicon.svg', '/favicon.ico', '/robots.txt', '/sitemap.xml', wooSitemapPath,
  webPaths.reports, '/rapporten/maken', '/zoeken', webPaths.actions, webPaths.accessibility, webPaths.statuses, webPaths.progress, '/voortgang/:slug',
  '/thema/:slug', '/wethouder/:slug', '/wijk/:slug', '/afspraak/:slug',
]
