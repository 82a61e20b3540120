import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ClientAddress } from './client-address.js'
import { sendJson } from './http-helpers.js'
import { keepReceivedBody, type ReceivedBody } from './received-body.js'

/** How request bodies are received before a request may take an in-flight slot. */
export interface BodyIntakeOptions {
  /** Bodies to a path larger than this are not kept: the route answers 413 (MAX_BODY_BYTES, WORKSHEET_MAX_BYTES; see body-limit.ts). */
  maxBytes: (path: string, request: IncomingMessage) => number | Promise<number>
  /** Bodies one client may be sending at once (UPLOADS_PER_CLIENT); more wait for a place, unread, within the time limit. */
  perClient: number
  /** Bodies being received at once from all clients (MAX_UPLOADS); one more gets a 503. */
  total: number
  /** Time a whole body may take to arrive (BODY_TIMEOUT_MS); a slower sender gets a 408 and is cut off. */
  timeoutMs: number
  retryAfterSeconds: number
}

/**
 * A body over its limit is read on and dropped until it ends, up to this many
 * times the limit, so that a client still sending reads its 413 rather than a
 * reset connection; beyond that it is cut off.
 */
const lingerFactor = 16

/** Whether a request announces a body (a length above zero, or a chunked one). */
function announcesBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/**
 * Receives request bodies before the request is worked on, so a slow sender
 * holds a connection and an upload place, never one of the MAX_IN_FLIGHT
 * slots (135 POSTs sending a byte a second once held every slot, and every
 * route answered 503). Uploads are bounded per client (more wait their
 * turn, unread) and in total (more get a 503), and cut off BODY_TIMEOUT_MS
 * after they arrived; a body over its path's limit stops being read.
 */
export class BodyIntake {
  private readonly perClient = new Map<string, { active: number; waiting: (() => void)[] }>()
  private receiving = 0
  /** Uploads refused (per client or in total) and cut off by time since start, for logs and tests. */
  readonly refused = { client: 0, total: 0, timedOut: 0 }

  constructor(private readonly options: BodyIntakeOptions, private readonly clientAddress: ClientAddress) {}

  /** Bodies being received now. */
  get count(): number {
    return this.receiving
  }

  /** Whether every upload place is taken. */
  get full(): boolean {
    return this.receiving >= this.options.total
  }

  /**
   * Receives the request's body, if it announces one; true when the request
   * may go on to the routes, false when the intake has answered it (429, 503,
   * 408) or the client went away.
   */
  async receive(request: IncomingMessage, response: ServerResponse, path: string): Promise<boolean> {
    if (!announcesBody(request)) return true
    const { total, retryAfterSeconds, timeoutMs } = this.options
    const maxBytes = await this.options.maxBytes(path, request)
    // Announced beyond what is drained: refused unread. Announced over the limit but within it: read and dropped
    // below, so that the client, still sending (a browser uploading a file), reads its 413 and not a reset connection.
    if (Number(request.headers['content-length']) > maxBytes * lingerFactor) {
      keepReceivedBody(request, { tooLarge: true })
      return true
    }
    const deadline = Date.now() + timeoutMs
    const client = this.clientAddress(request)
    const retry = { 'retry-after': String(retryAfterSeconds), connection: 'close' }
    const place = await this.clientPlace(client, deadline, request)
    if (place === 'full') {
      this.refused.client += 1
      sendJson(response, 429, { error: 'too_many_uploads', message: 'You are sending too many request bodies at once (UPLOADS_PER_CLIENT); finish those first.' }, retry)
      return false
    }
    if (place !== 'ok') return this.timedOut(response, place)
    try {
      if (this.receiving >= total) {
        this.refused.total += 1
        sendJson(response, 503, { error: 'overloaded', message: `The server is receiving ${total} request bodies already (MAX_UPLOADS); try again in ${retryAfterSeconds} s.` }, retry)
        return false
      }
      this.receiving += 1
      try {
        const body = await this.read(request, deadline - Date.now(), maxBytes)
        if (body === 'timeout' || body === 'gone') return this.timedOut(response, body)
        keepReceivedBody(request, body)
        return true
      } finally {
        this.receiving -= 1
      }
    } finally {
      this.releaseClientPlace(client)
    }
  }

  private timedOut(response: ServerResponse, outcome: 'timeout' | 'gone'): false {
    if (outcome === 'timeout') {
      this.refused.timedOut += 1
      sendJson(response, 408, { error: 'request_timeout', message: `The request body did not arrive within ${this.options.timeoutMs} ms (BODY_TIMEOUT_MS).` }, { connection: 'close' })
    }
    return false
  }

  /**
   * One of the client's UPLOADS_PER_CLIENT places: at once when one is free,
   * else after waiting (its body unread) until another of its bodies is in,
   * up to the deadline. A fast client's bursts wait microseconds; a slow
   * sender's further bodies wait their whole time and are cut off. `full`
   * when the client already has MAX_UPLOADS bodies waiting.
   */
  private clientPlace(client: string, deadline: number, request: IncomingMessage): Promise<'ok' | 'full' | 'timeout' | 'gone'> {
    let entry = this.perClient.get(client)
    if (!entry) this.perClient.set(client, entry = { active: 0, waiting: [] })
    if (entry.active < this.options.perClient) {
      entry.active += 1
      return Promise.resolve('ok')
    }
    if (entry.waiting.length >= this.options.total) return Promise.resolve('full')
    const waiting = entry.waiting
    return new Promise((resolve) => {
      const done = (outcome: 'ok' | 'timeout' | 'gone') => {
        clearTimeout(timer)
        request.off('close', onClose)
        const at = waiting.indexOf(wake)
        if (at >= 0) waiting.splice(at, 1)
        resolve(outcome)
      }
      const wake = () => done('ok')
      const onClose = () => done('gone')
      const timer = setTimeout(() => done('timeout'), Math.max(0, deadline - Date.now()))
      request.once('close', onClose)
      waiting.push(wake)
    })
  }

  /** Gives the client's place to its next waiting body, or frees it. */
  private releaseClientPlace(client: string): void {
    const entry = this.perClient.get(client)
    if (!entry) return
    const next = entry.waiting.shift()
    if (next) return next()
    entry.active -= 1
    if (entry.active === 0) this.perClient.delete(client)
  }

  /** Reads until the end, the size limit, the time limit, or the client's going away. */
  private read(request: IncomingMessage, timeoutMs: number, maxBytes: number): Promise<ReceivedBody | 'timeout' | 'gone'> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = []
      let size = 0
      const finish = (result: ReceivedBody | 'timeout' | 'gone') => {
        clearTimeout(timer)
        request.off('data', onData).off('end', onEnd).off('close', onClose)
        // A body refused part-way is not read further; its connection is closed after the answer.
        if (result === 'timeout' || (typeof result === 'object' && 'tooLarge' in result)) request.pause()
        resolve(result)
      }
      const onData = (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes * lingerFactor) finish({ tooLarge: true })
        else if (size <= maxBytes) chunks.push(chunk)
      }
      const onEnd = () => finish(size > maxBytes ? { tooLarge: true } : { bytes: Buffer.concat(chunks) })
      const onClose = () => finish('gone')
      const timer = setTimeout(() => finish('timeout'), Math.max(0, timeoutMs))
      request.on('data', onData).on('end', onEnd).on('close', onClose)
    })
  }
}
