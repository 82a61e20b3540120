import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { root } from './child-process.js'
import { compareWorkers } from './cluster-comparison.js'
import { measureColdStart } from './cold-start.js'
import { profileScenario } from './cpu-profile.js'
import { runLongLoad } from './long-load.js'
import { measurePdfAndDump } from './pdf-and-dump.js'
import { measureAnswerCpu } from './answer-cpu.js'
import { comparePostgres, postgresTable } from './postgres-comparison.js'
import { answerCpuTable, clusterTable, coldStartTable, dumpMemoryGuard, loadTable, pdfAndDumpTable, profileTable, scaleTable, throughputTable, warmingTable } from './report-table.js'
import { measureScale } from './scale.js'
import { cpuGuard, measureThroughput } from './throughput.js'
import { measureWarming } from './warming.js'

const usage = `npm run bench -- [--quick] [--full] [--only throughput,answerCpu,warming,profile,cluster,postgres,pdf,cold,scale,load,loadUncached]
  [--duration S] [--connections N] [--baseline DIR] [--scenarios TEXT] [--load-seconds S] [--load-connections N] [--scales 1,10,100] [--scale-dir DIR]
  --quick   short runs (2 s per scenario, 5 s load, scales 1,10)
  --full    adds the 1000x database to the scale run (builds ~90 s and ~420 MB the first time)
  --scenarios TEXT  only the throughput scenarios whose name contains TEXT (e.g. "cache hit")
  --baseline DIR  also measures the server (throughput) and the dump (scale) of another checkout (e.g. \`git worktree add /tmp/main main\`), beside this one
  The bench fails (exit 1) when CPU per small cache hit exceeds 1.3x the bare server's.`

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false }, full: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    only: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, baseline: { type: 'string' }, scenarios: { type: 'string' },
    'load-seconds': { type: 'string' }, 'load-connections': { type: 'string' }, scales: { type: 'string' }, 'scale-dir': { type: 'string' },
  },
})
if (values.help) {
  console.log(usage)
  process.exit(0)
}
const number = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text))
const quick = values.quick
const duration = number(values.duration, quick ? 2 : 6)
const warmup = quick ? 0.5 : 2
const connections = number(values.connections, 16)
const sections = new Set((values.only ?? 'throughput,answerCpu,warming,profile,cluster,postgres,pdf,cold,scale,load,loadUncached').split(','))
const scales = values.scales ? values.scales.split(',').map(Number) : quick ? [1, 10] : values.full ? [1, 10, 100, 1000] : [1, 10, 100]
const scaleDir = values['scale-dir'] ?? join(tmpdir(), 'open-akkoord-bench-scale')

const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(), node: process.version, cpus: cpus().length, memoryBytes: totalmem(),
  options: { quick, full: values.full, duration, warmup, connections, scales, sections: [...sections] },
}
const outDir = join(root, 'bench/results')
mkdirSync(outDir, { recursive: true })
const save = () => writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
const section = async <T>(key: string, title: string, run: () => Promise<T>, show: (value: T) => string) => {
  if (!sections.has(key)) return
  console.log(`\n== ${title}`)
  const started = performance.now()
  const value = await run()
  results[key] = value
  save()
  console.log(show(value))
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`)
}

console.log(`open-akkoord bench: node ${process.version}, ${cpus().length} CPUs; ${duration} s per run, ${connections} connections; ratios are to a bare node:http server sending the same bytes, measured side by side`)
console.log('On a shared machine read the CPU per answer (from /proc and process.cpuUsage) before the throughput ratios: other work slows both sides of a pair, but not evenly.')
let failure: string | undefined
await section('throughput', `Throughput against the bare server${values.baseline ? ` (before: ${values.baseline})` : ''}`,
  () => measureThroughput({ durationSeconds: duration, warmupSeconds: warmup, connections, baseline: values.baseline, scenarios: values.scenarios }), (rows) => {
    failure = cpuGuard(rows)
    return throughputTable(rows)
  })
await section('answerCpu', 'CPU per uncached answer in the process, lean path against Mercurius (process.cpuUsage, alternating child processes, best of 3)',
  () => measureAnswerCpu(quick ? 300 : 1000, 3), answerCpuTable)
await section('warming', 'Warming the response cache with the trusted documents', measureWarming, warmingTable)
await section('profile', 'CPU profile of the uncached nested theme query (node --cpu-prof)',
  () => profileScenario('nested theme page uncached', duration, connections), profileTable)
await section('cluster', 'One worker against two (WORKERS=1, WORKERS=2)', () => compareWorkers({ durationSeconds: duration, warmupSeconds: warmup, connections }), clusterTable)
await section('postgres', 'PostgreSQL beside SQLite, and two replicas against one (a private PostgreSQL cluster)',
  () => comparePostgres({ durationSeconds: duration, connections, operations: quick ? 30 : 100 }), postgresTable)
await section('pdf', 'PDF rendering and the dump', measurePdfAndDump, pdfAndDumpTable)
await section('cold', 'Cold start', measureColdStart, coldStartTable)
await section('scale', `Scale ${scales.map((s) => `${s}x`).join(', ')} (databases in ${scaleDir})`,
  () => measureScale(scales, scaleDir, quick ? 30 : 100, (line) => console.log(line), values.baseline), (points) => {
    failure ??= dumpMemoryGuard(points)
    return scaleTable(points)
  })
const loadOptions = { durationSeconds: number(values['load-seconds'], quick ? 5 : 60), warmupSeconds: quick ? 2 : 10, connections: number(values['load-connections'], 64) }
await section('load', 'Mixed load against one server process (default settings: response cache on)',
  () => runLongLoad({ ...loadOptions, responseCache: true }), loadTable)
await section('loadUncached', 'Mixed load against one server process, response cache off (every request executed)',
  () => runLongLoad({ ...loadOptions, responseCache: false }), loadTable)
results.finishedAt = new Date().toISOString()
save()
console.log(`\nwritten: bench/results/latest.json`)
if (failure) {
  console.error(`\nBENCH FAILED: ${failure}`)
  process.exitCode = 1
}
