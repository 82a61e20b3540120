import { createHash } from 'node:crypto'
import { printedSchema } from '../api/executable-schema.js'
import { changelogPaths } from '../api/schema-changelog.js'
import { renderChangelogAtom, renderChangelogHtml } from './schema-changelog-pages.js'
import { readSchemaChangelog, releasedSchema, schemaReleases } from '../api/schema-changelog.js'
import { corsHeaders, etagMatches, sendPreflight } from './http-helpers.js'
import type { RouteHandler } from './route.js'

interface StaticDocument {
  body: Buffer
  etag: string
  contentType: string
}

function document(text: string, contentType: string): StaticDocument {
  const body = Buffer.from(text, 'utf8')
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` }
}

/** The schema's documents by path: the current SDL, the changelog (HTML, Atom) and every released schema. */
function schemaDocuments(baseUrl: string): Map<string, StaticDocument> {
  const sdl = 'text/plain; charset=utf-8'
  const changelog = readSchemaChangelog()
  const releases = schemaReleases()
  return new Map([
    ['/schema.graphql', document(printedSchema(), sdl)],
    [changelogPaths.html, document(renderChangelogHtml(changelog, releases), 'text/html; charset=utf-8')],
    [changelogPaths.atom, document(renderChangelogAtom(changelog, baseUrl), 'application/atom+xml; charset=utf-8')],
    ...releases.map((version) => [`${changelogPaths.releases}${version}.graphql`, document(releasedSchema(version), sdl)] as const),
  ])
}

/**
 * /schema.graphql (the printed, sorted SDL, the same text as the committed
 * schema.graphql), the schema changelog at /schema/changelog and
 * /schema/changelog.atom, and the released schemas at /schema/releases/.
 * All are read once at start: they change only with the code.
 */
export function createSchemaRoute(baseUrl: string): RouteHandler {
  const documents = schemaDocuments(baseUrl)
  return async (request, response, url) => {
    const found = documents.get(url.pathname)
    if (!found) return false
    if (request.method === 'OPTIONS') {
      sendPreflight(request, response, 'GET, HEAD, OPTIONS')
      return true
    }
    const headers = { ...corsHeaders, etag: found.etag, 'cache-control': 'public, max-age=300', 'content-type': found.contentType }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, allow: 'GET, HEAD, OPTIONS', 'content-length': '0' })
      response.end()
    } else if (etagMatches(request.headers['if-none-match'], found.etag)) {
      response.writeHead(304, headers)
      response.end()
    } else {
      response.writeHead(200, { ...headers, 'content-length': String(found.body.length) })
      response.end(request.method === 'HEAD' ? undefined : found.body)
    }
    return true
  }
}
