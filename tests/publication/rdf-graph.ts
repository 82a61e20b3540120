import jsonld from 'jsonld'
import { Parser, Store, Writer, type Quad } from 'n3'
import { readFileSync } from 'node:fs'

/** Refuses every remote document: the JSON-LD files carry their context inline, and nothing may be fetched in tests. */
const offline = async (url: string): Promise<never> => {
  throw new Error(`refusing to load ${url}: no network`)
}

export function parseTurtle(path: string): Quad[] {
  return new Parser({ format: 'text/turtle' }).parse(readFileSync(path, 'utf8'))
}

/** Reads a JSON-LD file into quads with jsonld.js (the reference processor), offline. */
export async function parseJsonLd(path: string): Promise<Quad[]> {
  const nquads = (await jsonld.toRDF(JSON.parse(readFileSync(path, 'utf8')), {
    format: 'application/n-quads', documentLoader: offline as never,
  })) as unknown as string
  return new Parser({ format: 'application/n-quads' }).parse(nquads)
}

/** The URDNA2015 canonical N-Quads of a set of quads: equal strings mean isomorphic graphs. */
export async function canonical(quads: Quad[]): Promise<string> {
  const nquads = new Writer({ format: 'application/n-quads' }).quadsToString(new Store(quads).getQuads(null, null, null, null))
  return (await jsonld.canonize(nquads as never, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as never)) as unknown as string
}
