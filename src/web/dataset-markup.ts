import type { AgreementView } from '../read-model/agreement-view.js'
import { cc0Iri } from '../model/cc0.js'
import { SafeHtml } from './html.js'
import type { PublishedFile } from './pages/home-page.js'

/** What a download is, by its name: the encodingFormat a dataset search engine reads. */
const formats: [RegExp, string][] = [
  [/\.zip$/, 'application/zip'],
  [/\.xlsx$/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [/\.csv$/, 'text/csv'],
  [/\.jsonld$/, 'application/ld+json'],
  [/\.json$/, 'application/json'],
  [/\.ttl$/, 'text/turtle'],
  [/\.sqlite$/, 'application/vnd.sqlite3'],
]

/** Who publishes the data: the municipality, as the DCAT catalogue names it. */
export interface DatasetPublisher {
  name: string
  uri: string
}

/**
 * The home page's schema.org Dataset, as Google's dataset search documents it:
 * name and description, licence, creator and publisher, place and period, the
 * DCAT catalogue it belongs to, and a DataDownload per published data file.
 */
export function datasetJsonLd(view: AgreementView, baseUrl: string, files: readonly PublishedFile[], publisher: DatasetPublisher): object {
  const { agreement } = view
  const organisation = { '@type': 'Organization', name: publisher.name, url: publisher.uri }
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': `${baseUrl}/id/dataset/open-akkoord`,
    name: `${agreement.subtitle} ${agreement.municipality} ${agreement.periodStart}-${agreement.periodEnd}: ${agreement.title} (open data)`,
    description: `Het bestuursakkoord ${agreement.periodStart}-${agreement.periodEnd} van de gemeente ${agreement.municipality}, "${agreement.title}", `
      + `als open data: ${view.themes.length} thema's, ${view.actions.length} afspraken met hun doelen, de extra middeleninzet per jaar, `
      + `de financiële spelregels, de portefeuilles van de wethouders en de wijken. Elke tekst citeert het akkoord letterlijk, met de regels van de bron.`,
    url: `${baseUrl}/`,
    sameAs: `${baseUrl}/data/`,
    identifier: `${baseUrl}/id/dataset/open-akkoord`,
    inLanguage: 'nl',
    isAccessibleForFree: true,
    license: cc0Iri,
    keywords: ['bestuursakkoord', 'coalitieakkoord', agreement.municipality, 'gemeente', 'begroting', 'wethouders', 'wijken'],
    creator: organisation,
    publisher: organisation,
    spatialCoverage: { '@type': 'Place', name: `${agreement.municipality}, Drenthe, Nederland` },
    temporalCoverage: `${agreement.periodStart}/${agreement.periodEnd}`,
    datePublished: agreement.presentedOn,
    dateModified: agreement.dataVersion,
    version: agreement.dataVersion,
    isBasedOn: `${baseUrl}/data/source/${agreement.sourceFile.split('/').at(-1)}`,
    includedInDataCatalog: { '@type': 'DataCatalog', '@id': `${baseUrl}/data/catalog`, name: 'Open Akkoord: catalogus van open data', url: `${baseUrl}/data/catalog.ttl` },
    distribution: files.flatMap(({ name, title }) => {
      const format = formats.find(([pattern]) => pattern.test(name))?.[1]
      return format ? [{ '@type': 'DataDownload', name: title, contentUrl: `${baseUrl}/data/${name}`, encodingFormat: format }] : []
    }),
  }
}

/**
 * The markup as a data block. A data block is never run, so the page's CSP
 * (no inline script) does not stop it; "<" is escaped so no text in the data
 * can close the element.
 */
export function jsonLdScript(data: object): SafeHtml {
  return new SafeHtml(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`)
}
