import type { IncomingMessage } from 'node:http'

/** What a request's validators and Range ask of a file with this ETag, modification time and size. */
export type ConditionalOutcome =
  | { status: 304 }
  | { status: 200 }
  | { status: 206; start: number; end: number }
  | { status: 416 }

const etagMatches = (header: string, etag: string): boolean =>
  header.trim() === '*' || header.split(',').map((t) => t.trim().replace(/^W\//, '')).includes(etag)

/** The single byte range of a Range header, or null when there is none we honour (several ranges: the whole file). */
function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size) return 'unsatisfiable'
  if (end < start) return null
  return { start, end }
}

/**
 * Evaluates If-None-Match (or, without it, If-Modified-Since), then Range
 * with If-Range, in the order RFC 9110 gives them.
 */
export function evaluateConditions(request: IncomingMessage, file: { etag: string; mtime: Date; size: number }): ConditionalOutcome {
  const ifNoneMatch = request.headers['if-none-match']
  const ifModifiedSince = request.headers['if-modified-since']
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, file.etag)) return { status: 304 }
  } else if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince)
    if (!Number.isNaN(since) && Math.floor(file.mtime.getTime() / 1000) <= Math.floor(since / 1000)) return { status: 304 }
  }
  const range = request.headers.range
  if (range === undefined || request.method !== 'GET') return { status: 200 }
  const ifRange = request.headers['if-range']?.toString().trim()
  // If-Range with another validator means the client's part is stale: send the whole file.
  if (ifRange !== undefined && ifRange !== file.etag && ifRange !== file.mtime.toUTCString()) return { status: 200 }
  const parsed = parseRange(range, file.size)
  if (parsed === null) return { status: 200 }
  if (parsed === 'unsatisfiable') return { status: 416 }
  return { status: 206, ...parsed }
}
