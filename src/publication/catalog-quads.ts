import { DataFactory, type Quad } from 'n3'
import type { PublicationMetadata } from './publication-metadata.js'
import { fileFormats, type PublishedFile } from './published-file.js'
import { ns } from './vocabulary.js'

const { namedNode, literal, quad } = DataFactory

/** Code lists the catalogue draws its values from (EU vocabularies and the Dutch government's). */
const eu = 'http://publications.europa.eu/resource/authority/'
const codes = {
  cc0: `${eu}licence/CC0`,
  dutch: `${eu}language/NLD`,
  public: `${eu}access-right/PUBLIC`,
  irregular: `${eu}frequency/IRREG`,
  dataThemes: `${eu}data-theme`,
  government: `${eu}data-theme/GOVE`,
  // DCAT-AP-DONL draws themes from the Taxonomie Beleidsagenda and places from OWMS.
  donlGovernance: 'http://standaarden.overheid.nl/owms/terms/Bestuur',
  fileType: (code: string) => `${eu}file-type/${code}`,
  mediaType: (type: string) => `https://www.iana.org/assignments/media-types/${type}`,
  municipality: (name: string) => `http://standaarden.overheid.nl/owms/terms/${encodeURIComponent(name)}_(gemeente)`,
  sha256: `${ns.spdx}checksumAlgorithm_sha256`,
}

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
}

