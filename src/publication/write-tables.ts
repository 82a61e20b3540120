import { join } from 'node:path'
import type { Cell } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'
import { tableRows, type TableSources } from './table-sources.js'
import { tablePath } from './tables.js'
import { writeStreamed, type FileDigest } from './text-file.js'

export type TableFormat = 'csv' | 'ndjson'

/** What a spreadsheet takes as the start of a formula (OWASP's list for CSV injection). */
const formulaStart = /^[=+\-@\t\r]/

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break;
 * empty for null. Text that a spreadsheet would run as a formula (beginning
 * with = + - @, a tab or a carriage return) is neutralised as OWASP
 * recommends: a leading apostrophe, and the field quoted. Numbers are never
 * touched: -5 is a number, not a formula.
 */
function csvField(value: Cell): string {
  if (value === null) return ''
  const text = String(value)
  if (typeof value === 'string' && formulaStart.test(text)) return `"'${text.replaceAll('"', '""')}"`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const csvLine = (cells: Cell[]): string => `${cells.map(csvField).join(',')}\r\n`

function ndjsonLine(table: TableDefinition, cells: Cell[]): string {
  const object: Record<string, Cell> = {}
  table.columns.forEach((column, i) => { object[column.name] = cells[i]! })
  return `${JSON.stringify(object)}\n`
}

/** Joins lines into chunks of about 64 KiB: fewer, larger writes without holding a whole file. */
async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let buffer = ''
  for await (const line of lines) {
    buffer += line
    if (buffer.length >= 65_536) {
      yield buffer
      buffer = ''
    }
  }
  if (buffer) yield buffer
}

async function* tableLines(sources: TableSources, table: TableDefinition, format: TableFormat): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine(table.columns.map((c) => c.name))
  for await (const row of tableRows(table, sources)) {
    const cells = table.columns.map((column) => column.value(row))
    yield format === 'csv' ? csvLine(cells) : ndjsonLine(table, cells)
  }
}

async function* csvLines(header: readonly string[], rows: AsyncIterable<Cell[]>): AsyncGenerator<string> {
  yield csvLine([...header])
  for await (const cells of rows) yield csvLine(cells)
}

/** Writes a CSV (UTF-8, RFC 4180 with CRLF) with a header row, streaming its rows; returns its size and SHA-256. */
export async function writeCsv(path: string, header: readonly string[], rows: AsyncIterable<Cell[]>): Promise<FileDigest> {
  return writeStreamed(path, chunked(csvLines(header, rows)))
}

/**
 * Writes one table as CSV (UTF-8, RFC 4180 with CRLF, a header row) or as
 * NDJSON (one JSON object per line, the same columns), streaming its rows.
 * Returns the file's path inside the publication, its size and SHA-256.
 */
export async function writeTable(sources: TableSources, directory: string, table: TableDefinition, format: TableFormat): Promise<{ path: string; digest: FileDigest }> {
  const path = tablePath(table, format)
  return { path, digest: await writeStreamed(join(directory, path), chunked(tableLines(sources, table, format))) }
}
