import type { RecordedAnswer } from './bare-server.js'
import { graphqlHeaders, pathOf, type Scenario } from './scenarios.js'

/** An answer of the real server and the SQL statements it cost. */
export interface Recorded {
  path: string
  answer: RecordedAnswer
  /** extensions.sqlStatements of a computed answer; 0 for a cache hit, which runs none. */
  sqlStatements: number
  cache: string | null
}

/** The server sent something a scenario cannot be measured on: names the scenario and the answer. */
export class ScenarioAnswerError extends Error {
  override readonly name = 'ScenarioAnswerError'
}

// Per-connection headers the bare server's own node:http sets itself.
const hopByHop = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])

/**
 * Asks the server a scenario's query (twice when it is cached, so the
 * recorded answer is the hit) and keeps the bytes and headers for the bare server.
 */
export async function recordAnswer(base: string, scenario: Scenario): Promise<Recorded> {
  const path = pathOf(scenario)
  const ask = () => fetch(`${base}${path}`, { headers: graphqlHeaders })
  let response = await ask()
  const computed = Buffer.from(await response.arrayBuffer())
  if (scenario.cached) response = await ask()
  const body = scenario.cached ? Buffer.from(await response.arrayBuffer()) : computed
  const parsed = JSON.parse(computed.toString('utf8')) as { errors?: unknown; extensions?: { sqlStatements?: number } }
  if (response.status !== 200 || parsed.errors) {
    throw new ScenarioAnswerError(`${scenario.name}: status ${response.status}, ${computed.toString('utf8').slice(0, 300)}`)
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => { if (!hopByHop.has(name)) headers[name] = value })
  const cache = response.headers.get('x-cache')
  if (scenario.cached && cache !== 'HIT') throw new ScenarioAnswerError(`${scenario.name}: the repeat was not a cache hit (x-cache ${cache})`)
  return {
    path, cache,
    answer: { status: response.status, headers, body },
    sqlStatements: cache === 'HIT' ? 0 : parsed.extensions?.sqlStatements ?? Number.NaN,
  }
}
