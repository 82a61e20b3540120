import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import Negotiator from 'negotiator'
import { etagMatches } from './http-helpers.js'

/** The content codings the server sends: each a representation of its own, with its own ETag. */
export type Encoding = 'identity' | 'gzip' | 'br'

/** One encoding of an answer, with every header it is sent with, prepared once. */
interface PreparedVariant {
  body: Buffer
  etag: string
  /** The 200's headers (content-length, ETag and X-Cache: HIT included). */
  headers: Readonly<Record<string, string>>
  /** A 304's headers: the 200's validators, caching, Vary and policies, without the body's own headers. */
  notModified: Readonly<Record<string, string>>
}

/** An answer kept for repeat requests, in each encoding it has been prepared in so far. */
export interface PreparedAnswer {
  status: number
  /** The database generation it was computed from. */
  generation: number
  /** For an answer that shows published progress: the publication generation it was computed at. */
  publication?: number
  variants: { identity: PreparedVariant } & Partial<Record<'gzip' | 'br', PreparedVariant>>
  /** Set while the other encodings are being made: a hit that wants one of them waits rather than get the plain bytes. */
  pending?: Promise<PreparedAnswer>
}

/** Below this a body is sent as it is: compression would save less than its framing costs. */
const thresholdBytes = 1024
const compressibleTypes = /^(?:text\/|application\/(?:json|graphql-response\+json|ld\+json|xml|javascript)|image\/svg\+xml)/
const compressors: Record<'gzip' | 'br', (body: Buffer) => Promise<Buffer>> = {
  // zlib's asynchronous functions run on libuv's thread pool: a large body never holds the event loop.
  gzip: (body) => promisify(gzip)(body),
  // Brotli at quality 5 is about as fast as gzip on small JSON and a fifth smaller.
  br: (body) => promisify(brotliCompress)(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
}
/** What an encoding's ETag adds to the plain one's. */
export const etagSuffix = { identity: '', gzip: '.gz', br: '.br' } as const
/** Headers a 304 does not carry: they describe a body it does not have. */
const bodyHeaders = new Set(['content-type', 'content-length', 'content-encoding', 'content-disposition'])

const negotiated = new Map<string, Encoding>()
const offered = ['br', 'gzip', 'identity']

/** The encoding a request accepts best (the server prefers br, then gzip), remembered per distinct header. */
export function acceptedEncoding(header: string | undefined): Encoding {
  if (header === undefined || header === '') return 'identity'
  let choice = negotiated.get(header)
  if (choice === undefined) {
    // negotiator 1 takes the server's preference for ties as an option; its types predate it.
    const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as unknown as { encoding(available: string[], options: { preferred: string[] }): string | undefined }
    const found = negotiator.encoding(offered, { preferred: ['br', 'gzip'] })
    choice = found === 'br' || found === 'gzip' ? found : 'identity'
    // Distinct headers are few in practice; a flood of invented ones only empties the memo.
    if (negotiated.size >= 256) negotiated.clear()
    negotiated.set(header, choice)
  }
  return choice
}

/** The strong ETag of a body: its SHA-256, with the content type (a JSON and a GraphQL-JSON answer differ). */
export function etagOf(body: Buffer, contentType = ''): string {
  return `"${createHash('sha256').update(contentType).update('\n').update(body).digest('base64url').slice(0, 32)}"`
}

function variant(headers: Readonly<Record<string, string>>, body: Buffer, etag: string, encoding: Encoding): PreparedVariant {
  const full: Record<string, string> = { ...headers, etag, 'content-length': String(body.length), 'x-cache': 'HIT' }
  if (encoding !== 'identity') full['content-encoding'] = encoding
  const notModified: Record<string, string> = {}
  for (const name in full) if (!bodyHeaders.has(name)) notModified[name] = full[name]!
  return { body, etag, headers: full, notModified }
}

/** What an answer is made of before it is prepared: its status, its headers (the route's policy included) and its body. */
export interface AnswerParts {
  status: number
  headers: Readonly<Record<string, string>>
  body: Buffer
  generation: number
  publication?: number
}

function compressible(parts: Pick<AnswerParts, 'headers' | 'body'>): boolean {
  return parts.body.length >= thresholdBytes && compressibleTypes.test(parts.headers['content-type'] ?? '')
}

/**
 * Prepares an answer: its plain variant at once, and the encoding this
 * request accepts compressed off the event loop. ETags of the encodings
 * differ (a client or cache never mixes their bytes); each is the plain one's with a suffix.
 */
export async function prepareAnswer(parts: AnswerParts, wanted: Encoding): Promise<PreparedAnswer> {
  const etag = parts.headers.etag ?? etagOf(parts.body, parts.headers['content-type'])
  const answer: PreparedAnswer = {
    status: parts.status, generation: parts.generation, publication: parts.publication,
    variants: { identity: variant(parts.headers, parts.body, etag, 'identity') },
  }
  if (wanted !== 'identity' && compressible(parts)) await addEncoding(answer, wanted)
  return answer
}

async function addEncoding(answer: PreparedAnswer, encoding: 'gzip' | 'br'): Promise<void> {
  const plain = answer.variants.identity
  const body = await compressors[encoding](plain.body)
  const etag = plain.etag.replace(/"$/, `${etagSuffix[encoding]}"`)
  const { etag: _etag, 'content-length': _length, 'x-cache': _cache, ...headers } = plain.headers
  answer.variants[encoding] = variant(headers, body, etag, encoding)
}

/** Adds every encoding not prepared yet (in the background, before the answer enters the cache). */
export function completeEncodings(answer: PreparedAnswer): Promise<PreparedAnswer> {
  const plain = answer.variants.identity
  if (plain.body.length < thresholdBytes || !compressibleTypes.test(plain.headers['content-type'] ?? '')) return Promise.resolve(answer)
  const missing = (['gzip', 'br'] as const).filter((e) => answer.variants[e] === undefined)
  if (missing.length === 0) return Promise.resolve(answer)
  answer.pending ??= Promise.all(missing.map((e) => addEncoding(answer, e))).then(() => answer).finally(() => { answer.pending = undefined })
  return answer.pending
}

/** Whether a request's encoding is still being made for this answer (then `answer.pending` tells when it is there). */
export function awaitsEncoding(request: IncomingMessage, answer: PreparedAnswer): boolean {
  if (answer.pending === undefined) return false
  const wanted = acceptedEncoding(request.headers['accept-encoding'] as string | undefined)
  return wanted !== 'identity' && answer.variants[wanted] === undefined
}

/**
 * Sends a prepared answer: the variant of the encoding the request accepts
 * (the plain one when that encoding is not prepared), or a 304 with that
 * variant's headers when If-None-Match names its ETag. A HEAD gets the same
 * headers and no body (node:http leaves it out). `perClient` headers (the
 * client's RateLimit) go on this answer only, never into the prepared ones.
 */
export function sendPrepared(request: IncomingMessage, response: ServerResponse, answer: PreparedAnswer, requestId: string, cache: 'HIT' | 'MISS' = 'HIT',
  perClient?: Readonly<Record<string, string>>): void {
  const variants = answer.variants
  const chosen = variants.gzip === undefined && variants.br === undefined ? variants.identity
    : variants[acceptedEncoding(request.headers['accept-encoding'] as string | undefined)] ?? variants.identity
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch !== undefined && answer.status === 200 && etagMatches(ifNoneMatch, chosen.etag)) {
    response.writeHead(304, { ...chosen.notModified, 'x-cache': cache, 'x-request-id': requestId, ...perClient })
    response.end()
    return
  }
  response.writeHead(answer.status, { ...chosen.headers, 'x-cache': cache, 'x-request-id': requestId, ...perClient })
  response.end(chosen.body)
}

/**
 * Sends an answer kept for no one (an error, GraphiQL's page, a signed-in
 * answer): compressed in the encoding the request accepts when that is worth
 * it, off the event loop, and without a validator or X-Cache, since no cache
 * holds it.
 */
export async function sendUncached(request: IncomingMessage, response: ServerResponse, parts: Pick<AnswerParts, 'status' | 'headers' | 'body'>,
  requestId: string, perClient?: Readonly<Record<string, string>>): Promise<void> {
  const wanted = acceptedEncoding(request.headers['accept-encoding'] as string | undefined)
  const headers: Record<string, string> = { ...parts.headers }
  let body = parts.body
  if (wanted !== 'identity' && compressible(parts)) {
    body = await compressors[wanted](body)
    headers['content-encoding'] = wanted
  }
  response.writeHead(parts.status, { ...headers, 'content-length': String(body.length), 'x-request-id': requestId, ...perClient })
  response.end(body)
}
