import { DataFactory, type Quad } from 'n3'
import type { PublicationMetadata } from './publication-metadata.js'
import { codes } from './catalog-codes.js'
import { municipalityIri } from './municipality-iri.js'
import { ownNamespace } from './own-terms.js'
import { provenanceStatement } from './readme-text.js'
import { zipPath, type ReleaseSummary } from './release-history.js'
import { fileFormats, type PublishedFile } from './published-file.js'
import { ns } from './vocabulary.js'

const { namedNode, literal, quad } = DataFactory

/** Where the catalogue says things are: all under the public base URL. */
export interface CatalogContext {
  baseUrl: string
  /** The publisher's IRI (TOOI); configurable because the data does not hold it. */
  publisherUri: string
  metadata: PublicationMetadata
  /** Every file a harvester may download, each one distribution. */
  distributions: readonly PublishedFile[]
  /** The Data Package the tabular files conform to, inside the publication. */
  datapackagePath: string
  /** Every kept release, this one included, oldest first: the dataset's versions. */
  releases: readonly ReleaseSummary[]
  /** This release's version notes in one paragraph. */
  notes: string
  /** The LEESMIJ inside the publication: the dataset's documentation page. */
  readmePath: string
  /** The Atom feeds of releases and progress, inside the publication: pages of the dataset. */
  feedPaths: readonly string[]
  /**
   * `release`: the release's own catalogue, kept in its folder: every link
   * points at that release's immutable files under /data/releases/<version>/.
   * `current`: the catalogue at /data/catalog.ttl: the dataset's distributions
   * at the stable /data/<path> URLs as well, valid while this release is current.
   */
  scope: 'release' | 'current'
}

type Value = string | ReturnType<typeof literal>

/**
 * What a file conforms to: the tables (CSV, NDJSON, the workbook, the zip)
 * to the Data Package, the RDF to the vocabulary. The SQLite copy is another
 * model (the internal database): it conforms only to SQLite's file format.
 */
const conformsTo: Record<PublishedFile['format'], 'package' | 'vocabulary' | 'sqlite' | null> = {
  csv: 'package', ndjson: 'package', xlsx: 'package', zip: 'package', json: 'package', turtle: 'vocabulary', jsonld: 'vocabulary', sqlite: 'sqlite', text: null, feed: null,
}

/**
 * The DCAT catalogue as DCAT-AP-NL 3.0 and DCAT-AP-DONL 1.1 ask: one dataset
 * with every file as a distribution (licence, format, media type, size,
 * SHA-256). Values from code lists are typed and labelled in the catalogue
 * itself, so the class-range shapes pass without fetching the code lists.
 * Dates come from the data version. No blank nodes.
 */
