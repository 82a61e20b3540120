import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ClientAddress } from './client-address.js'
import { sendJson } from './http-helpers.js'
import { keepReceivedBody, type ReceivedBody } from './received-body.js'

/** How request bodies are received before a request may take an in-flight slot. */
export interface BodyIntakeOptions {
  /** Bodies larger than this are not kept: the route answers 413 (MAX_BODY_BYTES). */
  maxBytes: number
  /** Bodies one client may be sending at once (UPLOADS_PER_CLIENT); one more gets a 429. */
  perClient: number
  /** Bodies being received at once from all clients (MAX_UPLOADS); one more gets a 503. */
  total: number
  /** Time a whole body may take to arrive (BODY_TIMEOUT_MS); a slower sender gets a 408 and is cut off. */
  timeoutMs: number
  retryAfterSeconds: number
}

/** Whether a request announces a body (a length above zero, or a chunked one). */
function announcesBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length']
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

/**
 * Receives request bodies before the request is worked on, so a slow sender
 * holds a connection and an upload place, never one of the MAX_IN_FLIGHT
 * slots (135 POSTs sending a byte a second once held every slot, and every
 * route answered 503). Uploads are bounded per client and in total and cut
 * off after BODY_TIMEOUT_MS; a body over MAX_BODY_BYTES stops being read.
 */
export class BodyIntake {
  private readonly perClient = new Map<string, number>()
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
  async receive(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (!announcesBody(request)) return true
    const { maxBytes, perClient, total, retryAfterSeconds } = this.options
    if (Number(request.headers['content-length']) > maxBytes) {
      keepReceivedBody(request, { tooLarge: true })
      return true
    }
    const client = this.clientAddress(request)
    const mine = this.perClient.get(client) ?? 0
    const retry = { 'retry-after': String(retryAfterSeconds), connection: 'close' }
    if (mine >= perClient) {
      this.refused.client += 1
      sendJson(response, 429, { error: 'too_many_uploads', message: `You are sending ${perClient} request bodies already (UPLOADS_PER_CLIENT); finish those first.` }, retry)
      return false
    }
    if (this.receiving >= total) {
      this.refused.total += 1
      sendJson(response, 503, { error: 'overloaded', message: `The server is receiving ${total} request bodies already (MAX_UPLOADS); try again in ${retryAfterSeconds} s.` }, retry)
      return false
    }
    this.perClient.set(client, mine + 1)
    this.receiving += 1
    try {
      const body = await this.read(request)
      if (body === 'timeout') {
        this.refused.timedOut += 1
        sendJson(response, 408, { error: 'request_timeout', message: `The request body did not arrive within ${this.options.timeoutMs} ms (BODY_TIMEOUT_MS).` }, { connection: 'close' })
        return false
      }
      if (body === 'gone') return false
      keepReceivedBody(request, body)
      return true
    } finally {
      this.receiving -= 1
      const left = (this.perClient.get(client) ?? 1) - 1
      if (left === 0) this.perClient.delete(client)
      else this.perClient.set(client, left)
    }
  }

  /** Reads until the end, the size limit, the time limit, or the client's going away. */
  private read(request: IncomingMessage): Promise<ReceivedBody | 'timeout' | 'gone'> {
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
        if (size > this.options.maxBytes) finish({ tooLarge: true })
        else chunks.push(chunk)
      }
      const onEnd = () => finish({ bytes: Buffer.concat(chunks) })
      const onClose = () => finish('gone')
      const timer = setTimeout(() => finish('timeout'), this.options.timeoutMs)
      request.on('data', onData).on('end', onEnd).on('close', onClose)
    })
  }
}
