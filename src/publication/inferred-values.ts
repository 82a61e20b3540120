import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { listRecords } from '../read-model/list-records.js'
import { presentationDateReading } from './presentation-date.js'

/** One value the curators inferred rather than read, with their reason: what the LEESMIJ and docs/data.md list. */
export interface InferredValue {
  kind: 'presentatiedatum' | 'datum van een doel' | 'houder van een portefeuille' | 'begrotingsbedrag'
  /** The record and field, in Dutch: `Doel woningbouw-500 (uiterste datum)`. */
  what: string
  value: string
  reason: string
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

/**
 * Every inferred value in the database, read from the data's own marks
 * (date_inferred, assignment_inferred, inferred) and the source text (the
 * presentation date), in a stable order: agreements, targets, portfolios,
 * budget amounts. Reads whole tables: for the few agreements a LEESMIJ names.
 */
export async function readInferredValues(db: Kysely<Database>): Promise<InferredValue[]> {
  const [agreements, targets, portfolios, persons, amounts, lines] = await Promise.all([
    listRecords(db, 'agreement'), listRecords(db, 'target'), listRecords(db, 'portfolio'), listRecords(db, 'person'),
    listRecords(db, 'budgetAmount'), listRecords(db, 'budgetLine'),
  ])
  const values: InferredValue[] = []
  for (const a of agreements) {
    const reading = presentationDateReading(a)
    if (reading.presentedOnInferred) values.push({ kind: 'presentatiedatum', what: `${a.subtitle} ${a.municipality} (gepresenteerd op)`, value: a.presentedOn, reason: reading.presentedOnReason! })
  }
  for (const t of targets.filter((t) => t.dateInferred)) {
    const dates = [t.deadline ? `uiterste datum ${t.deadline}` : null, t.startDate ? `vanaf ${t.startDate}` : null].filter(Boolean).join(', ')
    values.push({ kind: 'datum van een doel', what: `Doel ${t.slug} ("${t.text}")`, value: dates, reason: t.dateReason ?? '' })
  }
  const personName = new Map(persons.map((p) => [p.id, p.name]))
  for (const p of portfolios.filter((p) => p.assignmentInferred)) {
    values.push({ kind: 'houder van een portefeuille', what: `Portefeuille ${p.slug}`, value: personName.get(p.personId) ?? '', reason: p.assignmentReason })
  }
  const lineName = new Map(lines.map((l) => [l.id, l.displayName]))
  for (const b of amounts.filter((b) => b.inferred)) {
    values.push({ kind: 'begrotingsbedrag', what: `${lineName.get(b.budgetLineId) ?? ''}, ${b.year}`, value: euro.format(b.amount), reason: b.inferenceReason ?? '' })
  }
  return values
}

/** The list as lines of text: `- <what>: <value>. <reason>`, grouped by kind with a count per kind. */
export function inferredValuesLines(values: readonly InferredValue[]): string[] {
  const kinds = [...new Set(values.map((v) => v.kind))]
  return kinds.flatMap((kind) => {
    const ofKind = values.filter((v) => v.kind === kind)
    return [`${kind[0]!.toUpperCase()}${kind.slice(1)} (${ofKind.length}):`, ...ofKind.map((v) => `- ${v.what}: ${v.value}. ${v.reason}`), '']
  })
}

const blockStart = '<!-- inferred-values:start (npm run docs:inferred writes this list from the data) -->'
const blockEnd = '<!-- inferred-values:end -->'

/** A Markdown document with its list of inferred values replaced by the one the data gives; unchanged without the markers. */
export function withInferredValuesBlock(markdown: string, values: readonly InferredValue[]): string {
  const start = markdown.indexOf(blockStart)
  const end = markdown.indexOf(blockEnd)
  if (start < 0 || end < start) return markdown
  return `${markdown.slice(0, start + blockStart.length)}\n\n${inferredValuesLines(values).join('\n')}\n${markdown.slice(end)}`
}
