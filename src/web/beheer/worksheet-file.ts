import ExcelJS from 'exceljs'
import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import { evidenceKindNames, firstInputColumn, worksheetColumns, type WorksheetCell } from '../../editorial/worksheet-rows.js'
import type { AgreementView } from '../../read-model/agreement-view.js'
import { formatDate } from '../../reports/dutch-text.js'
import { statusLabel } from '../../reports/progress/progress-labels.js'
import { actionContext } from '../pages/action-page.js'
import { progressStatusLabels, recordedStatuses } from '../../editorial/progress-vocabulary.js'

/**
 * A round's worksheet: one row per action with what is published, and empty
 * columns to fill in (status and source kind offered as lists). Dates are typed
 * day-month-year; the file is read back by readWorksheetFile.
 */
export async function writeWorksheetFile(view: AgreementView, progress: ProgressSnapshot, round: ReportingRound | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = `Gemeente ${view.agreement.municipality}`
  const sheet = workbook.addWorksheet(round ? round.name.slice(0, 31) : 'Voortgang')
  sheet.addRow([...worksheetColumns])
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }]
  for (const action of view.actions) {
    const { theme, topic } = actionContext(view, action)
    const current = progress.progressOf(action.action.slug)
    sheet.addRow([
      action.action.slug, theme?.theme.name ?? 'Bestuursstijl', topic?.topic.title ?? '', action.portfolios.map((p) => p.holder.name).join(', ') || 'Het hele college',
      action.action.text, statusLabel(progress.statusOf(action.action.slug)), current ? `${current.explanation}${current.asOf ? ` (stand per ${formatDate(current.asOf)})` : ''}` : '',
    ])
  }
  const widths = [28, 18, 22, 18, 60, 18, 50, 20, 14, 60, 30, 40, 20, 14]
  widths.forEach((width, i) => { sheet.getColumn(i + 1).width = width })
  for (let column = firstInputColumn + 1; column <= worksheetColumns.length; column += 1) sheet.getColumn(column).numFmt = '@'
  const last = view.actions.length + 1
  for (let row = 2; row <= last; row += 1) {
    sheet.getCell(row, firstInputColumn + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${recordedStatuses.map((s) => progressStatusLabels[s]).join(',')}"`] }
    sheet.getCell(row, firstInputColumn + 6).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(evidenceKindNames).join(',')}"`] }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function cellValue(value: ExcelJS.CellValue): WorksheetCell {
  if (value === null || value === undefined) return null
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number') return value
  if (typeof value === 'boolean') return String(value)
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('')
  if (typeof value === 'object' && 'text' in value) return String(value.text)
  if (typeof value === 'object' && 'result' in value) return cellValue(value.result as ExcelJS.CellValue)
  return null
}

/** The first sheet of an uploaded workbook as rows of cells; null when the bytes are no xlsx workbook. */
export async function readWorksheetFile(bytes: Buffer): Promise<WorksheetCell[][] | null> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return null
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return null
  const rows: WorksheetCell[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: worksheetColumns.length }, (_, i) => cellValue(row.getCell(i + 1).value))
  })
  return Array.from(rows, (r) => r ?? [])
}
