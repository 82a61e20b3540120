import autocannon from 'autocannon'
import type { LoadOptions, LoadResult } from './load.js'

/**
 * Child entry of runLoad: runs autocannon with the options in argv[2] and
 * prints the summary as one JSON line.
 */
const options = JSON.parse(process.argv[2]!) as LoadOptions
const result = await autocannon({
  url: options.base,
  connections: options.connections,
  duration: options.durationSeconds,
  requests: options.requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body })),
  timeout: 10,
})
const summary: LoadResult = {
  requestsPerSecond: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  total: result.requests.total,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  statusClasses: { '1xx': result['1xx'], '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
}
process.stdout.write(`${JSON.stringify(summary)}\n`)