type Value = string | ReturnType<typeof literal>

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
  const date = (value: string) => literal(value, namedNode(ns.xsd + 'date'))
  const { dcat, dct, foaf, skos, vcard, spdx, rdfs } = ns

  const catalog = `${baseUrl}/data/catalog`
  const dataset = `${baseUrl}/id/dataset/open-akkoord`
  const publisher = context.publisherUri
  const contact = `${baseUrl}/id/contact-point/publisher`
  const period = `${baseUrl}/id/period-of-time/${metadata.temporal.start}_${metadata.temporal.end}`
  const landing = `${baseUrl}/`
  const index = `${baseUrl}/data/`
  const packageUrl = `${baseUrl}/data/${context.datapackagePath}`
  const vocabulary = `${baseUrl}/def`
  // The /data/ route is a download service (as INSPIRE models one): it serves the files with an index.
  const service = `${baseUrl}/id/data-service/downloads`
  const places = metadata.municipalities.map(codes.municipality)
  const { publisherName } = metadata

  a(catalog, dcat + 'Catalog')
  add(catalog, dct + 'title', nl('Open Akkoord: catalogus van open data'), en('Open Akkoord: open data catalogue'))
  add(catalog, dct + 'description', nl(`Catalogus van de open-datapublicatie ${metadata.title.nl}.`), en(`Catalogue of the open-data publication ${metadata.title.en}.`))
  add(catalog, dct + 'publisher', publisher)
  add(catalog, dct + 'creator', publisher)
  add(catalog, dcat + 'contactPoint', contact)
  add(catalog, dct + 'language', codes.dutch)
  add(catalog, dct + 'license', codes.cc0)
  add(catalog, dct + 'issued', date(metadata.issued))
  add(catalog, dct + 'modified', date(metadata.modified))
  add(catalog, foaf + 'homepage', landing)
  add(catalog, dct + 'spatial', ...places)
  add(catalog, dcat + 'themeTaxonomy', codes.dataThemes)
  add(catalog, dcat + 'dataset', dataset)
  add(catalog, dcat + 'service', service)

  a(dataset, dcat + 'Dataset')
  add(dataset, dct + 'title', nl(metadata.title.nl), en(metadata.title.en))
  add(dataset, dct + 'description', nl(metadata.description.nl), en(metadata.description.en))
  add(dataset, dct + 'identifier', literal(dataset))
  add(dataset, dct + 'publisher', publisher)
  add(dataset, dct + 'creator', publisher)
  add(dataset, dcat + 'contactPoint', contact)
  add(dataset, dcat + 'theme', codes.government, codes.donlGovernance)
  add(dataset, dcat + 'keyword', ...metadata.keywords.map(nl))
  add(dataset, dct + 'language', codes.dutch)
  add(dataset, dct + 'license', codes.cc0)
  add(dataset, dct + 'accessRights', codes.public)
  add(dataset, dct + 'accrualPeriodicity', codes.irregular)
  add(dataset, dct + 'issued', date(metadata.issued))
  add(dataset, dct + 'modified', date(metadata.modified))
  add(dataset, dcat + 'version', literal(metadata.version))
  add(dataset, dct + 'temporal', period)
  add(dataset, dct + 'spatial', ...places)
  add(dataset, dcat + 'landingPage', landing)
  add(dataset, foaf + 'page', index)
  add(dataset, dct + 'conformsTo', packageUrl)
  add(dataset, dcat + 'distribution', ...context.distributions.map((f) => `${baseUrl}/id/distribution/${f.path}`))

  for (const file of context.distributions) {
    const distribution = `${baseUrl}/id/distribution/${file.path}`
    const checksum = `${baseUrl}/id/checksum/${file.path}`
    const url = `${baseUrl}/data/${file.path}`
    const format = fileFormats[file.format]
    a(distribution, dcat + 'Distribution')
    add(distribution, dct + 'title', literal(file.title))
    add(distribution, dct + 'description', nl(file.description.nl), en(file.description.en))
    add(distribution, dcat + 'accessURL', url)
    add(distribution, dcat + 'downloadURL', url)
    if (format.euFileType) add(distribution, dct + 'format', codes.fileType(format.euFileType))
    if (format.mediaType) add(distribution, dcat + 'mediaType', codes.mediaType(format.mediaType))
    add(distribution, dct + 'license', codes.cc0)
    add(distribution, dct + 'language', codes.dutch)
    add(distribution, dct + 'conformsTo', file.format === 'turtle' || file.format === 'jsonld' ? vocabulary : packageUrl)
    add(distribution, dcat + 'byteSize', literal(String(file.bytes), namedNode(ns.xsd + 'nonNegativeInteger')))
    add(distribution, spdx + 'checksum', checksum)
    add(distribution, dcat + 'accessService', service)
    add(distribution, dct + 'issued', date(metadata.issued))
    add(distribution, dct + 'modified', date(metadata.modified))
    a(checksum, spdx + 'Checksum')
    add(checksum, spdx + 'algorithm', codes.sha256)
    add(checksum, spdx + 'checksumValue', literal(file.sha256, namedNode(ns.xsd + 'hexBinary')))
    // The class-range shapes want URLs typed: rdfs:Resource, as DCAT-AP defines their range.
    a(url, rdfs + 'Resource')
  }

  a(service, dcat + 'DataService')
  add(service, dct + 'title', nl('Open Akkoord downloadservice'), en('Open Akkoord download service'))
  add(service, dct + 'description',
    nl('Levert elk bestand van de publicatie over HTTP (met ETag, Last-Modified en Range) en een index van de bestanden met grootte en SHA-256.'),
    en('Serves every file of the publication over HTTP (with ETag, Last-Modified and Range) and an index of the files with size and SHA-256.'))
  add(service, dct + 'identifier', literal(service))
  add(service, dcat + 'endpointURL', index)
  add(service, dcat + 'endpointDescription', index)
  add(service, dcat + 'servesDataset', dataset)
  add(service, dct + 'publisher', publisher)
  add(service, dct + 'creator', publisher)
  add(service, dcat + 'contactPoint', contact)
  add(service, dct + 'accessRights', codes.public)
  add(service, dct + 'license', codes.cc0)
  add(service, dcat + 'theme', codes.government, codes.donlGovernance)
  add(service, dcat + 'keyword', ...metadata.keywords.map(nl))
  add(service, dct + 'language', codes.dutch)
  add(service, dcat + 'landingPage', landing)

  // The agents, places, periods and code list values the descriptions point to, typed and labelled.
  a(publisher, foaf + 'Agent', foaf + 'Organization')
  add(publisher, foaf + 'name', nl(publisherName))
  a(contact, vcard + 'Kind', vcard + 'Organization')
  add(contact, vcard + 'fn', nl(publisherName))
  add(contact, vcard + 'hasEmail', `mailto:${metadata.contactEmail}`)
  a(period, dct + 'PeriodOfTime')
  add(period, dcat + 'startDate', date(metadata.temporal.start))
  add(period, dcat + 'endDate', date(metadata.temporal.end))
  for (const [place, name] of places.map((p, i) => [p, metadata.municipalities[i]!] as const)) {
    a(place, dct + 'Location')
    add(place, skos + 'prefLabel', nl(name))
  }
  a(landing, foaf + 'Document')
  a(index, foaf + 'Document', rdfs + 'Resource')
  a(packageUrl, dct + 'Standard')
  add(packageUrl, dct + 'title', en('Open Akkoord Data Package (Frictionless Data Package v2 with a Table Schema per table)'))
  a(vocabulary, dct + 'Standard')
  add(vocabulary, dct + 'title', en('Open Akkoord RDF vocabulary with schema.org, W3C ORG and FOAF'))
  a(codes.dataThemes, skos + 'ConceptScheme')
  add(codes.dataThemes, dct + 'title', en('Data theme'))
  a(codes.government, skos + 'Concept')
  add(codes.government, skos + 'prefLabel', nl('Overheid en publieke sector'), en('Government and public sector'))
  add(codes.government, skos + 'inScheme', codes.dataThemes)
  a(codes.donlGovernance, skos + 'Concept')
  add(codes.donlGovernance, skos + 'prefLabel', nl('Bestuur'))
  a(codes.dutch, dct + 'LinguisticSystem')
  a(codes.cc0, dct + 'LicenseDocument')
  add(codes.cc0, rdfs + 'label', en('Creative Commons Zero v1.0 Universal'))
  a(codes.public, dct + 'RightsStatement')
  a(codes.irregular, dct + 'Frequency')
  a(codes.sha256, spdx + 'ChecksumAlgorithm')
  const used = new Set(context.distributions.map((f) => fileFormats[f.format]))
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
