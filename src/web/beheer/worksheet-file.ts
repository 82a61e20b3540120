import ExcelJS from 'exceljs'
import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import { evidenceKindNames, firstInputColumn, worksheetColumns, worksheetRowKinds, type WorksheetCell } from '../../editorial/worksheet-rows.js'
import type { ActionView, AgreementView } from '../../read-model/agreement-view.js'
import { describeTarget, formatDate } from '../../reports/dutch-text.js'
import { formatMeasurement, statusLabel } from '../../reports/progress/progress-labels.js'
import { actionContext } from '../pages/action-page.js'
import { progressStatusLabels, recordedStatuses } from '../../editorial/progress-vocabulary.js'

/** A row of a commitment and the rows of its targets (its copies' targets too): what is published, and the columns to fill. */
function commitmentRows(view: AgreementView, progress: ProgressSnapshot, action: ActionView): { cells: WorksheetCell[]; type: 'action' | 'target' }[] {
  const { theme, topic } = actionContext(view, action)
  const copies = view.actions.filter((a) => a.action.sameAsId === action.action.id)
  const context = [theme?.theme.name ?? 'Bestuursstijl', topic?.topic.title ?? '', action.portfolios.map((p) => p.holder.name).join(', ') || 'Het hele college']
  const explained = (revision: RevisionRecord | null | undefined) => (revision ? `${revision.explanation}${revision.asOf ? ` (stand per ${formatDate(revision.asOf)})` : ''}` : '')
  const current = progress.progressOf(action.action.slug)
  const rows: { cells: WorksheetCell[]; type: 'action' | 'target' }[] = [{ type: 'action', cells: [
    worksheetRowKinds.action, action.action.slug, ...context, action.action.text, copies.length > 0 ? copies.map((c) => `${c.action.slug}: ${c.action.text}`).join('\n') : null,
    statusLabel(progress.statusOf(action.action.slug)), explained(current),
  ] }]
  for (const target of [action, ...copies].flatMap((a) => a.targets)) {
    const measured = progress.measurementsOf(target.slug)[0]
    rows.push({ type: 'target', cells: [
      worksheetRowKinds.target, target.slug, ...context, describeTarget(target), null,
      measured ? `${formatMeasurement(measured.value ?? 0)}${target.unit ? ` ${target.unit}` : ''}` : 'Nog niet gemeten', explained(measured),
    ] })
  }
  return rows
}

/**
 * A round's worksheet: one row per distinct commitment (a sentence that
 * restates one, same_as, is named in "Ook verwoord in", not given a row of its
 * own) with a row under it for each of its targets, what is published, and
 * empty columns to fill in: a status for a commitment, a value for a target
 * (status and source kind offered as lists). Dates are typed day-month-year;
 * the file is read back by readWorksheetFile.
 */
export async function writeWorksheetFile(view: AgreementView, progress: ProgressSnapshot, round: ReportingRound | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = `Gemeente ${view.agreement.municipality}`
  const sheet = workbook.addWorksheet(round ? round.name.slice(0, 31) : 'Voortgang')
  sheet.addRow([...worksheetColumns])
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }]
  const widths = [10, 28, 18, 22, 18, 60, 40, 18, 50, 20, 14, 14, 60, 30, 40, 20, 14]
  widths.forEach((width, i) => { sheet.getColumn(i + 1).width = width })
  for (let column = firstInputColumn + 1; column <= worksheetColumns.length; column += 1) sheet.getColumn(column).numFmt = '@'
  for (const action of view.actions.filter((a) => a.action.sameAsId === null)) {
    for (const { cells, type } of commitmentRows(view, progress, action)) {
      const row = sheet.addRow(cells)
      // A commitment gets a status from the list, a target a value; both a source kind from the list.
      if (type === 'action') row.getCell(firstInputColumn + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${recordedStatuses.map((s) => progressStatusLabels[s]).join(',')}"`] }
      row.getCell(firstInputColumn + 7).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(evidenceKindNames).join(',')}"`] }
    }
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
