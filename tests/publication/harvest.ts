import { createHash } from 'node:crypto'
import { DataFactory, Parser, Store } from 'n3'
import { ns } from '../../src/publication/vocabulary.js'

const { namedNode } = DataFactory

/** A catalogue as a harvester reads it: its graph and what it says about datasets, versions and downloads. */
export interface Harvest {
  store: Store
  /** The datasets the catalogue lists (dcat:dataset). */
  datasets: string[]
  values(subject: string, predicate: string): string[]
  /** Every distribution reachable from the listed datasets and their versions, with URL, size and checksum. */
  downloads: { distribution: string; url: string; bytes: number; checksum: string; sha256: string }[]
  /** Every IRI in the graph under <base>/data/: the links a harvester may follow. */
  links: string[]
}

/** Fetches a catalogue (Turtle) over HTTP and reads it with n3, mapping the public base URL to the test server's origin. */
export async function harvest(origin: string, baseUrl: string, path: string): Promise<Harvest> {
  const response = await fetch(`${origin}${path}`)
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`)
  const store = new Store(new Parser({ format: 'text/turtle' }).parse(await response.text()))
  const values = (subject: string, predicate: string) => store.getObjects(namedNode(subject), namedNode(predicate), null).map((o) => o.value)
  const catalog = store.getSubjects(namedNode(ns.rdf + 'type'), namedNode(ns.dcat + 'Catalog'), null).map((s) => s.value)
  const datasets = catalog.flatMap((c) => values(c, ns.dcat + 'dataset'))
  const versions = datasets.flatMap((d) => values(d, ns.dcat + 'hasVersion'))
  const downloads = [...new Set([...datasets, ...versions].flatMap((d) => values(d, ns.dcat + 'distribution')))].map((distribution) => {
    const checksum = values(distribution, ns.spdx + 'checksum')[0]!
    return {
      distribution, url: values(distribution, ns.dcat + 'downloadURL')[0]!, bytes: Number(values(distribution, ns.dcat + 'byteSize')[0]),
      checksum, sha256: values(checksum, ns.spdx + 'checksumValue')[0]!,
    }
  })
  const links = [...new Set(store.getQuads(null, null, null, null).flatMap((q) => [q.subject, q.object]).filter((t) => t.termType === 'NamedNode' && t.value.startsWith(`${baseUrl}/data/`)).map((t) => t.value))].sort()
  return { store, datasets, values, downloads, links }
}

/** Downloads a URL of the publication from the test server: status, bytes and their SHA-256. */
export async function download(origin: string, baseUrl: string, url: string): Promise<{ status: number; bytes: number; sha256: string }> {
  const response = await fetch(url.replace(baseUrl, origin))
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') }
}
