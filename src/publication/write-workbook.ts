import ExcelJS from 'exceljs'
import { once } from 'node:events'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { commitmentColumns, type FlatRow } from './commitments-table.js'
import { dutchHeader } from './dutch-headers.js'
import type { Column } from './table-columns.js'
import type { TableDefinition } from './table-definition.js'
import { stampZipDates } from './stamp-zip-dates.js'
import { tableRows, type TableSources } from './table-sources.js'

export const workbookPath = 'open-akkoord.xlsx'
const commitmentsSheet = 'Toezeggingen'

/** How a column is shown: real numbers, dates and booleans, with a Dutch-friendly width. */
function cellValue(column: Column, value: ReturnType<Column['value']>): ExcelJS.CellValue {
  if (value === null) return null
  // A date at midnight UTC becomes a whole Excel date serial, the same in every time zone.
  if (column.type === 'date') return new Date(`${String(value)}T00:00:00Z`)
  // Excel has no time zones: a moment is shown as the wall-clock time in Assen.
  if (column.type === 'datetime') return new Date(`${amsterdamWallClock.format(new Date(String(value))).replace(' ', 'T')}Z`)
  return value
}

const amsterdamWallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
})

const formatOf = (column: Column): string | undefined =>
  column.type === 'date' ? 'dd-mm-yyyy' : column.type === 'datetime' ? 'dd-mm-yyyy hh:mm' : column.type === 'year' ? '0'
    : column.type === 'integer' && (column.name === 'amount' || column.name === 'value') ? '#,##0' : undefined

const widthOf = (column: Column): number =>
  column.type === 'string' ? (column.name === 'id' || column.name.endsWith('_id') ? 24 : ['text', 'note', 'assignment_reason', 'inference_reason'].some((n) => column.name.endsWith(n)) ? 60 : 24) : 12

type PipedStream = Writable & { _writableState?: { needDrain: boolean } }

/** How many rows go into a sheet between two looks at whether the zip has taken them. */
const rowsPerLook = 256

/**
 * Waits until the zip has taken what the sheet wrote. ExcelJS's sheet stream
 * ignores backpressure: it writes into the PassThrough archiver gave it,
 * whatever that holds, and rows read from SQLite arrive without ever
 * yielding to the event loop, so the whole sheet's XML piled up there before
 * any of it was compressed (at 1000x the data, a gigabyte). Waiting for the
 * PassThrough's drain keeps it at one chunk. The stream is ExcelJS's own
 * (`worksheet.stream.pipes`, exceljs 4.4); the bench's scale run guards the peak.
 */
async function zipCaughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const target = (worksheet as unknown as { stream?: { pipes?: PipedStream[] } }).stream?.pipes?.[0]
  // archiver's PassThrough is readable-stream 2's, which predates writableNeedDrain: its state says the same.
  if (target && (target.writableNeedDrain ?? target._writableState?.needDrain)) await once(target, 'drain')
}

/** Adds the rows to the sheet, one committed row at a time, waiting for the zip every few hundred rows. */
async function addRows(worksheet: ExcelJS.Worksheet, rows: AsyncIterable<ExcelJS.CellValue[]>): Promise<void> {
  let count = 0
  for await (const row of rows) {
    worksheet.addRow(row).commit()
    if (++count % rowsPerLook === 0) await zipCaughtUp(worksheet)
  }
  worksheet.commit()
}

async function* mapped<T, U>(items: AsyncIterable<T>, map: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield map(item)
}

/**
 * Writes the workbook: first the flat table of commitments, then one sheet
 * per published table with Dutch headers, a frozen, bold header row, numbers
 * as numbers, dates as Excel dates and booleans as booleans. Rows stream to
 * the file. The zip container is rewritten with the data's date on every
 * entry, so the same data gives the same bytes (ExcelJS stamps the clock).
 */
export async function writeWorkbook(options: {
  sources: TableSources
  directory: string
  tables: readonly TableDefinition[]
  commitments: AsyncIterable<FlatRow>
  /** When the data last changed: the workbook's creation date and every entry's time stamp. */
  date: Date
  title: string
  publisherName: string
}): Promise<string> {
  const path = join(options.directory, workbookPath)
  const { date } = options
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false })
  workbook.created = date
  workbook.modified = date
  workbook.creator = options.publisherName
  workbook.lastModifiedBy = options.publisherName
  workbook.title = options.title
  const sheet = (name: string, columns: Partial<ExcelJS.Column>[]) => {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    worksheet.columns = columns
    worksheet.getRow(1).font = { bold: true }
    return worksheet
  }

  const flat = sheet(commitmentsSheet, commitmentColumns.map((c) => ({
    header: c.header, width: c.width,
    style: c.type === 'text' ? { alignment: { wrapText: c.width > 40, vertical: 'top' } } : c.type === 'date' ? { numFmt: 'dd-mm-yyyy' } : {},
  })))
  await addRows(flat, mapped(options.commitments, (row) => row.map((value, i) => (commitmentColumns[i]!.type === 'date' && value !== null ? new Date(`${value}T00:00:00Z`) : value))))

  for (const table of options.tables) {
    const worksheet = sheet(table.dutchTitle, table.columns.map((c) => {
      const numFmt = formatOf(c)
      return { header: dutchHeader(c.name), width: widthOf(c), ...(numFmt ? { style: { numFmt } } : {}) }
    }))
    await addRows(worksheet, mapped(tableRows(table, options.sources), (row) => table.columns.map((c) => cellValue(c, c.value(row)))))
  }
  await workbook.commit()
  await stampZipDates(path, date)
  return workbookPath
}
