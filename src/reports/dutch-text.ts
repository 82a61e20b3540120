import type { ActionKind } from '../store/database.js'
import type { TargetRecord } from '../read-model/records.js'
import { formatEuro, formatNumber } from './format-euro.js'

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

/** "2022-06-16" → "16 juni 2022". Parsed by hand: a Date would shift with the time zone. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) throw new RangeError(`expected an ISO date, got ${JSON.stringify(iso)}`)
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`
}

/** A file size as a Dutch reader writes it: 5000000 → "5 MB", 1500000 → "1,5 MB", 100000 → "100 kB" (decimal units, rounded up). */
export function fileSize(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000)} kB`
  return `${String(Math.ceil(bytes / 100_000) / 10).replace('.', ',')} MB`
}

/** ["a", "b", "c"] → "a, b en c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`
}

const kindLabels: Record<ActionKind, string> = {
  new: 'Nieuw',
  continue: 'Voortzetten',
  intensify: 'Intensiveren',
  investigate: 'Onderzoeken',
  advocate: 'Belangen behartigen',
  consult: 'In gesprek',
  support: 'Ondersteunen',
}

const kindExplanations: Record<ActionKind, string> = {
  new: 'iets beginnen dat er nog niet was: beleid, een fonds, een regeling, een gebouw.',
  continue: 'doorgaan met wat al loopt.',
  intensify: 'meer doen van wat al loopt, of het versterken.',
  investigate: 'eerst onderzoeken, verkennen of uitproberen, en dan beslissen.',
  advocate: 'bij het Rijk, de provincie of anderen opkomen voor wat Assen nodig heeft.',
  consult: 'in gesprek gaan met inwoners, partners of de gemeenteraad, of hen erbij betrekken.',
  support: 'plannen van anderen steunen of mogelijk maken.',
}

/** What a kind of commitment means, in a sentence for the reader. */
export function actionKindExplanation(kind: ActionKind): string {
  return kindExplanations[kind]
}

/** The Dutch label of an action kind (db/README.md has the vocabulary). */
export function actionKindLabel(kind: ActionKind): string {
  return kindLabels[kind]
}

/** A target in one line: "Minimaal 3000 nieuwe woningen in 2030 (minimaal 3.000 woningen, uiterlijk 31 december 2030)". */
export function describeTarget(target: TargetRecord): string {
  const parts: string[] = []
  if (target.value !== null) {
    const amount = target.unit === 'euro' ? formatEuro(target.value) : `${formatNumber(target.value)}${target.unit ? ` ${target.unit}` : ''}`
    parts.push(`${target.isMinimum ? 'minimaal ' : ''}${amount}`)
  }
  if (target.startDate) parts.push(`vanaf ${formatDate(target.startDate)}`)
  if (target.deadline) parts.push(`uiterlijk ${formatDate(target.deadline)}`)
  return parts.length ? `${target.description} (${parts.join(', ')})` : target.description
}
