import type { ServerResponse } from 'node:http'
import type { ErrorShape } from './route-policy.js'
import { sendProblem } from './send-problem.js'

/**
 * Sheds load: at most `max` requests are answered at once; one more gets a
 * 503 with Retry-After straight away, before any work is done for it, rather
 * than waiting behind the others and making everyone slow (MAX_IN_FLIGHT).
 */
export class InFlightLimit {
  private readonly responses = new Set<ServerResponse>()
  /** Requests refused since start, for logs and tests. */
  refused = 0

  constructor(readonly max: number, readonly retryAfterSeconds: number) {}

  /** Requests being answered now. */
  get count(): number {
    return this.responses.size
  }

  /** Asks every answer not yet started to close its connection after it is sent (at shutdown). */
  closeConnectionsAfterAnswers(): void {
    for (const response of this.responses) if (!response.headersSent) response.setHeader('connection', 'close')
  }

  /**
   * Counts the request in until its response is done (sent or aborted), or,
   * when the server is full, answers it with a 503 and returns false.
   */
  admit(response: ServerResponse, shape: ErrorShape = 'json'): boolean {
    if (this.responses.size >= this.max) {
      this.refused += 1
      sendProblem(response, shape, 503, 'overloaded', `The server is answering ${this.max} requests already (MAX_IN_FLIGHT); try again in ${this.retryAfterSeconds} s.`,
        { 'retry-after': String(this.retryAfterSeconds) })
      return false
    }
    this.responses.add(response)
    response.once('close', () => this.responses.delete(response))
    return true
  }
}