export function catalogQuads(context: CatalogContext): Quad[] {
  const { baseUrl, metadata } = context
  const quads: Quad[] = []
  const add = (subject: string, predicate: string, ...objects: Value[]) => {
    for (const o of objects) quads.push(quad(namedNode(subject), namedNode(predicate), typeof o === 'string' ? namedNode(o) : o))
  }
  const a = (subject: string, ...classes: string[]) => add(subject, ns.rdf + 'type', ...classes)
  const nl = (text: string) => literal(text, 'nl')
  const en = (text: string) => literal(text, 'en')
  const both = (text: { nl: string; en: string }) => [nl(text.nl), en(text.en)]
  // The modification date is a moment once progress has been published since the data version.
  const date = (value: string) => literal(value, namedNode(ns.xsd + (value.includes('T') ? 'dateTime' : 'date')))
  const { dcat, dct, foaf, skos, vcard, spdx, rdfs, adms } = ns

  const dataset = `${baseUrl}/id/dataset/open-akkoord`
  const publisher = context.publisherUri
  const contact = `${baseUrl}/id/contact-point/publisher`
  const period = `${baseUrl}/id/period-of-time/${metadata.temporal.start}_${metadata.temporal.end}`
  const provenance = `${baseUrl}/id/provenance/open-akkoord`
  const landing = `${baseUrl}/`
  // A release's catalogue names only that release's folder; the current one the stable /data/ paths.
  const releaseBase = `${baseUrl}/data/releases/${metadata.version}/`
  const folder = context.scope === 'current' ? `${baseUrl}/data/` : releaseBase
  const index = folder
  const catalog = `${folder}catalog`
  const readme = `${folder}${context.readmePath}`
  const packageUrl = `${releaseBase}${context.datapackagePath}`
  const vocabulary = ownNamespace.replace(/#$/, '')
  // The /data/ route is a download service (as INSPIRE models one); /graphql is the query service.
  const downloads = `${baseUrl}/id/data-service/downloads`
  const graphql = `${baseUrl}/id/data-service/graphql`
  const places = [codes.netherlands, ...metadata.municipalities.map(municipalityIri)]
  const { publisherName } = metadata
  const versionIri = (version: string) => `${dataset}/${version}`

  a(catalog, dcat + 'Catalog')
  add(catalog, dct + 'title', nl('Open Akkoord: catalogus van open data'), en('Open Akkoord: open data catalogue'))
  add(catalog, dct + 'description', nl(`Catalogus van de open-datapublicatie ${metadata.title.nl}.`), en(`Catalogue of the open-data publication ${metadata.title.en}.`))
  add(catalog, dct + 'publisher', publisher)
  add(catalog, dct + 'creator', publisher)
  add(catalog, dcat + 'contactPoint', contact)
  add(catalog, dct + 'language', codes.dutch)
  add(catalog, dct + 'license', codes.licence)
  add(catalog, dct + 'issued', date(metadata.issued))
  add(catalog, dct + 'modified', date(metadata.modified))
  add(catalog, foaf + 'homepage', landing)
  add(catalog, dct + 'spatial', ...places)
  add(catalog, dcat + 'themeTaxonomy', codes.dataThemes)
  // One dataset: the releases are its versions (dcat:hasVersion), not datasets of the catalogue.
  add(catalog, dcat + 'dataset', dataset)
  add(catalog, dcat + 'service', downloads, graphql)

  /** What the dataset and each of its versions share. */
  const feeds = context.feedPaths.map((path) => `${folder}${path}`)
  const describeDataset = (iri: string, title: { nl: string; en: string }, issued: string, modified: string, pages = [index, readme, ...feeds]) => {
    a(iri, dcat + 'Dataset')
    add(iri, dct + 'title', ...both(title))
    add(iri, dct + 'description', ...both(metadata.description))
    add(iri, dct + 'identifier', literal(iri))
    add(iri, dct + 'publisher', publisher)
    add(iri, dct + 'creator', publisher)
    add(iri, dcat + 'contactPoint', contact)
    add(iri, dcat + 'theme', codes.government, codes.donlGovernance)
    add(iri, dcat + 'keyword', ...metadata.keywords.map(nl))
    add(iri, dct + 'language', codes.dutch)
    add(iri, dct + 'license', codes.licence)
    add(iri, dct + 'accessRights', codes.public)
    add(iri, dct + 'accrualPeriodicity', codes.irregular)
    add(iri, dct + 'issued', date(issued))
    add(iri, dct + 'modified', date(modified))
    add(iri, dct + 'temporal', period)
    add(iri, dct + 'spatial', ...places)
    add(iri, dct + 'provenance', provenance)
    add(iri, dct + 'conformsTo', packageUrl)
    add(iri, dcat + 'landingPage', landing)
    add(iri, foaf + 'page', ...pages)
    for (const page of pages) a(page, foaf + 'Document')
  }

  /** A file as a distribution: titles, URLs, format and media type, licence, size and checksum. */
  type Described = Pick<PublishedFile, 'path' | 'format' | 'title' | 'description' | 'bytes' | 'sha256'>
  /**
   * A file as a distribution. `version` is the release whose bytes it is: the
   * checksum resource is that release's file, so one checksum IRI always
   * carries one value; `stable` serves it at /data/<path> instead.
   */
  const describeDistribution = (file: Described, version: string, modified: string, stable = false) => {
    const releasePath = `releases/${version}/${file.path}`
    const distribution = `${baseUrl}/id/distribution/${stable ? file.path : releasePath}`
    const checksum = `${baseUrl}/id/checksum/${releasePath}`
    const url = `${baseUrl}/data/${stable ? file.path : releasePath}`
    const format = fileFormats[file.format]
    a(distribution, dcat + 'Distribution')
    add(distribution, dct + 'title', ...both(file.title))
    add(distribution, dct + 'description', ...both(file.description))
    add(distribution, dcat + 'accessURL', url)
    add(distribution, dcat + 'downloadURL', url)
    if (format.euFileType) add(distribution, dct + 'format', codes.fileType(format.euFileType))
    if (format.mediaType) add(distribution, dcat + 'mediaType', codes.mediaType(format.mediaType))
    add(distribution, dct + 'license', codes.licence)
    add(distribution, dct + 'language', codes.dutch)
    const standard = conformsTo[file.format]
    if (standard) add(distribution, dct + 'conformsTo', { vocabulary, package: packageUrl, sqlite: codes.sqliteFormat }[standard])
    add(distribution, dcat + 'byteSize', literal(String(file.bytes), namedNode(ns.xsd + 'nonNegativeInteger')))
    add(distribution, spdx + 'checksum', checksum)
    add(distribution, dcat + 'accessService', downloads)
    add(distribution, dct + 'issued', date(metadata.issued))
    add(distribution, dct + 'modified', date(modified))
    a(checksum, spdx + 'Checksum')
    add(checksum, spdx + 'algorithm', codes.sha256)
    add(checksum, spdx + 'checksumValue', literal(file.sha256, namedNode(ns.xsd + 'hexBinary')))
    // The class-range shapes want URLs typed: rdfs:Resource, as DCAT-AP defines their range.
    a(url, rdfs + 'Resource')
    return distribution
  }

  describeDataset(dataset, metadata.title, metadata.issued, metadata.modified)
  add(dataset, dcat + 'version', literal(metadata.version))
  add(dataset, adms + 'versionNotes', nl(context.notes))
  const own = context.distributions.map((f) => describeDistribution(f, metadata.version, metadata.modified))
  // The stable URLs only in the current catalogue; a release's catalogue gives the dataset this release's zip.
  if (context.scope === 'current') add(dataset, dcat + 'distribution', ...context.distributions.map((f) => describeDistribution(f, metadata.version, metadata.modified, true)))
  else add(dataset, dcat + 'distribution', ...own.filter((iri) => iri.endsWith(`/${zipPath}`)))

  // DCAT 3 versioning: the dataset has a version per release, each with its notes and its own zip under releases/.
  context.releases.forEach((release, i) => {
    const iri = versionIri(release.version)
    add(dataset, dcat + 'hasVersion', iri)
    if (release.version === metadata.version) add(dataset, dcat + 'hasCurrentVersion', iri)
    const pages = [`${baseUrl}/data/releases/${release.version}/`, `${baseUrl}/data/releases/${release.version}/${context.readmePath}`]
    describeDataset(iri, { nl: `${metadata.title.nl}, versie ${release.version}`, en: `${metadata.title.en}, version ${release.version}` }, release.version, release.version, pages)
    add(iri, dcat + 'version', literal(release.version))
    add(iri, adms + 'versionNotes', nl(release.notes))
    add(iri, dcat + 'isVersionOf', dataset)
    if (i > 0) add(iri, dcat + 'previousVersion', versionIri(context.releases[i - 1]!.version))
    // This release: every file in its folder; an earlier one: its zip, whose bytes never change.
    if (release.version === metadata.version) add(iri, dcat + 'distribution', ...own)
    else {
      add(iri, dcat + 'distribution', describeDistribution({
        path: zipPath, format: 'zip', bytes: release.zip.bytes, sha256: release.zip.sha256,
        title: { nl: `Alles in één zip, versie ${release.version}`, en: `Everything in one zip, version ${release.version}` },
        description: { nl: `Alle bestanden van versie ${release.version} in één zip.`, en: `Every file of version ${release.version} in one zip.` },
      }, release.version, release.version))
    }
  })

  const describeService = (iri: string, title: { nl: string; en: string }, description: { nl: string; en: string }, endpoint: string, endpointDescription: string) => {
    a(iri, dcat + 'DataService')
    add(iri, dct + 'title', ...both(title))
    add(iri, dct + 'description', ...both(description))
    add(iri, dct + 'identifier', literal(iri))
    add(iri, dcat + 'endpointURL', endpoint)
    add(iri, dcat + 'endpointDescription', endpointDescription)
    add(iri, dcat + 'servesDataset', dataset)
    add(iri, dct + 'publisher', publisher)
    add(iri, dct + 'creator', publisher)
    add(iri, dcat + 'contactPoint', contact)
    add(iri, dct + 'accessRights', codes.public)
    add(iri, dct + 'license', codes.licence)
    add(iri, dcat + 'theme', codes.government, codes.donlGovernance)
    add(iri, dcat + 'keyword', ...metadata.keywords.map(nl))
    add(iri, dct + 'language', codes.dutch)
    add(iri, dcat + 'landingPage', landing)
    a(endpoint, rdfs + 'Resource')
    a(endpointDescription, rdfs + 'Resource')
  }
  describeService(downloads, { nl: 'Open Akkoord downloadservice', en: 'Open Akkoord download service' }, {
    nl: 'Levert elk bestand van de publicatie over HTTP (met ETag, Last-Modified en Range) en een index van de bestanden met grootte en SHA-256.',
    en: 'Serves every file of the publication over HTTP (with ETag, Last-Modified and Range) and an index of the files with size and SHA-256.',
  }, index, index)
  describeService(graphql, { nl: 'Open Akkoord GraphQL-API', en: 'Open Akkoord GraphQL API' }, {
    nl: 'Openbare GraphQL-API over dezelfde records met dezelfde ID\'s als de bestanden: filters, zoeken, paginering met cursors. Het schema beschrijft elk type en veld.',
    en: 'Public GraphQL API over the same records with the same IDs as the files: filters, search, cursor pagination. The schema describes every type and field.',
  }, `${baseUrl}/graphql`, `${baseUrl}/schema.graphql`)
  add(graphql, dct + 'conformsTo', codes.graphqlSpec)
  a(codes.graphqlSpec, dct + 'Standard')
  add(codes.graphqlSpec, dct + 'title', en('GraphQL specification, October 2021'))

  // The agents, places, periods and code list values the descriptions point to, typed and labelled.
  a(publisher, foaf + 'Agent', foaf + 'Organization')
  add(publisher, foaf + 'name', nl(publisherName))
  a(contact, vcard + 'Kind', vcard + 'Organization')
  add(contact, vcard + 'fn', nl(publisherName))
  add(contact, vcard + 'hasEmail', `mailto:${metadata.contactEmail}`)
  a(provenance, dct + 'ProvenanceStatement')
  add(provenance, rdfs + 'label', ...both(provenanceStatement(metadata)))
  a(period, dct + 'PeriodOfTime')
  add(period, dcat + 'startDate', date(metadata.temporal.start))
  add(period, dcat + 'endDate', date(metadata.temporal.end))
  a(codes.netherlands, dct + 'Location')
  add(codes.netherlands, skos + 'prefLabel', nl('Nederland'), en('Netherlands'))
  metadata.municipalities.forEach((name) => {
    a(municipalityIri(name), dct + 'Location')
    add(municipalityIri(name), skos + 'prefLabel', nl(`gemeente ${name}`))
  })
  a(landing, foaf + 'Document')
  add(readme, dct + 'title', nl('Leesmij: de bestanden, hoe de data gemaakt is, citeren, licentie'))
  a(packageUrl, dct + 'Standard')
  add(packageUrl, dct + 'title', en('Open Akkoord Data Package (Frictionless Data Package v2 with a Table Schema per table)'))
  a(codes.sqliteFormat, dct + 'Standard')
  add(codes.sqliteFormat, dct + 'title', en('SQLite database file format'))
  a(vocabulary, dct + 'Standard')
  add(vocabulary, dct + 'title', nl('Open Akkoord-vocabulaire'), en('Open Akkoord vocabulary, with schema.org, W3C ORG, FOAF and SKOS'))
  a(codes.dataThemes, skos + 'ConceptScheme')
  add(codes.dataThemes, dct + 'title', en('Data theme'))
  a(codes.government, skos + 'Concept')
  add(codes.government, skos + 'prefLabel', nl('Overheid en publieke sector'), en('Government and public sector'))
  add(codes.government, skos + 'inScheme', codes.dataThemes)
  a(codes.donlGovernance, skos + 'Concept')
  add(codes.donlGovernance, skos + 'prefLabel', nl('Bestuur'))
  a(codes.dutch, dct + 'LinguisticSystem')
  a(codes.licence, dct + 'LicenseDocument')
  add(codes.licence, rdfs + 'label', nl('Creative Commons Zero 1.0 (publiek domein)'), en('Creative Commons Zero v1.0 Universal'))
  add(codes.licence, skos + 'exactMatch', codes.euCc0)
  a(codes.public, dct + 'RightsStatement')
  a(codes.irregular, dct + 'Frequency')
  a(codes.sha256, spdx + 'ChecksumAlgorithm')
  const used = new Set([...context.distributions.map((f) => fileFormats[f.format]), fileFormats.zip])
  for (const format of [...used].sort((x, y) => x.label.localeCompare(y.label))) {
    if (format.euFileType) a(codes.fileType(format.euFileType), dct + 'MediaTypeOrExtent')
    if (format.mediaType) a(codes.mediaType(format.mediaType), dct + 'MediaType')
  }
  return groupedBySubject(quads)
}


/**
 * Drops repeated triples (a file type shared by two formats) and groups the
 * triples by subject in order of first appearance, so each resource is one
 * block in Turtle and one node object in JSON-LD.
 */
function groupedBySubject(quads: Quad[]): Quad[] {
  const seen = new Set<string>()
  const groups = new Map<string, Quad[]>()
  for (const q of quads) {
    const key = `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}:${q.object.termType === 'Literal' ? q.object.language + q.object.datatype.value : ''}`
    if (seen.has(key)) continue
    seen.add(key)
    const group = groups.get(q.subject.value) ?? []
    group.push(q)
    groups.set(q.subject.value, group)
  }
  return [...groups.values()].flat()
}
