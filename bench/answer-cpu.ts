import { runTsxJson } from './child-process.js'
import { graphqlHeaders, pathOf, throughputScenarios, type Scenario } from './scenarios.js'
import { benchEditorialPath } from './server-process.js'

/**
 * CPU per uncached answer inside the process, without HTTP: the lean path's
 * `answer()` against Mercurius's `app.graphql()` + JSON, and yoga's `fetch()`
 * (what answers when the lean path is off or declines).
 */
export interface AnswerCpuRow {
  scenario: string
  leanMicros: number
  mercuriusMicros: number
  yogaMicros: number
}

const sides = ['lean', 'mercurius', 'yoga'] as const

/** The uncached scenarios both sides can answer (one of them, when the child is given its name). */
const measured = (): Scenario[] => throughputScenarios.filter((s) => !s.cached && (process.argv[4] === undefined || s.name === process.argv[4]))

/**
 * Runs the two sides in separate child processes, alternately, `rounds`
 * times each, and keeps each side's lowest CPU per answer per scenario (the
 * least disturbed by other work on a shared machine). CPU time
 * (process.cpuUsage) instead of wall time, so a busy machine slows both
 * without changing the figures much.
 */
export async function measureAnswerCpu(iterations: number, rounds: number, env: Record<string, string> = {}): Promise<AnswerCpuRow[]> {
  const best = new Map<string, Record<(typeof sides)[number], number>>()
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) {
      const figures = await runTsxJson<Record<string, number>>('bench/answer-cpu.ts', [side, String(iterations)], { EDITORIAL_DATABASE: benchEditorialPath, LOG_LEVEL: 'silent', ...env })
      for (const [scenario, micros] of Object.entries(figures)) {
        const row = best.get(scenario) ?? { lean: Infinity, mercurius: Infinity, yoga: Infinity }
        row[side] = Math.min(row[side], micros)
        best.set(scenario, row)
      }
    }
  }
  return [...best].map(([scenario, row]) => ({ scenario, leanMicros: row.lean, mercuriusMicros: row.mercurius, yogaMicros: row.yoga }))
}

/** Microseconds of CPU (user + system) per call of `answer`, after a warm-up of a fifth as many calls. */
async function cpuPerCall(iterations: number, answer: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.ceil(iterations / 5); i++) await answer()
  const before = process.cpuUsage()
  for (let i = 0; i < iterations; i++) await answer()
  const spent = process.cpuUsage(before)
  return (spent.user + spent.system) / iterations
}

/** Child entry: `answer-cpu.ts lean|mercurius|yoga ITERATIONS [SCENARIO]` prints {scenario: µs per answer}. */
async function main(side: string, iterations: number): Promise<void> {
  const { pino } = await import('pino')
  const { loadConfig } = await import('../src/config.js')
  const { createApiContext } = await import('../src/api/context.js')
  const { openEditorialStore } = await import('../src/editorial/open-editorial-store.js')
  const { StoreHolder } = await import('../src/server/store-holder.js')
  const config = loadConfig()
  const stores = new StoreHolder(config.databasePath)
  const editorial = await openEditorialStore(config.editorialDatabase)
  const figures: Record<string, number> = {}
  const { PersistedDocuments } = await import('../src/api/persisted-documents.js')
  const api = {
    limits: config.limits, parseCacheBytes: config.cache.parseBytes, stores, editorial, logger: pino({ level: 'silent' }),
    persisted: new PersistedDocuments(config.cache.persistedQueryBytes),
  }
  if (side === 'yoga') {
    const { createApiApp } = await import('../src/api/yoga.js')
    const yoga = createApiApp(api)
    for (const scenario of measured()) {
      const answer = async () => (await yoga.fetch(`http://localhost${pathOf(scenario)}`, { headers: graphqlHeaders })).arrayBuffer()
      figures[scenario.name] = await cpuPerCall(iterations, answer)
    }
  } else if (side === 'lean') {
    const { createLeanExecutor } = await import('../src/api/lean-execution.js')
    const lean = createLeanExecutor({ ...api, cacheBytes: config.cache.compiledBytes })
    for (const scenario of measured()) {
      const request = { method: 'GET', url: new URL(`http://localhost${pathOf(scenario)}`), accept: graphqlHeaders.accept, contentType: '', body: undefined, server: {} }
      if (!(await lean.answer(request))) throw new Error(`the lean path declined ${scenario.name}`)
      figures[scenario.name] = await cpuPerCall(iterations, () => lean.answer(request))
    }
  } else {
    const { default: Fastify } = await import('fastify')
    const { default: mercurius } = await import('mercurius')
    const { executableSchema } = await import('../src/api/executable-schema.js')
    const app = Fastify({ logger: false })
    await app.register(mercurius, { schema: executableSchema, jit: 1, graphiql: false })
    await app.ready()
    for (const scenario of measured()) {
      const answer = async () => {
        const lease = stores.acquire()
        try {
          const context = createApiContext(lease.store, { store: editorial, viewer: null, requestId: null, client: null, usage: { editorial: false, private: false } })
          return Buffer.from(JSON.stringify(await app.graphql(scenario.query, context, scenario.variables)))
        } finally {
          lease.release()
        }
      }
      figures[scenario.name] = await cpuPerCall(iterations, answer)
    }
    await app.close()
  }
  stores.closeAll()
  await editorial.close()
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}

if (process.argv[1]?.endsWith('answer-cpu.ts')) await main(process.argv[2]!, Number(process.argv[3]))
