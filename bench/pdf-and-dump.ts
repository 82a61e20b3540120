import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root, runTsxJson } from './child-process.js'

/** One part of the dump: how long it took and the process's peak RSS when it ended. */
export interface DumpStep {
  step: string
  ms: number
  maxRssBytes: number
}

/** One job measured in its own process. */
export interface JobMeasure {
  ms: number
  maxRssBytes: number
  outputBytes: number
  /** The dump's parts in order (a checkout older than the steps reports none). */
  steps?: DumpStep[]
}

/**
 * Node's flags of `npm run dump`, read from package.json (of this checkout or
 * the baseline's), so a measured dump runs as the command does (docs/performance.md).
 */
function dumpNodeArgs(cwd = root): string[] {
  const scripts = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  return (scripts.dump ?? '').split(/\s+/).filter((word) => /^--[\w-]+=/.test(word))
}

/**
 * Runs one measure-child job with the given settings (DATABASE_PATH for the
 * dumps of the synthetic databases), in this checkout or in cwd (a baseline's).
 * A dump runs with the node flags `npm run dump` gives it.
 */
export function measureJob(args: readonly string[], env: Record<string, string> = {}, cwd?: string): Promise<JobMeasure> {
  return runTsxJson<JobMeasure>('bench/measure-child.ts', args, { LOG_LEVEL: 'warn', ...env }, cwd, args[0] === 'dump' ? dumpNodeArgs(cwd) : [])
}

/** What the PDF and dump section reports. */
export interface PdfAndDump {
  baseline: JobMeasure
  fullReportPdf: JobMeasure
  themeReportPdf: JobMeasure
  dump: JobMeasure
}

/**
 * Renders the full report and one theme's report to PDF, and writes the whole
 * publication, each in a fresh child process, beside a baseline child that
 * loads the same modules and does nothing.
 */
export async function measurePdfAndDump(): Promise<PdfAndDump> {
  const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-bench-pdf-'))
  try {
    return {
      baseline: await measureJob(['baseline']),
      fullReportPdf: await measureJob(['pdf', 'full', join(dir, 'full.pdf')]),
      themeReportPdf: await measureJob(['pdf', 'theme', 'wonen', join(dir, 'wonen.pdf')]),
      dump: await measureJob(['dump', join(dir, 'publication')]),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
