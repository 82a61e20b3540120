import { mkdtempSync, rmSync } from 'node:fs'
import pg from 'pg'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addAccount } from '../src/editorial/accounts.js'
import { reviewQueue } from '../src/editorial/editorial-reads.js'
import { openEditorialStore, type EditorialStore } from '../src/editorial/open-editorial-store.js'
import { publishRevision } from '../src/editorial/publish-revision.js'
import { recordRevision, type RevisionInput } from '../src/editorial/record-revision.js'
import { cpuSeconds } from './child-process.js'
import { runLoad, type LoadResult } from './load.js'
import { postgresBinaries, startPrivatePostgres } from './private-postgres.js'
import { recordAnswer } from './record-answer.js'
import { table } from './report-table.js'
import { startReplica } from './replica-server.js'
import { loadRequestOf, throughputScenarios } from './scenarios.js'
import { startServerProcess } from './server-process.js'

/** One editorial operation timed on both engines. */
interface EditorialRow { operation: string; count: number; sqliteMs: number; postgresMs: number; ratio: number }
/** One public query served with each engine behind the server. */
interface ReadRow {
  scenario: string
  sqlite: { requestsPerSecond: number; cpuMsPerAnswer: number }
  postgres: { requestsPerSecond: number; cpuMsPerAnswer: number }
  cpuRatio: number
  /** Transactions the PostgreSQL server counted for the database during the load, per answer: 0 means no round trip per hit. */
  postgresTransactionsPerAnswer: number
  postgresTransactions: number
}

/** The editorial store on PostgreSQL beside SQLite, and two replicas against one. */
export interface PostgresComparison {
  editorial: EditorialRow[]
  readPath: ReadRow[]
  replicas: { scenario: string; one: LoadResult; two: LoadResult; speedup: number }
}

const actions = ['nieuw-jongerenbeleid-met-asser-jeugd', 'pilot-basisbanen-structureel', 'plek-voor-kunstenaars']

/** Milliseconds per call of `step` over `count` calls, in order. */
async function timed(count: number, step: (n: number) => Promise<unknown>): Promise<number> {
  const started = performance.now()
  for (let n = 0; n < count; n++) await step(n)
  return (performance.now() - started) / count
}

/** Records `count` assessments, publishes them, and reads the review queue, on one store. */
async function editorialOperations(store: EditorialStore, count: number): Promise<Record<string, number>> {
  const editor = (await addAccount(store, 'Redacteur', 'editor')).account
  const reviewer = (await addAccount(store, 'Controleur', 'reviewer')).account
  const actor = (account: typeof editor) => ({ account, requestId: null, client: null, now: new Date('2026-06-01T10:00:00Z') })
  const ids: number[] = []
  const record = await timed(count, async (n) => {
    const input = {
      subject: { agreement: 'assen-2022-2026', type: 'action', slug: actions[n % actions.length] }, asOf: '2026-05-31', kind: 'assessment', status: 'IN_PROGRESS',
      explanation: `Meting ${n}: de uitvoering loopt.`, evidence: [{ title: 'Begroting 2026', url: 'https://assen.nl/begroting-2026', documentDate: null, kind: 'begroting' }],
    } as RevisionInput
    ids.push((await recordRevision(store, actor(editor), input)).record!.id)
  })
  const queue = await timed(count, () => reviewQueue(store, reviewer.id))
  // Only the newest draft of a subject may be published: publish the last of each, then record-and-publish pairs.
  const publish = await timed(count, async (n) => {
    const input = {
      subject: { agreement: 'assen-2022-2026', type: 'action', slug: actions[n % actions.length] }, asOf: '2026-05-31', kind: 'assessment', status: 'ACHIEVED',
      explanation: `Publicatie ${n}.`, evidence: [{ title: 'Begroting 2026', url: 'https://assen.nl/begroting-2026', documentDate: null, kind: 'begroting' }],
    } as RevisionInput
    const draft = (await recordRevision(store, actor(editor), input)).record!
    const published = await publishRevision(store, actor(reviewer), draft.id)
    if (!published.record) throw new Error(JSON.stringify(published.userErrors))
  })
  return { 'record an assessment': record, 'review queue (reviewer)': queue, 'record and publish': publish }
}

/** Transactions PostgreSQL has counted for a database (pg_stat_database; flushed by each backend within 10 s of going idle). */
async function transactions(url: string | undefined): Promise<number> {
  if (!url) return 0
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: string }>('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()')
    return Number(rows[0]!.n)
  } finally {
    await client.end()
  }
}

