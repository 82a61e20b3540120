import { existsSync } from 'node:fs'
import { readFile, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { Parser, Writer, type Quad } from 'n3'
import type { Config } from '../config.js'
import type { RouteHandler } from './route.js'
import { JsonLdWriter } from '../publication/jsonld-writer.js'
import { currentRelease } from '../publication/release-store.js'
import { publicationTables } from '../publication/tables.js'
import { vocabularyHtml } from '../publication/vocabulary-html.js'
import { vocabularyQuads } from '../publication/vocabulary-quads.js'
import { publicationPrefixes } from '../publication/vocabulary.js'
import { catalogPaths } from '../publication/write-catalog.js'
import { rdfPath } from '../publication/write-data-files.js'
import { humanPagePath } from '../publication/human-page.js'
import { acceptableType, notAcceptableText } from '../publication/acceptable-type.js'
import { currentCatalogPaths } from '../publication/write-catalog.js'

const rdfTypes = ['text/turtle', 'application/ld+json', 'text/html'] as const

/** The triples of the current release (data and catalogue) by subject, read once per release. */
let graph: { release: string; bySubject: Map<string, Quad[]> } | null = null

async function subjectsOf(publicationDir: string): Promise<Map<string, Quad[]>> {
  const release = await realpath(currentRelease(publicationDir))
  if (graph?.release === release) return graph.bySubject
  const bySubject = new Map<string, Quad[]>()
  const catalog = existsSync(join(release, currentCatalogPaths.turtle)) ? currentCatalogPaths.turtle : catalogPaths.turtle
  for (const path of [rdfPath('turtle'), catalog]) {
    for (const q of new Parser().parse(await readFile(join(release, path), 'utf8'))) {
      const list = bySubject.get(q.subject.value) ?? []
      list.push(q)
      bySubject.set(q.subject.value, list)
    }
  }
  graph = { release, bySubject }
  return bySubject
}

async function serialize(quads: readonly Quad[], type: 'text/turtle' | 'application/ld+json'): Promise<string> {
  if (type === 'application/ld+json') return text(Readable.from(quads).pipe(new JsonLdWriter(publicationPrefixes)))
  return new Promise((resolve, reject) => {
    const writer = new Writer({ prefixes: publicationPrefixes, format: 'text/turtle' })
    writer.addQuads([...quads])
    writer.end((error, result) => (error ? reject(error) : resolve(result)))
  })
}

/**
 * Linked data that resolves: every IRI the publication mints under /id/
 * answers Turtle or JSON-LD (its triples in the current release) by Accept,
 * and a browser is sent (303) to the site page that shows the record. /def is
 * the vocabulary, as Turtle, JSON-LD or a readable Dutch page.
 */
export function createLinkedDataHandler(config: Pick<Config, 'publicationDir' | 'publicBaseUrl'>): RouteHandler {
  return async (request, response, url) => {
    const isVocabulary = url.pathname === '/def' || url.pathname === '/def/'
    if (!isVocabulary && !url.pathname.startsWith('/id/')) return false
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed.\n')
      return true
    }
    const type = acceptableType(request.headers.accept, rdfTypes) as (typeof rdfTypes)[number] | null
    if (!type) {
      response.writeHead(406, { 'Content-Type': 'text/plain; charset=utf-8', Vary: 'Accept' }).end(notAcceptableText(rdfTypes))
      return true
    }
    let body: string
    if (isVocabulary) {
      const quads = vocabularyQuads(publicationTables)
      body = type === 'text/html' ? vocabularyHtml(quads) : await serialize(quads, type)
    } else {
      const bySubject = await subjectsOf(config.publicationDir).catch(() => new Map<string, Quad[]>())
      const iri = `${config.publicBaseUrl}${url.pathname}`
      const quads = bySubject.get(iri)
      if (!quads) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', Vary: 'Accept' }).end(`No record has the IRI ${iri}.\n`)
        return true
      }
      if (type === 'text/html') {
        response.writeHead(303, { Location: `${config.publicBaseUrl}${humanPagePath(iri, bySubject)}`, Vary: 'Accept', 'Content-Length': '0' }).end()
        return true
      }
      body = await serialize(quads, type)
    }
    response.writeHead(200, {
      'Content-Type': `${type}; charset=utf-8`, 'Content-Length': String(Buffer.byteLength(body)), Vary: 'Accept',
      'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff',
    })
    response.end(request.method === 'HEAD' ? undefined : body)
    return true
  }
}
