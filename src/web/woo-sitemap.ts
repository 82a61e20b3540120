import type { AgreementRecord } from '../read-model/records.js'
import type { ReportListing } from '../reports/report-catalogue.js'
import { escapeHtml } from '../reports/html/escape-html.js'
import { sourceTextPath } from '../publication/write-datapackage.js'

/**
 * Values from the TOOI value lists DiWoo 0.9.8 names (lists of 2025-08-12),
 * each with its list's own label. tests/publication/woo-sitemap-diwoo.xsd,
 * the project's own schema, allows exactly these; docs/data.md gives the
 * reasons for each choice.
 */
const tooiKern = 'https://identifier.overheid.nl/tooi/def/thes/kern/'
const codes = {
  /** scw_woo_informatiecategorieen/4: information outside the categories of art. 3.3, made public under the general duty of art. 3.1. */
  category: { resource: `${tooiKern}c_816e508d`, label: 'inspanningsverplichting art 3.1 Woo' },
  /** ccw_plooi_documentsoorten/7. */
  policyDocument: { resource: `${tooiKern}c_10eb451d`, label: 'beleidsdocument' },
  progressReport: { resource: `${tooiKern}c_cccba364`, label: 'voortgangsrapport' },
  /** ccw_plooi_documenthandelingen/2. */
  adoption: { resource: `${tooiKern}c_641ecd76`, label: 'vaststelling' },
  /** scw_talen: the EU language authority. */
  dutch: { resource: 'http://publications.europa.eu/resource/authority/language/NLD', label: 'Nederlands' },
  /** ccw_plooi_filetypes: the EU file-type authority. */
  pdf: { resource: 'http://publications.europa.eu/resource/authority/file-type/PDF', label: 'PDF' },
  txt: { resource: 'http://publications.europa.eu/resource/authority/file-type/TXT', label: 'TXT' },
} as const
type Code = (typeof codes)[keyof typeof codes]

/** One published document of the Woo sitemap. */
interface WooDocument {
  path: string
  title: string
  kind: Code
  format: Code
  /** W3C date or date-time: the data version, or the latest progress publication the document shows. */
  modified: string
}

/** What the Woo sitemap is made from: the agreement, its reports, and when its progress was last published. */
export interface WooSitemapInput {
  baseUrl: string
  publisher: { uri: string; name: string }
  agreement: AgreementRecord
  listings: readonly ReportListing[]
  /** The publication time (ISO 8601) of the latest progress the progress reports show; null when none is published. */
  progressPublishedAt: string | null
}

/**
 * The sitemap the national Woo-index (open.overheid.nl) harvests: the
 * agreement's source text and every report as PDF, each with DiWoo 0.9.8
 * metadata (the sitemap extension of the Woo-metadata standard). Everything
 * comes from the data: the same data and progress give the same bytes, and a
 * document keeps its address and identifier from release to release.
 */
export function wooSitemapXml(input: WooSitemapInput): string {
  const { agreement, baseUrl } = input
  const name = `${agreement.subtitle} ${agreement.municipality}`
  // A progress report changes with each publication; the others with the data.
  const progressModified = input.progressPublishedAt && input.progressPublishedAt.slice(0, 10) > agreement.dataVersion
    ? input.progressPublishedAt : agreement.dataVersion
  const documents: WooDocument[] = [
    { path: `/data/${sourceTextPath(agreement.sourceFile)}`, title: `${name}: ${agreement.title} (brontekst)`, kind: codes.policyDocument, format: codes.txt, modified: agreement.dataVersion },
    ...input.listings.map((l): WooDocument => ({
      path: l.pdf, title: `${name}: ${l.title}`, format: codes.pdf,
      kind: l.type === 'progress' ? codes.progressReport : codes.policyDocument,
      modified: l.type === 'progress' ? progressModified : agreement.dataVersion,
    })),
  ]
  const urls = documents.map((d) => urlEntry(`${baseUrl}${d.path}`, d, input.publisher))
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:diwoo="https://standaarden.overheid.nl/diwoo/metadata/">
${urls.join('\n')}
</urlset>
`
}

const resourceElement = (element: string, code: { resource: string; label: string }) =>
  `<diwoo:${element} resource="${escapeHtml(code.resource)}">${escapeHtml(code.label)}</diwoo:${element}>`

/** A DiWoo date-time: a bare date is the start of that day in UTC. */
const dateTime = (value: string) => (value.length === 10 ? `${value}T00:00:00Z` : value)

function urlEntry(loc: string, d: WooDocument, publisher: { uri: string; name: string }): string {
  return `  <url>
    <loc>${escapeHtml(loc)}</loc>
    <lastmod>${escapeHtml(d.modified)}</lastmod>
    <diwoo:Document>
      <diwoo:DiWoo>
        <diwoo:identifiers><diwoo:identifier>${escapeHtml(loc)}</diwoo:identifier></diwoo:identifiers>
        ${resourceElement('publisher', { resource: publisher.uri, label: publisher.name })}
        <diwoo:titelcollectie><diwoo:officieleTitel>${escapeHtml(d.title)}</diwoo:officieleTitel></diwoo:titelcollectie>
        <diwoo:classificatiecollectie>
          <diwoo:informatiecategorieen>${resourceElement('informatiecategorie', codes.category)}</diwoo:informatiecategorieen>
          <diwoo:documentsoorten>${resourceElement('documentsoort', d.kind)}</diwoo:documentsoorten>
        </diwoo:classificatiecollectie>
        ${resourceElement('language', codes.dutch)}
        ${resourceElement('format', d.format)}
        <diwoo:documenthandelingen>
          <diwoo:documenthandeling>${resourceElement('soortHandeling', codes.adoption)}<diwoo:atTime>${escapeHtml(dateTime(d.modified))}</diwoo:atTime></diwoo:documenthandeling>
        </diwoo:documenthandelingen>
      </diwoo:DiWoo>
    </diwoo:Document>
  </url>`
}
