import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig, projectRoot } from '../src/config.js'
import { dumpDatabaseOptions, writePublication } from '../src/publication/write-publication.js'
import { buildReport } from '../src/reports/build-report.js'
import { findReportAgreement, loadReportSource } from '../src/reports/load-report-source.js'
import { renderPdf } from '../src/reports/pdf/render-pdf.js'
import { parseReportType } from '../src/reports/report-catalogue.js'
import { loadReportTheme } from '../src/reports/report-theme.js'
import { renderReport } from '../src/reports/render-report.js'
import { openDatabase } from '../src/store/open-database.js'
import { openEditorialStore } from '../src/editorial/open-editorial-store.js'

/**
 * Child entry of the PDF and dump measurements: does one job in a fresh
 * process and prints {ms, maxRssBytes, outputBytes, steps} as one JSON line, so the
 * peak memory (resourceUsage().maxRSS) is that job's alone. `baseline` loads
 * the same modules and does nothing: the floor the other peaks stand on.
 * Usage: measure-child.ts baseline | pdf TYPE [SLUG] OUTFILE | dump OUTDIR [editorial] (DATABASE_PATH and
 * EDITORIAL_DATABASE from the env the bench passes).
 */
const [job, ...args] = process.argv.slice(2)
const config = loadConfig()
const started = performance.now()
let outputBytes = 0
/** The dump's parts in order: time each took and the process's peak RSS when it ended (a peak that rises names the part). */
const steps: { step: string; ms: number; maxRssBytes: number }[] = []
let stepStarted = started
const onStep = (step: string) => {
  const now = performance.now()
  steps.push({ step, ms: now - stepStarted, maxRssBytes: process.resourceUsage().maxRSS * 1024 })
  stepStarted = now
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name)
    return sum + (entry.isDirectory() ? directoryBytes(path) : statSync(path).size)
  }, 0)
}

if (job === 'pdf') {
  const [type, slug, out] = args.length === 3 ? args : [args[0], undefined, args[1]]
  const theme = loadReportTheme(config.reports.themePath)
  const store = openDatabase(config.databasePath, { readonly: true })
  try {
    const agreement = await findReportAgreement(store.db, 'assen-2022-2026')
    const source = await loadReportSource(store.db, agreement, config.publicBaseUrl)
    const report = buildReport(source, { type: parseReportType(type!), slug: slug ?? null })
    const file = await renderReport(report, 'pdf', (r) => renderPdf(r, theme), theme)
    writeFileSync(out!, file.body)
    outputBytes = file.body.length
  } finally {
    await store.db.destroy()
  }
} else if (job === 'dump') {
  const outDir = args[0]!
  mkdirSync(join(outDir, '..'), { recursive: true })
  const store = openDatabase(config.databasePath, dumpDatabaseOptions)
  // `dump OUTDIR editorial`: with the EDITORIAL_DATABASE store, as a server over it would write it (else it writes it again).
  const editorial = args[1] === 'editorial' ? await openEditorialStore(config.editorialStore) : null
  try {
    await writePublication({
      db: store.db, databasePath: config.databasePath, outDir, root: projectRoot,
      baseUrl: config.publicBaseUrl, publisherUri: config.publisherUri, publisherName: config.publisherName, editorial, onStep,
    })
    outputBytes = directoryBytes(outDir)
  } finally {
    await editorial?.close()
    await store.db.destroy()
  }
} else if (job !== 'baseline') {
  throw new Error(`unknown job ${JSON.stringify(job)}: baseline, pdf or dump`)
}
const ms = performance.now() - started
process.stdout.write(`${JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, outputBytes, ...(steps.length ? { steps } : {}) })}\n`)
