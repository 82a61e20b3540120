import type { IncomingMessage } from 'node:http'

/** A body as the server's intake received it: its bytes, or that it was larger than allowed. */
export type ReceivedBody = { bytes: Buffer } | { tooLarge: true }

const received = new WeakMap<IncomingMessage, ReceivedBody>()

/** The body the intake received for a request, if it did (src/server/body-intake.ts). */
export function receivedBody(request: IncomingMessage): ReceivedBody | undefined {
  return received.get(request)
}

/** Keeps a request's received body for the route that reads it; it goes with the request. */
export function keepReceivedBody(request: IncomingMessage, body: ReceivedBody): void {
  received.set(request, body)
}
