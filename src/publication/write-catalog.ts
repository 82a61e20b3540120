import { catalogQuads, type CatalogContext } from './catalog-quads.js'
import { publicationPrefixes } from './vocabulary.js'
import { writeRdf } from './write-rdf.js'

/** The release's own catalogue, in its folder and in SHA256SUMS: links to that release's files only. */
export const catalogPaths = { turtle: 'catalog.ttl', jsonld: 'catalog.jsonld' } as const
/**
 * The catalogue served at /data/catalog.ttl while the release is current:
 * the same, plus the dataset's distributions at the stable /data/<path> URLs.
 * Hidden, so it is never served under /data/releases/<version>/, where the
 * stable URLs would soon name other files.
 */
export const currentCatalogPaths = { turtle: '.current-catalog.ttl', jsonld: '.current-catalog.jsonld' } as const

/** Writes both catalogues as Turtle and as JSON-LD (the same triples in both); returns the release catalogue's paths. */
export async function writeCatalog(directory: string, context: Omit<CatalogContext, 'scope'>): Promise<string[]> {
  const written: string[] = []
  for (const [scope, paths] of [['release', catalogPaths], ['current', currentCatalogPaths]] as const) {
    const quads = catalogQuads({ ...context, scope })
    for (const format of ['turtle', 'jsonld'] as const) {
      const { path } = await writeRdf({ directory, path: paths[format], format, prefixes: publicationPrefixes, quads: () => quads })
      if (scope === 'release') written.push(path)
    }
  }
  return written
}

/** The file a catalogue name is served from: the current catalogue at the plain /data/ paths, the release's own under releases/. */
export function servedCatalogPath(name: string, current: boolean): string {
  if (!current) return name
  if (name === catalogPaths.turtle) return currentCatalogPaths.turtle
  if (name === catalogPaths.jsonld) return currentCatalogPaths.jsonld
  return name
}
