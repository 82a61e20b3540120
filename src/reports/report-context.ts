import type { AgreementView } from '../read-model/agreement-view.js'
import type { HeadingBlock, ReportType } from './report-model.js'

/** What every section builder gets: the agreement, where its services live, and a heading factory. */
export interface ReportContext {
  view: AgreementView
  /** The label of the published totals row, as printed. */
  totalsLabel: string
  /** The public address of the service, without a trailing slash: links in the colophon. */
  baseUrl: string
  type: ReportType
  slug: string | null
  /** The site's page of an action: its status, explanation and evidence. */
  actionUrl(slug: string): string
  heading(level: HeadingBlock['level'], text: string, options?: { toc?: boolean; keepTogether?: boolean }): HeadingBlock
}

/** "Organisatie & financiën" → "organisatie-financien". */
export function slugify(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'deel'
}

/**
 * Creates the context of one report. Headings deeper than tocDepth stay out
 * of the table of contents, so the full report's contents fit on a page.
 */
export function createReportContext(
  view: AgreementView, options: { totalsLabel: string; baseUrl: string; type: ReportType; slug: string | null; tocDepth: 1 | 2 },
): ReportContext {
  const used = new Map<string, number>()
  return {
    view, totalsLabel: options.totalsLabel, baseUrl: options.baseUrl.replace(/\/+$/, ''), type: options.type, slug: options.slug,
    actionUrl: (slug) => `${options.baseUrl.replace(/\/+$/, '')}/afspraak/${encodeURIComponent(slug)}`,
    heading(level, text, { toc = true, keepTogether } = {}) {
      const base = slugify(text)
      const seen = used.get(base) ?? 0
      used.set(base, seen + 1)
      const heading: HeadingBlock = { kind: 'heading', level, text, id: seen === 0 ? base : `${base}-${seen + 1}`, toc: toc && level <= options.tocDepth }
      return keepTogether ? { ...heading, keepTogether } : heading
    },
  }
}

/** The address of a report: /reports/{type}[/{slug}].{format}. */
export function reportPath(type: ReportType, slug: string | null, format: 'pdf' | 'html'): string {
  return `/reports/${type}${slug === null ? '' : `/${slug}`}.${format}`
}
