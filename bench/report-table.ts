import type { ClusterComparison } from './cluster-comparison.js'
import type { ColdStart } from './cold-start.js'
import type { CpuProfileSummary } from './cpu-profile.js'
import type { LongLoad } from './long-load.js'
import type { PdfAndDump } from './pdf-and-dump.js'
import type { JobMeasure } from './pdf-and-dump.js'
import type { ScalePoint } from './scale.js'
import type { ThroughputRow } from './throughput.js'
import type { AnswerCpuRow } from './answer-cpu.js'
import type { WarmingMeasure } from './warming.js'

/** The throughput targets, as ratios to the bare server in the same run. */
export const targets = { cacheHit: 0.9, progressHit: 0.85, uncachedSearch: 0.1, scaleLatency: 2, dumpMemory: 2, loadRssGrowth: 1.2 }

const mb = (bytes: number) => (bytes < 1e6 ? `${Math.round(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(0)} MB`)
const ms = (value: number) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`)
const x = (value: number) => `${value.toFixed(2)}x`

/** Lays rows out in columns, the first left-aligned and the rest right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

/** The verdict of a target. */
const verdict = (met: boolean) => (met ? 'met' : 'MISSED')

/** The uncached scenarios whose target is the Mercurius peer: at least its ratio to bare, at most its CPU per answer (issue 26). */
const peerTargetScenarios = new Set(['nested theme page uncached', 'paginated filtered actions uncached', '{ __typename } uncached'])

/** A scenario's target as a ratio to bare: fixed, or the Mercurius peer's ratio in the same run. */
function throughputTarget(row: ThroughputRow): { minimum: number; label: string } | undefined {
  if (row.scenario.startsWith('progress') && row.scenario.endsWith('(cache hit)')) return { minimum: targets.progressHit, label: String(targets.progressHit) }
  if (row.scenario.endsWith('(cache hit)')) return { minimum: targets.cacheHit, label: String(targets.cacheHit) }
  if (row.scenario === 'search uncached') return { minimum: targets.uncachedSearch, label: String(targets.uncachedSearch) }
  if (peerTargetScenarios.has(row.scenario) && row.peerRatio !== undefined) return { minimum: row.peerRatio, label: 'Mercurius' }
  return undefined
}

/** The target cell of a throughput row: its ratio, and for the peer's scenarios its CPU per answer too. */
function targetCell(row: ThroughputRow): string {
  const t = throughputTarget(row)
  if (t === undefined) return ''
  const ratio = `>= ${t.label} ${verdict(row.ratio >= t.minimum)}`
  if (t.label !== 'Mercurius' || !row.peer) return ratio
  return `${ratio}; CPU <= Mercurius ${verdict(row.server.cpuMsPerAnswer <= row.peer.cpuMsPerAnswer)}`
}

export function throughputTable(rows: readonly ThroughputRow[]): string {
  const us = (value: number | undefined) => (value === undefined ? '' : `${Math.round(value * 1000)} µs`)
  const before = rows.some((r) => r.baseline !== undefined)
  const header = ['scenario', 'req/s', 'p50', 'p99', 'bare req/s', 'ratio', 'CPU/answer', 'bare CPU', 'CPU vs bare',
    ...(before ? ['before: ratio', 'before: CPU/answer', 'before: CPU vs bare'] : []), 'Mercurius ratio', 'its CPU/answer', 'target', 'SQL/req', 'bytes']
  return table(header, rows.map((r) => {
    return [r.scenario, Math.round(r.server.requestsPerSecond).toString(), ms(r.server.p50Ms), ms(r.server.p99Ms), Math.round(r.bare.requestsPerSecond).toString(),
      r.ratio.toFixed(3), us(r.server.cpuMsPerAnswer), us(r.bare.cpuMsPerAnswer), x(r.cpuRatio),
      ...(before ? [r.baselineRatio?.toFixed(3) ?? '', us(r.baseline?.cpuMsPerAnswer), r.baselineCpuRatio === undefined ? '' : x(r.baselineCpuRatio)] : []),
      r.peerRatio === undefined ? '' : r.peerRatio.toFixed(3), us(r.peer?.cpuMsPerAnswer),
      targetCell(r), String(r.sqlStatements), String(r.bodyBytes)]
  }))
}

export function answerCpuTable(rows: readonly AnswerCpuRow[]): string {
  return table(['scenario (in-process, no HTTP)', 'lean path', 'Mercurius', 'ratio', 'yoga (lean off)', 'target'], rows.map((r) => [
    r.scenario, `${Math.round(r.leanMicros)} µs`, `${Math.round(r.mercuriusMicros)} µs`, x(r.leanMicros / r.mercuriusMicros), `${Math.round(r.yogaMicros)} µs`,
    peerTargetScenarios.has(r.scenario) ? `<= Mercurius ${verdict(r.leanMicros <= r.mercuriusMicros)}` : '',
  ]))
}

export function warmingTable(w: WarmingMeasure): string {
  const hits = Object.values(w.firstRequests).every((cache) => cache === 'HIT')
  return table(['warming the response cache at start', 'value'], [
    ['answers admitted, heap they hold', `${w.report.answers}, ${mb(w.report.bytes)}${w.report.stopped ? ` (stopped: ${w.report.stopped})` : ''}`],
    ['time to warm (wall), CPU spent', `${ms(w.report.ms)}, ${ms(w.cpuMs)}`],
    ['RSS warmed / warming off', `${mb(w.rssBytes)} / ${mb(w.rssColdBytes)}`],
    ['first requests', `${Object.entries(w.firstRequests).map(([name, cache]) => `${name} ${cache}`).join(', ')} ${verdict(hits)}`],
  ])
}

export function clusterTable(c: ClusterComparison): string {
  return table(['workers', 'req/s', 'p50', 'p99', 'vs 1 worker'], [
    ['1', Math.round(c.oneWorker.requestsPerSecond).toString(), ms(c.oneWorker.p50Ms), ms(c.oneWorker.p99Ms), '1.00x'],
    ['2', Math.round(c.twoWorkers.requestsPerSecond).toString(), ms(c.twoWorkers.p50Ms), ms(c.twoWorkers.p99Ms), `${x(c.speedup)} ${verdict(c.speedup > 1)}`],
  ])
}

export function pdfAndDumpTable(p: PdfAndDump): string {
  const row = (name: string, m: typeof p.baseline) => [name, ms(m.ms), mb(m.maxRssBytes), m === p.baseline ? '' : mb(m.maxRssBytes - p.baseline.maxRssBytes), m.outputBytes ? mb(m.outputBytes) : '']
  return table(['job (own process)', 'time', 'peak RSS', 'over baseline', 'output'], [
    row('baseline (modules loaded)', p.baseline), row('PDF, full report', p.fullReportPdf), row('PDF, theme wonen', p.themeReportPdf), row('dump (publication)', p.dump),
  ])
}

export function coldStartTable(c: ColdStart): string {
  return table(['cold start', 'to first answered query'], [['database built', ms(c.builtMs)], ['first build (empty folder)', ms(c.firstBuildMs)]])
}

export function loadTable(l: LongLoad): string {
  const r = l.result
  const clean = r.errors === 0 && r.timeouts === 0 && r.statusClasses['5xx'] === 0 && r.statusClasses['4xx'] === 0
  return table(['mixed load', 'value'], [
    ['duration, connections, distinct requests', `${l.durationSeconds} s, ${l.connections}, ${l.distinctRequests}`],
    ['requests, req/s', `${r.total}, ${Math.round(r.requestsPerSecond)}`],
    ['p50, p99', `${ms(r.p50Ms)}, ${ms(r.p99Ms)}`],
    ['errors, timeouts, 4xx, 5xx', `${r.errors}, ${r.timeouts}, ${r.statusClasses['4xx']}, ${r.statusClasses['5xx']} ${verdict(clean)}`],
    ['RSS after warm-up -> after run', `${mb(l.rssAfterWarmupBytes)} -> ${mb(l.rssAfterRunBytes)} (${x(l.rssGrowth)}, target <= ${targets.loadRssGrowth} ${verdict(l.rssGrowth <= targets.loadRssGrowth)})`],
    ['server exit code after SIGTERM', String(l.serverExitCode)],
  ])
}

export function scaleTable(points: readonly ScalePoint[]): string {
  const base = points[0]!
  const growth = (value: number, of: number) => `${x(value / of)}`
  const rows: string[][] = []
  for (const p of points) {
    const s = `${p.database.scale}x`
    rows.push([`${s} build`, ms(p.database.buildMs), growth(p.database.buildMs, base.database.buildMs), `per agreement ${growth(p.database.buildMs / p.database.scale, base.database.buildMs)}`, p.database.reused ? 'reused' : 'built'])
    const dumpRow = (label: string, dump: JobMeasure, of: JobMeasure) => {
      const peak = dump.maxRssBytes / of.maxRssBytes
      const target = p === base ? '' : `, target <= ${targets.dumpMemory}x ${verdict(peak <= targets.dumpMemory)}`
      rows.push([`${s} ${label}`, ms(dump.ms), growth(dump.ms, of.ms), `peak ${mb(dump.maxRssBytes)} (${x(peak)}${target})`, `output ${mb(dump.outputBytes)} (${growth(dump.outputBytes, of.outputBytes)})`])
    }
    if (p.baselineDump && base.baselineDump) dumpRow('dump before', p.baselineDump, base.baselineDump)
    dumpRow('dump', p.dump, base.dump)
    for (const [i, l] of p.latencies.entries()) {
      const b = base.latencies[i]!
      rows.push([`${s} ${l.scenario}`, ms(l.p50Ms), growth(l.p50Ms, b.p50Ms), `p99 ${ms(l.p99Ms)}`, `SQL ${l.sqlStatements}`])
    }
  }
  return [table(['scale / measure', 'p50 or time', 'vs 1x', 'detail', ''], rows), dumpStepsTable(base, points.at(-1)!)].join('\n\n')
}

/** The dump's parts at the smallest and the largest scale: time, and the peak RSS each part raised (the part holding memory shows here). */
function dumpStepsTable(small: ScalePoint, large: ScalePoint): string {
  const steps = large.dump.steps ?? []
  const before = (point: ScalePoint, i: number) => (i === 0 ? 0 : point.dump.steps?.[i - 1]?.maxRssBytes ?? 0)
  const rows = steps.map((step, i) => {
    const first = small.dump.steps?.[i]
    const rise = (point: ScalePoint, peak: number) => (peak > before(point, i) && i > 0 ? `+${mb(peak - before(point, i))}` : '')
    return [step.step, first ? ms(first.ms) : '', ms(step.ms), first ? mb(first.maxRssBytes) : '', mb(step.maxRssBytes), rise(large, step.maxRssBytes)]
  })
  const [a, b] = [`${small.database.scale}x`, `${large.database.scale}x`]
  return table([`dump part, in order`, `${a} time`, `${b} time`, `${a} peak after`, `${b} peak after`, `${b} raised the peak by`], rows)
}

/** The bench fails when the dump's peak memory at the largest scale is more than the target times its peak at the smallest (issue 28). */
export function dumpMemoryGuard(points: readonly ScalePoint[]): string | undefined {
  const [small, large] = [points[0], points.at(-1)]
  if (!small || !large || small === large) return undefined
  const ratio = large.dump.maxRssBytes / small.dump.maxRssBytes
  if (ratio <= targets.dumpMemory) return undefined
  return `the dump's peak RSS at ${large.database.scale}x is ${x(ratio)} its peak at ${small.database.scale}x (target <= ${targets.dumpMemory}x): a part holds the data in memory (see the dump parts table)`
}

export function profileTable(p: CpuProfileSummary): string {
  return table([`where the server's busy time went (${p.scenario}, ${p.requests} requests)`, 'share'], p.parts.map(([part, share]) => [part, `${(share * 100).toFixed(1)}%`]))
}
