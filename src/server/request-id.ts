import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

// A random prefix per process and a counter: unique across the processes of a deployment, and nearly free
// on the hit path (a UUID per request costs more than the rest of a cache hit's own work).
const prefix = randomBytes(6).toString('base64url')
let counter = 0
const ids = new WeakMap<IncomingMessage, string>()

/** A new request id: sent as X-Request-Id, written in every log line and audit entry made for its request. */
export function nextRequestId(): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER
  return `${prefix}-${counter.toString(36)}`
}

/** The request's id, made on first asking (the hit path makes one without remembering it: nothing else asks). */
export function requestIdOf(request: IncomingMessage): string {
  let id = ids.get(request)
  if (id === undefined) {
    id = nextRequestId()
    ids.set(request, id)
  }
  return id
}
