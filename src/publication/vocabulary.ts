import type { NodeType } from '../model/global-id.js'
import { ownNamespace, ownPrefix } from './own-terms.js'

/** Established vocabularies the RDF and the catalogue use. */
export const ns = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  schema: 'https://schema.org/',
  org: 'http://www.w3.org/ns/org#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  dcat: 'http://www.w3.org/ns/dcat#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  adms: 'http://www.w3.org/ns/adms#',
  owl: 'http://www.w3.org/2002/07/owl#',
  prov: 'http://www.w3.org/ns/prov#',
} as const

/** Prefixes for Turtle and the JSON-LD context: the established ones plus `akkoord:` for the project's own terms. */
export const publicationPrefixes: Record<string, string> = { ...ns, [ownPrefix]: ownNamespace }

/** The IRI path segment of a node type: BudgetLine becomes budget-line. */
const iriSegment = (node: NodeType | string): string => node.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()

/**
 * The stable IRI of a record: `<base>/id/<type>/<agreement>/<key>`, or
 * `<base>/id/agreement/<agreement>` for an agreement. Same keys as the global IDs.
 */
export function recordIri(baseUrl: string, node: NodeType | string, agreement: string, key?: string | null): string {
  const path = node === 'Agreement' || key == null ? agreement : `${agreement}/${key}`
  return `${baseUrl}/id/${iriSegment(node)}/${path}`
}
