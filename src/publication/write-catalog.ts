import { catalogQuads, type CatalogContext } from './catalog-quads.js'
import { publicationPrefixes } from './vocabulary.js'
import { writeRdf } from './write-rdf.js'

export const catalogPaths = { turtle: 'catalog.ttl', jsonld: 'catalog.jsonld' } as const

/** Writes the DCAT catalogue as Turtle and as JSON-LD: the same triples in both. */
export async function writeCatalog(directory: string, context: CatalogContext): Promise<string[]> {
  const quads = catalogQuads(context)
  const written: string[] = []
  for (const format of ['turtle', 'jsonld'] as const) {
    written.push(await writeRdf({ directory, path: catalogPaths[format], format, prefixes: publicationPrefixes, quads: () => quads }))
  }
  return written
}
