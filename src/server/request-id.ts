import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const ids = new WeakMap<IncomingMessage, string>()

/**
 * A new request id, sent as X-Request-Id and written in every log line and
 * audit entry made for its request. A UUID: Node draws them from a buffer of
 * random bytes it refills in batches, so one costs a fraction of a microsecond.
 */
export function nextRequestId(): string {
  return randomUUID()
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
