import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { projectRoot, type Config } from '../config.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import type { RouteHandler } from './route.js'
import { problemCode, sendProblem } from './send-problem.js'
import { contentTypeOf } from '../publication/content-types.js'
import { evaluateConditions } from '../publication/http-conditions.js'
import { indexHtml, readPublicationIndex } from '../publication/publication-index.js'
import { PublicationPathError } from '../publication/publication-path.js'
import { progressRefresher } from '../publication/progress-refresh.js'
import { currentRelease, listReleases, releaseFolder } from '../publication/release-store.js'
import { catalogPaths } from '../publication/write-catalog.js'
import { acceptableType, notAcceptableText } from '../publication/acceptable-type.js'
import { resolveServedFile } from '../publication/resolve-served-file.js'

/** ETags are SHA-256 of the content, computed once per file version (device, inode, size, mtime). */
const etags = new Map<string, string>()

async function etagOf(handle: FileHandle, version: string): Promise<string> {
  const cached = etags.get(version)
  if (cached) return cached
  const hash = createHash('sha256')
  for await (const chunk of handle.createReadStream({ start: 0, autoClose: false })) hash.update(chunk as Buffer)
  const etag = `"${hash.digest('hex')}"`
  if (etags.size >= 5000) etags.clear()
  etags.set(version, etag)
  return etag
}

/** An error of the data route, as the server's one JSON problem shape. */
function sendError(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendProblem(response, 'json', status, problemCode(status), message, headers)
}

