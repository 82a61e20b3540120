import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLoad } from './load.js'
import { recordAnswer } from './record-answer.js'
import { loadRequestOf, throughputScenarios } from './scenarios.js'
import { startServerProcess } from './server-process.js'

/** Where a server's CPU time went under one scenario, as shares of its busy (non-idle) samples. */
export interface CpuProfileSummary {
  scenario: string
  requests: number
  /** Share of busy time per part of the stack, largest first. */
  parts: [string, number][]
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string } }

// Native calls are charged to the JS function that made them: SQLite's work shows under Kysely's driver and better-sqlite3.
const parts: [string, RegExp][] = [
  ['SQLite (prepare and step, native)', /sqlite-driver\.js|better-sqlite3/],
  ['Kysely (building and compiling SQL)', /kysely/],
  ['GraphQL execution (graphql-js, @graphql-tools/executor)', /node_modules\/(graphql|@graphql-tools)\//],
  ['graphql-yoga, envelop, armor, whatwg-node (request pipeline)', /graphql-yoga|@envelop|@escape\.tech|@whatwg-node|@graphql-yoga/],
  ['Pothos plugins and DataLoader', /@pothos|dataloader/],
  ['the API\'s own resolvers and loaders (src/api, src/read-model)', /src\/(api|read-model)\//],
  ['the HTTP layer (src/server, node:http, streams)', /src\/server\/|node:_http|node:internal\/streams|node:net/],
]

function partOf(node: ProfileNode): string | undefined {
  const { functionName, url } = node.callFrame
  if (functionName === '(idle)') return undefined
  if (functionName === '(garbage collector)') return 'garbage collection'
  return parts.find(([, pattern]) => pattern.test(url))?.[0] ?? (url ? 'other JavaScript (startup, module loading)' : 'other native (syscalls, microtask queue, runtime)')
}

/**
 * Runs a scenario against a server started with --cpu-prof and sums the
 * profile's samples by part of the stack. Startup is in the profile too; the
 * load is long enough that it is a small share.
 */
export async function profileScenario(name: string, durationSeconds: number, connections: number): Promise<CpuProfileSummary> {
  const scenario = throughputScenarios.find((s) => s.name === name)!
  const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-bench-prof-'))
  try {
    const server = await startServerProcess({ RESPONSE_CACHE_BYTES: scenario.cached ? '50000000' : '0' }, 600_000, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
    let requests = 0
    try {
      await recordAnswer(server.base, scenario)
      requests = (await runLoad({ base: server.base, requests: [loadRequestOf(scenario)], connections, durationSeconds })).total
    } finally {
      await server.stop()
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[] }
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
    const totals = new Map<string, number>()
    let busy = 0
    for (const id of profile.samples) {
      const part = partOf(nodes.get(id)!)
      if (!part) continue
      busy += 1
      totals.set(part, (totals.get(part) ?? 0) + 1)
    }
    return { scenario: name, requests, parts: [...totals].map(([part, n]): [string, number] => [part, n / busy]).sort((a, b) => b[1] - a[1]) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
