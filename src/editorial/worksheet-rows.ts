import { readDutchDate, readDutchNumber } from './dutch-input.js'
import { evidenceKinds, progressStatusLabels, recordedStatuses } from './progress-vocabulary.js'
import type { RevisionInput } from './record-revision.js'
import { checkEvidence, checkPastDate, checkStatus, checkText, checkValue } from './validate-revision.js'
import { editorialLimits } from './progress-vocabulary.js'

/** A cell as a worksheet gives it: text, a number, a date, or nothing. */
export type WorksheetCell = string | number | Date | null

/**
 * The columns of a round's worksheet, in order: what the row is (a commitment
 * or a target of it) and what is published, then what a team fills in.
 */
export const worksheetColumns = [
  'Soort (niet wijzigen)', 'Sleutel (niet wijzigen)', 'Thema', 'Onderwerp', 'Wethouder', 'Tekst in het akkoord', 'Ook verwoord in', 'Gepubliceerd', 'Gepubliceerde toelichting',
  'Nieuwe status', 'Nieuwe waarde', 'Stand per', 'Toelichting', 'Bron: titel', 'Bron: adres', 'Bron: soort', 'Bron: datum',
] as const

/** The first column a team fills in (0-based): the rest before it is what is published, for reference. */
export const firstInputColumn = 9

/** The first column's names of the two kinds of row: a commitment gets a status, a target a measured value. */
export const worksheetRowKinds = { action: 'Afspraak', target: 'Doel' } as const

/** What the rows may name: each sentence's slug with the slug of its commitment (a copy's is its canonical action's), and the targets. */
export interface WorksheetKeys {
  actions: ReadonlyMap<string, string>
  targets: ReadonlySet<string>
}

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

/** Reads a row's subject: the kind in the first column, the key in the second (neither may be changed). */
function readSubject(cells: readonly WorksheetCell[], keys: WorksheetKeys): { type: 'action' | 'target' | null; slug: string | undefined; key: string; messages: string[] } {
  const kind = text(cells[0])
  const key = text(cells[1])
  const type = kind === worksheetRowKinds.action ? 'action' : kind === worksheetRowKinds.target ? 'target' : null
  const slug = type === 'action' ? keys.actions.get(key) : type === 'target' && keys.targets.has(key) ? key : undefined
  const messages = type === null ? [`Soort: “${kind.slice(0, 40)}” is geen soort rij (Afspraak of Doel): de eerste twee kolommen mogen niet worden gewijzigd.`]
    : slug === undefined ? [`${type === 'action' ? 'Afspraak' : 'Doel'} “${key.slice(0, 80)}” bestaat niet: de eerste twee kolommen mogen niet worden gewijzigd.`] : []
  return { type, slug, key, messages }
}

/** Reads a target row's value: a number cell, or text read the Dutch way ("1.850" is 1850). */
function readValue(cell: WorksheetCell | undefined): { value: number } | { message: string } {
  if (typeof cell === 'number') return checkValue(cell).length === 0 ? { value: cell } : { message: 'Nieuwe waarde: vul een getal in van 0 of meer.' }
  const reading = readDutchNumber(text(cell))
  return reading.ok ? { value: reading.value } : { message: `Nieuwe waarde: ${reading.message}` }
}

/**
 * Reads a filled-in worksheet into drafts: rows whose input columns are empty
 * are skipped; every other row must be complete and pass the same rules as the
 * record forms (a status for a commitment, a value for a target), or it is
 * refused with its number and Dutch reasons. The caller records nothing unless
 * no row is refused.
 */
export function readWorksheetRows(rows: readonly (readonly WorksheetCell[])[], agreement: string, keys: WorksheetKeys, now: Date): { inputs: RevisionInput[]; errors: WorksheetRowError[] } {
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
    const { type, slug, key, messages } = readSubject(cells, keys)
    if (slug !== undefined && seen.has(`${type}/${slug}`)) messages.push(type === 'action' ? 'Deze afspraak staat al in een eerdere rij.' : 'Dit doel staat al in een eerdere rij.')
    seen.add(`${type}/${slug}`)
    const [statusCell, valueCell, asOfCell, explanationCell, titleCell, urlCell, kindCell, documentDateCell] = input
    let status: string | undefined
    let value: { value: number } | { message: string } | undefined
    if (type === 'target') {
      if (text(statusCell) !== '') messages.push('Nieuwe status: een doel krijgt een waarde, geen status; vul “Nieuwe waarde” in.')
      value = readValue(valueCell)
      if ('message' in value) messages.push(value.message)
    } else {
      if (text(valueCell) !== '') messages.push('Nieuwe waarde: een afspraak krijgt een status, geen waarde; vul “Nieuwe status” in.')
      status = byName(text(statusCell), Object.fromEntries(recordedStatuses.map((s) => [s, progressStatusLabels[s]])))
      if (!status) messages.push(`Nieuwe status: “${text(statusCell).slice(0, 40)}” is geen status. Kies uit: ${recordedStatuses.map((s) => progressStatusLabels[s]).join(', ')}.`)
      else if (checkStatus(status).length > 0) messages.push('Nieuwe status: deze status kan niet worden vastgelegd.')
    }
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
    if (messages.length > 0 || slug === undefined || 'message' in asOf) {
      errors.push({ row, action: key, messages: [...new Set(messages)] })
      return
    }
    const content = { asOf: asOf.value, explanation, evidence }
    inputs.push(type === 'target'
      ? { ...content, kind: 'measurement', subject: { agreement, type: 'target', slug }, value: (value as { value: number }).value }
      : { ...content, kind: 'assessment', subject: { agreement, type: 'action', slug }, status: status! })
  })
  return { inputs, errors }
}