/** Serves one file with its validators, honouring conditional and Range requests. */
async function serveFile(request: IncomingMessage, response: ServerResponse, path: string, relative: string, extra: Record<string, string>): Promise<void> {
  // One open file for stat, ETag and body: a publication swapped meanwhile cannot mix two versions.
  const handle = await open(path, 'r')
  try {
    const stat = await handle.stat()
    const etag = await etagOf(handle, `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`)
    const headers: Record<string, string> = {
      'Content-Type': contentTypeOf(relative), ETag: etag, 'Last-Modified': stat.mtime.toUTCString(), 'Accept-Ranges': 'bytes',
      'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff', ...extra,
    }
    const outcome = evaluateConditions(request, { etag, mtime: stat.mtime, size: stat.size })
    if (outcome.status === 304) {
      const { 'Content-Type': _type, ...validators } = headers
      response.writeHead(304, validators)
      response.end()
      return
    }
    if (outcome.status === 416) {
      sendError(response, 416, 'range not satisfiable', { 'Content-Range': `bytes */${stat.size}` })
      return
    }
    const [start, end] = outcome.status === 206 ? [outcome.start, outcome.end] : [0, stat.size - 1]
    if (outcome.status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${stat.size}`
    headers['Content-Length'] = String(Math.max(0, end - start + 1))
    response.writeHead(outcome.status, headers)
    if (request.method === 'HEAD' || stat.size === 0) {
      response.end()
      return
    }
    await pipeline(handle.createReadStream({ start, end, autoClose: false }), response)
  } finally {
    await handle.close()
  }
}

/** Answers a generated body (an index) with a strong ETag of its bytes and the data's Last-Modified. */
function sendGenerated(request: IncomingMessage, response: ServerResponse, body: string, contentType: string, modified: Date): void {
  const etag = `"${createHash('sha256').update(body).digest('hex')}"`
  const headers: Record<string, string> = {
    'Content-Type': contentType, ETag: etag, 'Last-Modified': modified.toUTCString(), Vary: 'Accept',
    'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff',
  }
  if (evaluateConditions(request, { etag, mtime: modified, size: Buffer.byteLength(body) }).status === 304) {
    const { 'Content-Type': _type, ...validators } = headers
    response.writeHead(304, validators)
    response.end()
    return
  }
  response.writeHead(200, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) })
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** The index of a release folder, as JSON or (for a browser) HTML. */
async function sendIndex(request: IncomingMessage, response: ServerResponse, root: string, baseUrl: string, prefix: string, releases: readonly string[]): Promise<void> {
  const read = await readPublicationIndex(root, baseUrl, prefix, releases).catch(() => null)
  if (!read) throw new PublicationPathError(404, `/data/${prefix}`, 'no publication has been written')
  const offered = ['application/json', 'text/html']
  const type = acceptableType(request.headers.accept, offered)
  if (!type) {
    sendError(response, 406, notAcceptableText(offered).trim(), { Vary: 'Accept' })
    return
  }
  const html = type === 'text/html'
  sendGenerated(request, response, html ? indexHtml(read.index) : `${JSON.stringify(read.index, null, 2)}\n`, html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', read.modified)
}

/** Splits `releases/<version>/<rest>` into the release folder and the rest; the version must name a release. */
function releasePath(publicationDir: string, rest: string): { root: string; version: string; rest: string } | null {
  const match = /^releases\/([^/]+)\/(.*)$/.exec(rest)
  if (!match) return null
  let version: string
  try {
    version = decodeURIComponent(match[1]!)
  } catch {
    throw new PublicationPathError(400, rest, 'bad percent encoding')
  }
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(version)) throw new PublicationPathError(404, rest, 'not a release')
  return { root: releaseFolder(publicationDir, version), version, rest: match[2]! }
}

/**
 * The /data/ route: the current release's files at /data/<path>, every kept
 * release at /data/releases/<version>/<path>, the DCAT catalogue at
 * /data/catalog.ttl and /data/catalog.jsonld (and /data/catalog by content
 * negotiation), and an index of the files at /data/ and at each release's
 * folder (JSON, or HTML for a browser). GET and HEAD only; nothing outside
 * the releases is reachable. With the editorial store, a publication or
 * retraction of progress is written into a new release before the next
 * request is answered; if that fails, the previous release is served.
 */
export function createPublicationHandler(
  config: Pick<Config, 'publicationDir' | 'publicBaseUrl'>,
  progress?: { editorial: EditorialStore; settings: Pick<Config, 'databasePath' | 'publisherUri' | 'publisherName'>; onError(error: unknown): void },
): RouteHandler {
  const current = currentRelease(config.publicationDir)
  const refresh = progress ? progressRefresher({
    editorial: progress.editorial, publicationDir: config.publicationDir, root: projectRoot, databasePath: progress.settings.databasePath,
    baseUrl: config.publicBaseUrl, publisherUri: progress.settings.publisherUri, publisherName: progress.settings.publisherName,
  }) : null
  return async (request, response, url) => {
    if (url.pathname !== '/data' && !url.pathname.startsWith('/data/')) return false
    await refresh?.().catch((error: unknown) => progress!.onError(error))
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'method not allowed', { Allow: 'GET, HEAD' })
      return true
    }
    if (url.pathname === '/data' || url.pathname === '/data/releases') {
      response.writeHead(301, { Location: `${url.pathname}/` })
      response.end()
      return true
    }
    try {
      const rest = url.pathname.slice('/data/'.length)
      if (rest === '' || rest === 'releases/') {
        await sendIndex(request, response, current, config.publicBaseUrl, '', await listReleases(config.publicationDir))
        return true
      }
      const release = releasePath(config.publicationDir, rest)
      if (release && release.rest === '') {
        await sendIndex(request, response, release.root, config.publicBaseUrl, `releases/${release.version}/`, await listReleases(config.publicationDir))
        return true
      }
      const root = release ? release.root : current
      const path = release ? release.rest : rest
      if (path === 'catalog') {
        const offered = ['text/turtle', 'application/ld+json', 'application/json']
        const type = acceptableType(request.headers.accept, offered)
        if (!type) {
          sendError(response, 406, notAcceptableText(offered).trim(), { Vary: 'Accept' })
          return true
        }
        const name = type === 'text/turtle' ? catalogPaths.turtle : catalogPaths.jsonld
        const file = await resolveServedFile(root, name, !release)
        await serveFile(request, response, file.path, file.relative, { Vary: 'Accept', 'Content-Location': name })
        return true
      }
      const file = await resolveServedFile(root, path, !release)
      await serveFile(request, response, file.path, file.relative, {})
    } catch (error) {
      if (!(error instanceof PublicationPathError)) throw error
      sendError(response, error.status, error.status === 400 ? 'bad request path' : 'not found')
    }
    return true
  }
}
