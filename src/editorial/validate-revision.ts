import { editorialLimits, evidenceKinds, recordedStatuses } from './progress-vocabulary.js'
import { normalizeEvidenceUrl } from './evidence-url.js'
import type { Evidence } from './revision-record.js'
import type { UserError } from './user-error.js'

/** Evidence as a client sends it. */
export interface EvidenceInput {
  title: string
  url: string
  documentDate?: string | null
  kind: string
}

const invalid = (field: string[], message: string): UserError => ({ field, message, code: 'INVALID' })

/** Today's date in Assen (Europe/Amsterdam), YYYY-MM-DD: the latest date a record may describe. */
export function todayInAssen(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(now)
}

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** Checks a date that may not lie in the future. */
export function checkPastDate(field: string[], text: string, now: Date): UserError[] {
  if (!isCalendarDate(text)) return [invalid(field, `${JSON.stringify(text.slice(0, 40))} is not a date written YYYY-MM-DD.`)]
  const today = todayInAssen(now)
  if (text > today) return [invalid(field, `${text} lies in the future (today is ${today}): record what has happened, not what is expected.`)]
  if (text < '2000-01-01') return [invalid(field, `${text} is before 2000: no record of this agreement can describe it.`)]
  return []
}

/** Checks plain Dutch text: trimmed, 1..max characters, no control characters but newlines and tabs, no bidirectional controls. */
export function checkText(field: string[], text: string, max: number, what: string): UserError[] {
  const trimmed = text.trim()
  if (trimmed.length === 0) return [invalid(field, `The ${what} is empty.`)]
  if (trimmed.length > max) return [invalid(field, `The ${what} has ${trimmed.length} characters; at most ${max} are accepted.`)]
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(trimmed)) return [invalid(field, `The ${what} holds control characters; send plain text.`)]
  // Embedding, override and isolate controls reorder what readers see (the curated data forbids them too).
  if (/[\u202A-\u202E\u2066-\u2069]/.test(trimmed)) return [invalid(field, `The ${what} holds bidirectional control characters; send plain text.`)]
  return []
}

/** Checks an evidence link: an absolute https URL without credentials (no javascript:, data:, file: or http:). */
function checkUrl(field: string[], url: string): UserError[] {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return [invalid(field, 'The URL is not an absolute URL; give the https address of the document.')]
  }
  if (parsed.protocol !== 'https:') return [invalid(field, `The URL uses ${parsed.protocol.slice(0, 20)}; only https links are accepted as evidence.`)]
  if (parsed.username || parsed.password) return [invalid(field, 'The URL holds a user name or password; link to the public document.')]
  if (url.trim().length > editorialLimits.urlChars) return [invalid(field, `The URL is longer than ${editorialLimits.urlChars} characters.`)]
  return []
}

/** Checks the evidence of an assessment or measurement: one or more items, each complete and linkable. */
export function checkEvidence(items: readonly EvidenceInput[], now: Date): UserError[] {
  if (items.length === 0) return [invalid(['input', 'evidence'], 'Give at least one piece of evidence: every status is backed by a source.')]
  if (items.length > editorialLimits.evidenceItems) return [invalid(['input', 'evidence'], `At most ${editorialLimits.evidenceItems} pieces of evidence are accepted.`)]
  return items.flatMap((item, i) => {
    const at = (name: string) => ['input', 'evidence', String(i), name]
    return [
      ...checkText(at('title'), item.title, editorialLimits.evidenceTitleChars, 'title'),
      ...checkUrl(at('url'), item.url),
      ...(item.documentDate == null ? [] : checkPastDate(at('documentDate'), item.documentDate, now)),
      ...((evidenceKinds as readonly string[]).includes(item.kind) ? [] : [invalid(at('kind'), `${JSON.stringify(item.kind.slice(0, 40))} is not an evidence kind (${evidenceKinds.join(', ')}).`)]),
    ]
  })
}

/** Checks a recorded status (NOT_ASSESSED is what the absence of a record means, so it is not recordable). */
export function checkStatus(status: string): UserError[] {
  return (recordedStatuses as readonly string[]).includes(status) ? []
    : [invalid(['input', 'status'], `${JSON.stringify(status.slice(0, 40))} is not a status that can be recorded (${recordedStatuses.join(', ')}).`)]
}

/** Checks a measured value: a finite number, not negative. */
export function checkValue(value: number): UserError[] {
  return Number.isFinite(value) && value >= 0 ? [] : [invalid(['input', 'value'], 'The value must be a finite number of at least 0.')]
}

/** Evidence as stored: trimmed text, the URL normalised (src/editorial/evidence-url.ts). */
export function normalizeEvidence(items: readonly EvidenceInput[]): Evidence[] {
  return items.map((item) => ({ title: item.title.trim(), url: normalizeEvidenceUrl(item.url)!, documentDate: item.documentDate ?? null, kind: item.kind }))
}
