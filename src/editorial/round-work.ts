import type { EditorialStore } from './open-editorial-store.js'
import type { ReportingRound } from './reporting-rounds.js'
import { roundsOfRevisions } from './reporting-rounds.js'
import { returnsOf } from './return-draft.js'
import { readRevisions, type RevisionRecord } from './revision-record.js'

/** Where one action stands in the team's work on a round. */
export interface ActionWork {
  /** No published assessment stands (the public status is "Niet beoordeeld"). */
  notAssessed: boolean
  /** An assessment draft waits for a reviewer. */
  awaitingReview: boolean
  /** The newest draft was sent back, with the reviewer's reason. */
  sentBack: boolean
  /** An assessment recorded for this round is published. */
  publishedInRound: boolean
  /** The round's closing date has passed and nothing of this round is published for it. */
  overdue: boolean
  /** The newest revision (draft or published), to link to and to show. */
  latest: RevisionRecord | null
}

/** The states the team overview counts, in its column order. */
export const workColumns = ['notAssessed', 'awaitingReview', 'sentBack', 'publishedInRound', 'overdue'] as const
export type WorkColumn = (typeof workColumns)[number]

/**
 * Where each action of an agreement stands for a round (or, without a round,
 * for the publication as a whole): one read of the assessments, their
 * publications, returns and rounds.
 */
export async function actionWork(store: EditorialStore, agreement: string, actionSlugs: readonly string[], round: ReportingRound | null, today: string): Promise<Map<string, ActionWork>> {
  const revisions = await readRevisions(store, (q) => q.where('revision.agreement_slug', '=', agreement).where('revision.subject_type', '=', 'action')
    .orderBy('revision.revision', 'desc'))
  const returned = await returnsOf(store, revisions.map((r) => r.id))
  const rounds = await roundsOfRevisions(store, revisions.map((r) => r.id))
  const retracted = new Set(revisions.filter((r) => r.kind === 'retraction' && r.publication).map((r) => r.retractsId))
  const bySlug = new Map<string, RevisionRecord[]>()
  for (const r of revisions) bySlug.set(r.subject.slug, [...(bySlug.get(r.subject.slug) ?? []), r])
  const work = new Map<string, ActionWork>()
  for (const slug of actionSlugs) {
    const own = bySlug.get(slug) ?? []
    const newestPublished = own.find((r) => r.publication)?.revision ?? 0
    const drafts = own.filter((r) => !r.publication && r.revision > newestPublished)
    const publishedInRound = round !== null && own.some((r) => r.publication && r.kind === 'assessment' && rounds.get(r.id) === round.id && !retracted.has(r.id))
    work.set(slug, {
      notAssessed: !own.some((r) => r.publication && r.kind === 'assessment' && !retracted.has(r.id)),
      awaitingReview: drafts.some((r) => !returned.has(r.id)),
      sentBack: drafts.length > 0 && returned.has(drafts[0]!.id),
      publishedInRound,
      overdue: round !== null && round.closedAt === null && today > round.closesOn && !publishedInRound,
      latest: own[0] ?? null,
    })
  }
  return work
}
