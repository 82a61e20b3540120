import { Agent, request } from 'node:http'
import type { HostileRequest } from './hostile-requests.js'

/** What came back for one request. */
export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
  ms: number
}

/**
 * Sends a request exactly as given, over node:http with a keep-alive agent:
 * fetch would normalise the path (../, %2e%2e) before it ever reached the server.
 * Rejects after timeoutMs, so a hanging answer fails the test instead of stalling it.
 */
export function sendRaw(base: URL, agent: Agent, req: HostileRequest, timeoutMs: number): Promise<RawAnswer> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const outgoing = request({
      agent, host: base.hostname, port: base.port, method: req.method, path: req.path,
      headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
      timeout: timeoutMs,
    }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }))
      response.on('error', reject)
    })
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    outgoing.on('error', reject)
    outgoing.end(req.body)
  })
}

/** Runs tasks with at most `limit` in flight. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index]!)
    }
  }))
  return results
}
