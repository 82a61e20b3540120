import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config.js'
import { buildReport } from '../reports/build-report.js'
import { findReportAgreement, loadReportSource } from '../reports/load-report-source.js'
import { renderPdf } from '../reports/pdf/render-pdf.js'
import { parseReportType } from '../reports/report-catalogue.js'
import { UnknownAgreementError, UnknownReportSlugError, UnknownReportTypeError, ReportThemeError } from '../reports/report-errors.js'
import type { ReportFormat } from '../reports/report-model.js'
import { loadReportTheme } from '../reports/report-theme.js'
import { renderReport } from '../reports/render-report.js'
import { openDatabase } from '../store/open-database.js'
import { openEditorialStore } from '../editorial/open-editorial-store.js'
import type { ProgressSnapshot } from '../editorial/progress-snapshot.js'
import { latestRoundPicture } from '../editorial/round-picture.js'

const usage = 'usage: npm run report -- --type full|theme|portfolio|district|budget|progress [--slug X] [--agreement Y] --format pdf|html --out FILE'

/** A command-line argument that is missing or has a bad value: names the argument and the value. */
class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** `npm run report`: renders one report to a file, in this thread (no worker pool for a single render). */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: { type: { type: 'string' }, slug: { type: 'string' }, agreement: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  })
  if (values.type === undefined) throw new UsageError('missing --type')
  const type = parseReportType(values.type)
  if (values.format !== 'pdf' && values.format !== 'html') throw new UsageError(`--format must be pdf or html, got ${JSON.stringify(values.format ?? '')}`)
  const format: ReportFormat = values.format
  if (!values.out) throw new UsageError('missing --out FILE')

  const config = loadConfig()
  const theme = loadReportTheme(config.reports.themePath)
  const store = openDatabase(config.databasePath, { readonly: true })
  try {
    const agreement = await findReportAgreement(store.db, values.agreement ?? null)
    const source = await loadReportSource(store.db, agreement, config.publicBaseUrl)
    const report = type === 'progress' ? await withProgress(config.editorialStore, async (progress) => buildReport({ ...source, progress: await progress(agreement.slug) }, { type, slug: values.slug ?? null }))
      : buildReport(source, { type, slug: values.slug ?? null })
    const file = await renderReport(report, format, (r) => renderPdf(r, theme), theme)
    const out = resolve(values.out)
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, file.body)
    console.log(`wrote ${out} (${file.body.length} bytes, ${type}${values.slug ? ` ${values.slug}` : ''}, ${agreement.slug} data version ${agreement.dataVersion})`)
  } finally {
    await store.db.destroy()
  }
}

/** Runs build with the published progress of the editorial store (opened, read and closed again: the server may be using it). */
async function withProgress<T>(path: string, build: (progress: (agreement: string) => Promise<ProgressSnapshot>) => Promise<T>): Promise<T> {
  const editorial = await openEditorialStore(path)
  try {
    return await build((agreement) => latestRoundPicture(editorial, agreement))
  } finally {
    await editorial.close()
  }
}

const known = [UsageError, UnknownReportTypeError, UnknownReportSlugError, UnknownAgreementError, ReportThemeError, ConfigError]
/** The argument an error is about, so the message names it. */
const argumentOf = (error: unknown) =>
  error instanceof UnknownReportTypeError ? '--type: ' : error instanceof UnknownReportSlugError ? '--slug: ' : error instanceof UnknownAgreementError ? '--agreement: ' : ''
try {
  await main(process.argv.slice(2))
} catch (error) {
  const message = `${argumentOf(error)}${error instanceof Error ? error.message : String(error)}`
  // parseArgs names the unknown option itself; say how to call the command after it.
  const expected = known.some((kind) => error instanceof kind) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  console.error(`report: ${message}${expected ? `\n${usage}` : ''}`)
  if (!expected && error instanceof Error && error.stack) console.error(error.stack)
  process.exitCode = 1
}
