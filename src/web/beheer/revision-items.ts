import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { DraftReturn } from '../../editorial/return-draft.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import { formatDate } from '../../reports/dutch-text.js'
import { datePart, formatMeasurement } from '../../reports/progress/progress-labels.js'
import { explanationHtml } from '../progress/explanation-html.js'
import type { ReviewComment } from '../../editorial/review-comments.js'
import { reviewComments } from './review-diff.js'
import { html, type SafeHtml } from '../html.js'
import { evidenceList, statusBadge } from '../progress/progress-blocks.js'

/** A revision's state in the editorial workflow, in words. */
function revisionState(revision: RevisionRecord, returned: DraftReturn | undefined, supersededBy?: number, edited = false): SafeHtml {
  if (revision.publication) return html`<span class="state state-published">Gepubliceerd</span>`
  if (returned) return html`<span class="state state-returned">Teruggestuurd</span>`
  if (supersededBy !== undefined) return html`<span class="state">${edited ? 'Bewerkt: vervangen' : 'Vervangen'} door versie ${String(supersededBy)}</span>`
  return html`<span class="state state-draft">Concept</span>`
}

/** What a revision says: a status, a measured value or a retraction. */
function revisionHeadline(revision: RevisionRecord, unit: string | null = null): SafeHtml {
  if (revision.kind === 'retraction') return html`<strong>Intrekking</strong> van een eerdere versie`
  if (revision.kind === 'measurement') return html`<strong>${formatMeasurement(revision.value ?? 0)}${unit ? ` ${unit}` : ''}</strong>`
  return statusBadge(revision.status as ProgressStatus)
}

/** One revision with everything an editor checks: state, content, sources, who recorded and reviewed it, and when. */
export function revisionItem(revision: RevisionRecord, returned: DraftReturn | undefined, unit: string | null = null, comments?: readonly ReviewComment[], supersededBy?: number, edited = false): SafeHtml {
  return html`<li>
<p>${revisionState(revision, returned, supersededBy, edited)} ${revisionHeadline(revision, unit)} <span class="version">(versie ${revision.revision}${revision.asOf ? `, stand per ${formatDate(revision.asOf)}` : ''})</span></p>
${explanationHtml(revision.explanation)}
${evidenceList(revision.evidence)}
<p class="meta">Vastgelegd door ${revision.authorName} op ${formatDate(datePart(revision.createdAt))}.${revision.publication
    ? ` Gepubliceerd door ${revision.publication.reviewerName} op ${formatDate(datePart(revision.publication.publishedAt))}.` : ''}</p>
${returned ? html`<p class="returned">Teruggestuurd door ${returned.reviewerName} op ${formatDate(datePart(returned.returnedAt))}: ${returned.reason}</p>` : ''}
${reviewComments(comments)}
</li>`
}

/** A subject's revisions, newest first, or a sentence when there are none. */
export function revisionHistory(revisions: readonly RevisionRecord[], returns: Map<number, DraftReturn>, unit: string | null = null, comments?: Map<number, ReviewComment[]>, replaced?: Map<number, number>): SafeHtml {
  return revisions.length === 0 ? html`<p>Er is nog niets vastgelegd.</p>`
    : html`<ol class="history">${revisions.map((r) => revisionItem(r, returns.get(r.id), unit, comments?.get(r.id), supersededBy(r, revisions, replaced), replaced?.has(r.id)))}</ol>`
}

/**
 * A draft that a newer revision of the same subject replaced (its author's,
 * or a published one): it will not be published, and says so instead of
 * staying "Concept". An edit names the version that replaced it
 * (src/editorial/edit-draft.ts).
 */
function supersededBy(revision: RevisionRecord, all: readonly RevisionRecord[], replaced?: Map<number, number>): number | undefined {
  if (revision.publication) return undefined
  const edit = replaced?.get(revision.id)
  if (edit !== undefined) return all.find((r) => r.id === edit)?.revision
  // Replaced by the author's own newer version, or outdated by a newer published one; a colleague's draft replaces nothing.
  return all.filter((r) => r.kind === revision.kind && r.revision > revision.revision && (r.publication !== null || r.authorId === revision.authorId)).map((r) => r.revision).sort((a, b) => a - b)[0]
}
