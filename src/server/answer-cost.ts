import type { ThrottleStatus } from '../api/throttle-status.js'

const costKey = Buffer.from('"extensions":{"cost":{')

/*
 * A GraphQL answer's JSON ends with its `extensions` (data and errors come
 * first), and no unescaped `"extensions":{"cost":{` can stand inside a
 * string of the data, so the last one is the answer's own. Reading it there
 * costs a search from the end, not a parse of the whole answer.
 */

/** The points an answer costs: its `actualQueryCost` (else its estimate); 1 for an answer that never ran. */
export function answerPoints(body: Buffer): number {
  const at = body.lastIndexOf(costKey)
  if (at === -1) return 1
  const tail = body.subarray(at, at + 400).toString('utf8')
  const cost = /"actualQueryCost":(\d+)/.exec(tail) ?? /"requestedQueryCost":(\d+)/.exec(tail)
  return cost ? Math.max(1, Number(cost[1])) : 1
}

/** The answer with `extensions.cost.throttleStatus` added (unchanged when it has no cost extension). */
export function withThrottleStatus(body: Buffer, status: ThrottleStatus): Buffer {
  const at = body.lastIndexOf(costKey)
  if (at === -1) return body
  const { maximumAvailable, currentlyAvailable, restoreRate } = status
  const inserted = Buffer.from(`"throttleStatus":${JSON.stringify({ maximumAvailable, currentlyAvailable, restoreRate })},`)
  const split = at + costKey.length
  return Buffer.concat([body.subarray(0, split), inserted, body.subarray(split)])
}
