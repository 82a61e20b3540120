import { readDutchDate } from './dutch-input.js'
import { evidenceKinds, progressStatusLabels, recordedStatuses } from './progress-vocabulary.js'
import type { RevisionInput } from './record-revision.js'
import { checkEvidence, checkPastDate, checkStatus, checkText } from './validate-revision.js'
import { editorialLimits } from './progress-vocabulary.js'

/** A cell as a worksheet gives it: text, a number, a date, or nothing. */
export type WorksheetCell = string | number | Date | null

/** The columns of a round's worksheet, in order: what is published, then what a team fills in. */
export const worksheetColumns = [
  'Afspraak (niet wijzigen)', 'Thema', 'Onderwerp', 'Wethouder', 'Tekst van de afspraak', 'Gepubliceerde status', 'Gepubliceerde toelichting',
  'Nieuwe status', 'Stand per', 'Toelichting', 'Bron: titel', 'Bron: adres', 'Bron: soort', 'Bron: datum',
] as const

/** The first column a team fills in (0-based): the rest before it is what is published, for reference. */
export const firstInputColumn = 7

/** Evidence kinds as a worksheet names them: the Dutch label, or the stored code. */
export const evidenceKindNames: Record<string, string> = {
  raadsvoorstel: 'Raadsvoorstel', raadsinformatiebrief: 'Raadsinformatiebrief', begroting: 'Begroting', jaarrekening: 'Jaarrekening', persbericht: 'Persbericht', other: 'Overig',
}

/** A refused row: its number in the sheet, its action, and what is wrong, in Dutch. */
export interface WorksheetRowError {
  row: number
  action: string
  messages: string[]
}

const text = (cell: WorksheetCell | undefined): string => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim()

function readDate(cell: WorksheetCell | undefined): { value: string } | { message: string } {
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) }
  const reading = readDutchDate(text(cell))
  return reading.ok ? { value: reading.value } : { message: reading.message }
}

function byName(name: string, options: Record<string, string>): string | undefined {
  const wanted = name.trim().toLowerCase()
  return Object.entries(options).find(([code, label]) => code.toLowerCase() === wanted || label.toLowerCase() === wanted)?.[0]
}

/**
 * Reads a filled-in worksheet into drafts: rows whose input columns are empty
 * are skipped; every other row must be complete and pass the same rules as the
 * record form, or it is refused with its number and Dutch reasons. The caller
 * records nothing unless no row is refused.
 */
export function readWorksheetRows(rows: readonly (readonly WorksheetCell[])[], agreement: string, actionSlugs: ReadonlySet<string>, now: Date): { inputs: RevisionInput[]; errors: WorksheetRowError[] } {
  const inputs: RevisionInput[] = []
  const errors: WorksheetRowError[] = []
  const seen = new Set<string>()
  const header = rows[0]?.map(text) ?? []
  if (worksheetColumns.some((name, i) => header[i] !== name)) {
    return { inputs, errors: [{ row: 1, action: '', messages: ['De kolommen zijn niet die van het werkblad: gebruik het werkblad dat u hier hebt gedownload, zonder kolommen toe te voegen of te verplaatsen.'] }] }
  }
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2
    const input = cells.slice(firstInputColumn)
    if (input.every((c) => text(c) === '')) return
    const slug = text(cells[0])
    const messages: string[] = []
    if (!actionSlugs.has(slug)) messages.push(`Afspraak “${slug.slice(0, 80)}” bestaat niet: de eerste kolom mag niet worden gewijzigd.`)
    else if (seen.has(slug)) messages.push('Deze afspraak staat al in een eerdere rij.')
    seen.add(slug)
    const [statusCell, asOfCell, explanationCell, titleCell, urlCell, kindCell, documentDateCell] = input
    const status = byName(text(statusCell), Object.fromEntries(recordedStatuses.map((s) => [s, progressStatusLabels[s]])))
    if (!status) messages.push(`Nieuwe status: “${text(statusCell).slice(0, 40)}” is geen status. Kies uit: ${recordedStatuses.map((s) => progressStatusLabels[s]).join(', ')}.`)
    const asOf = readDate(asOfCell)
    if ('message' in asOf) messages.push(`Stand per: ${asOf.message}`)
    else if (checkPastDate(['asOf'], asOf.value, now).length > 0) messages.push('Stand per: de datum ligt in de toekomst of vóór 2000.')
    const explanation = text(explanationCell)
    if (checkText(['explanation'], explanation, editorialLimits.explanationChars, 'explanation').length > 0) messages.push(`Toelichting: vul een toelichting in van hoogstens ${editorialLimits.explanationChars} tekens, als gewone tekst.`)
    const kind = byName(text(kindCell), evidenceKindNames)
    if (!kind) messages.push(`Bron: soort: “${text(kindCell).slice(0, 40)}” is geen soort document. Kies uit: ${evidenceKinds.map((k) => evidenceKindNames[k]).join(', ')}.`)
    const documentDate = text(documentDateCell) === '' && !(documentDateCell instanceof Date) ? null : readDate(documentDateCell)
    if (documentDate && 'message' in documentDate) messages.push(`Bron: datum: ${documentDate.message}`)
    const evidence = [{ title: text(titleCell), url: text(urlCell), kind: kind ?? 'other', documentDate: documentDate && 'value' in documentDate ? documentDate.value : null }]
    for (const problem of checkEvidence(evidence, now)) {
      const field = problem.field.at(-1)
      messages.push(field === 'url' ? 'Bron: adres: vul het volledige https-adres van het openbare document in.'
        : field === 'title' ? 'Bron: titel: vul de titel van het document in.'
          : field === 'documentDate' ? 'Bron: datum: de datum ligt in de toekomst of vóór 2000.' : 'Bron: vul titel, adres en soort in.')
    }
    if (status && checkStatus(status).length > 0) messages.push('Nieuwe status: deze status kan niet worden vastgelegd.')
    if (messages.length > 0) {
      errors.push({ row, action: slug, messages: [...new Set(messages)] })
      return
    }
    inputs.push({ kind: 'assessment', subject: { agreement, type: 'action', slug }, status: status!, asOf: (asOf as { value: string }).value, explanation, evidence })
  })
  return { inputs, errors }
}
