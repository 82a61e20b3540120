import { toGlobalId } from '../model/global-id.js'
import { progressStatusConcepts } from './own-terms.js'
import type { ProgressEntry, ProgressRows } from './published-progress-rows.js'

/** A published assessment or measurement in the nested document, with the IDs of the tables and the API. */
function entryJson(entry: ProgressEntry): Record<string, unknown> {
  const { revision, retraction } = entry
  const agreement = revision.subject.agreement
  return {
    id: toGlobalId(revision.kind === 'assessment' ? 'ProgressAssessment' : 'TargetMeasurement', agreement, String(revision.id)),
    revision: revision.revision,
    ...(revision.kind === 'assessment' ? { status: revision.status } : { value: revision.value }),
    asOf: revision.asOf, round: entry.round && { name: entry.round.name, peildatum: entry.round.peildatum }, explanation: revision.explanation, publishedAt: revision.publication!.publishedAt, current: entry.current,
    evidence: revision.evidence.map((e) => ({ title: e.title, url: e.url, documentDate: e.documentDate, kind: e.kind })),
    retraction: retraction && {
      id: toGlobalId('ProgressRetraction', agreement, String(retraction.id)), publishedAt: retraction.publication!.publishedAt, reason: retraction.explanation,
    },
  }
}

/** An action's progress: its status (NOT_ASSESSED without a standing assessment) and every published assessment, oldest first. */
export function actionProgressJson(progress: ProgressRows, agreement: string, slug: string): Record<string, unknown> {
  const status = progress.statusOf(agreement, slug)
  return {
    status, statusLabel: progressStatusConcepts[status].nl,
    history: progress.historyOf({ agreement, type: 'action', slug }).map(entryJson),
  }
}

/** A target's published measurements, oldest first. */
export function targetMeasurementsJson(progress: ProgressRows, agreement: string, slug: string): Record<string, unknown>[] {
  return progress.historyOf({ agreement, type: 'target', slug }).map(entryJson)
}