/** CPU (ms) the server spends per answer of a cached query, its throughput, and (PostgreSQL) the store's transactions meanwhile. */
async function hitCpu(env: Record<string, string>, scenarioName: string, durationSeconds: number, connections: number) {
  const scenario = throughputScenarios.find((s) => s.name === scenarioName)!
  const server = await startServerProcess(env)
  const url = env.EDITORIAL_DATABASE_URL
  try {
    await recordAnswer(server.base, scenario)
    const requests = [loadRequestOf(scenario)]
    await runLoad({ base: server.base, requests, connections, durationSeconds: 1 })
    await pause(url ? 11_000 : 0)
    const [before, xactBefore] = [await cpuSeconds(server.pid), await transactions(url)]
    const load = await runLoad({ base: server.base, requests, connections, durationSeconds })
    const cpu = (await cpuSeconds(server.pid)) - before
    await pause(url ? 11_000 : 0)
    // The two reads of the count are transactions too.
    const xact = url ? (await transactions(url)) - xactBefore - 1 : 0
    return { requestsPerSecond: load.requestsPerSecond, cpuMsPerAnswer: (cpu * 1000) / Math.max(1, load.total), transactions: xact, answers: load.total }
  } finally {
    await server.stop()
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs on a private PostgreSQL cluster (initdb in a temporary folder): the
 * editorial operations on both engines, the public read path's cache hits
 * with each engine behind the server, side by side in one run, and one
 * replica against two on the uncached theme page.
 */
export async function comparePostgres(options: { durationSeconds: number; connections: number; operations: number }): Promise<PostgresComparison> {
  const bin = postgresBinaries()
  if (!bin) throw new Error('no PostgreSQL server programs (initdb, pg_ctl): install postgresql')
  const server = await startPrivatePostgres(bin)
  const folder = mkdtempSync(join(tmpdir(), 'open-akkoord-bench-pg-'))
  try {
    const engines = { sqlite: join(folder, 'editorial.sqlite'), postgres: await server.createDatabase('bench_editorial') }
    const measured: Record<string, Record<string, number>> = {}
    for (const [engine, target] of Object.entries(engines)) {
      const store = await openEditorialStore(target)
      try {
        measured[engine] = await editorialOperations(store, options.operations)
      } finally {
        await store.close()
      }
    }
    const editorial = Object.keys(measured.sqlite!).map((operation) => ({
      operation, count: options.operations, sqliteMs: measured.sqlite![operation]!, postgresMs: measured.postgres![operation]!,
      ratio: measured.postgres![operation]! / measured.sqlite![operation]!,
    }))

    const readDatabase = await server.createDatabase('bench_read')
    const readPath: ReadRow[] = []
    for (const scenario of ['repeated GET query (cache hit)', 'progress statuses and summary (cache hit)']) {
      const sqlite = await hitCpu({}, scenario, options.durationSeconds, options.connections)
      const postgres = await hitCpu({ EDITORIAL_DATABASE_URL: readDatabase }, scenario, options.durationSeconds, options.connections)
      readPath.push({
        scenario, sqlite, postgres, cpuRatio: postgres.cpuMsPerAnswer / sqlite.cpuMsPerAnswer,
        postgresTransactions: postgres.transactions, postgresTransactionsPerAnswer: postgres.transactions / Math.max(1, postgres.answers),
      })
    }

    const scenario = throughputScenarios.find((s) => s.name === 'nested theme page uncached')!
    const requests = [loadRequestOf(scenario)]
    const replicaDatabase = await server.createDatabase('bench_replicas')
    const replicas = [await startReplica(replicaDatabase, { RESPONSE_CACHE_BYTES: '0', RATE_LIMIT_POINTS: '0' }), await startReplica(replicaDatabase, { RESPONSE_CACHE_BYTES: '0', RATE_LIMIT_POINTS: '0' })]
    try {
      for (const replica of replicas) await runLoad({ base: replica.base, requests, connections: options.connections, durationSeconds: 1 })
      const one = await runLoad({ base: replicas[0]!.base, requests, connections: options.connections, durationSeconds: options.durationSeconds })
      // The load balancer's part: half the connections to each replica, at once.
      const halves = await Promise.all(replicas.map((replica) => runLoad({ base: replica.base, requests, connections: Math.max(1, options.connections / 2), durationSeconds: options.durationSeconds })))
      const two: LoadResult = {
        ...halves[0]!, requestsPerSecond: halves[0]!.requestsPerSecond + halves[1]!.requestsPerSecond, total: halves[0]!.total + halves[1]!.total,
        errors: halves[0]!.errors + halves[1]!.errors, non2xx: halves[0]!.non2xx + halves[1]!.non2xx, p99Ms: Math.max(halves[0]!.p99Ms, halves[1]!.p99Ms),
      }
      return { editorial, readPath, replicas: { scenario: scenario.name, one, two, speedup: two.requestsPerSecond / one.requestsPerSecond } }
    } finally {
      for (const replica of replicas) await replica.stop()
    }
  } finally {
    server.destroy()
    rmSync(folder, { recursive: true, force: true })
  }
}

/** The comparison as three tables for the console and docs/performance.md. */
export function postgresTable(c: PostgresComparison): string {
  const ms = (value: number) => `${value.toFixed(value >= 10 ? 1 : 2)} ms`
  return [
    table(['editorial operation', 'SQLite', 'PostgreSQL', 'PostgreSQL / SQLite'], c.editorial.map((r) => [`${r.operation} (x${r.count})`, ms(r.sqliteMs), ms(r.postgresMs), `${r.ratio.toFixed(2)}x`])),
    table(['public query', 'SQLite req/s', 'CPU/answer', 'PostgreSQL req/s', 'CPU/answer', 'CPU ratio', 'PG transactions (per answer)'], c.readPath.map((r) => [
      r.scenario, Math.round(r.sqlite.requestsPerSecond).toString(), `${(r.sqlite.cpuMsPerAnswer * 1000).toFixed(0)} µs`,
      Math.round(r.postgres.requestsPerSecond).toString(), `${(r.postgres.cpuMsPerAnswer * 1000).toFixed(0)} µs`, `${r.cpuRatio.toFixed(2)}x`,
      `${r.postgresTransactions} (${r.postgresTransactionsPerAnswer.toFixed(4)})`,
    ])),
    table(['replicas (PostgreSQL)', 'req/s', 'p99', 'errors', 'vs 1'], [
      ['1', Math.round(c.replicas.one.requestsPerSecond).toString(), ms(c.replicas.one.p99Ms), String(c.replicas.one.errors + c.replicas.one.non2xx), '1.00x'],
      ['2', Math.round(c.replicas.two.requestsPerSecond).toString(), ms(c.replicas.two.p99Ms), String(c.replicas.two.errors + c.replicas.two.non2xx), `${c.replicas.speedup.toFixed(2)}x`],
    ]),
  ].join('\n\n')
}
