import type { IncomingMessage, ServerResponse } from 'node:http'
import { receivedBody } from './received-body.js'

/** CORS for a public read-only API: any origin, no credentials (so no cookies ever travel). */
export const corsHeaders: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Last-Modified, Content-Length, Content-Range, Accept-Ranges, Content-Location, Content-Encoding, X-Cache, Retry-After, RateLimit, RateLimit-Policy',
}

/**
 * The answer to a CORS preflight request. The headers a browser asks to send
 * are allowed as asked: without credentials, no header can carry a user's identity.
 */
export function sendPreflight(request: IncomingMessage, response: ServerResponse, methods: string): void {
  const asked = request.headers['access-control-request-headers']
  response.writeHead(204, {
    ...corsHeaders,
    'access-control-allow-methods': methods,
    'access-control-allow-headers': typeof asked === 'string' && /^[\w\s,-]{1,500}$/.test(asked) ? asked : 'Content-Type, Accept, If-None-Match, If-Modified-Since, If-Range, Range',
    'access-control-max-age': '86400',
    'content-length': '0',
  })
  response.end()
}

/** Sends a JSON body with the given status. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  })
  response.end(text)
}

/** A request body that is larger than allowed. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

/**
 * A request's body: the one the server's intake received before the request
 * was admitted (src/server/body-intake.ts), or else read here, refusing it as
 * soon as it exceeds maxBytes (by its Content-Length, or while it streams in).
 */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const body = receivedBody(request)
  if (body && 'tooLarge' in body) throw new BodyTooLargeError('the body exceeds the limit')
  if (body) return body.bytes
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(`the body is ${declared} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw new BodyTooLargeError(`the body exceeds ${maxBytes} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Whether an If-None-Match header names the ETag (or is "*"); weak and strong forms compare alike. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}
