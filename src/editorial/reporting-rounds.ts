import { appendAudit } from './audit-trail.js'
import type { EditorialActor } from './editorial-actor.js'
import type { EditorialStore } from './open-editorial-store.js'
import { notifyRounds } from './publication-listener.js'
import { readGeneration } from './progress-snapshot.js'
import type { EditorialOutcome, UserError } from './user-error.js'
import { checkText, isCalendarDate } from './validate-revision.js'

/** A reporting round: a name, the date its picture describes (peildatum), when it opens and closes. */
export interface ReportingRound {
  id: number
  agreement: string
  slug: string
  name: string
  peildatum: string
  opensOn: string
  closesOn: string
  openedAt: string
  /** When it was closed; null while it is open. */
  closedAt: string | null
  /** The publication generation it closed at: its picture, for ever. */
  closedGeneration: number | null
}

/** What opening a round needs. */
export interface OpenRoundInput {
  agreement: string
  name: string
  peildatum: string
  opensOn: string
  closesOn: string
}

const columns = ['id', 'agreement_slug', 'slug', 'name', 'peildatum', 'opens_on', 'closes_on', 'opened_at', 'closed_at', 'closed_generation'] as const

type RoundRow = { id: number; agreement_slug: string; slug: string; name: string; peildatum: string; opens_on: string; closes_on: string; opened_at: string; closed_at: string | null; closed_generation: number | null }

const toRound = (row: RoundRow): ReportingRound => ({
  id: row.id, agreement: row.agreement_slug, slug: row.slug, name: row.name, peildatum: row.peildatum, opensOn: row.opens_on,
  closesOn: row.closes_on, openedAt: row.opened_at, closedAt: row.closed_at, closedGeneration: row.closed_generation,
})

/** "Voortgangsrapportage 2025" → "voortgangsrapportage-2025". */
function roundSlug(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80)
}

/** An agreement's rounds, the latest peildatum first. */
export async function listRounds(store: EditorialStore, agreement: string): Promise<ReportingRound[]> {
  return (await store.all(store.db.selectFrom('reporting_round').select(columns).where('agreement_slug', '=', agreement)
    .orderBy('peildatum', 'desc').orderBy('id', 'desc'))).map(toRound)
}

/** Every agreement's rounds, the latest peildatum first (listRounds' order): what the public side reads at once. */
export async function listEveryRound(store: EditorialStore): Promise<ReportingRound[]> {
  return (await store.all(store.db.selectFrom('reporting_round').select(columns).orderBy('peildatum', 'desc').orderBy('id', 'desc'))).map(toRound)
}

/**
 * The round shown when none is named, in /beheer and to the public alike: the
 * open round, else the latest closed one; null before the first round.
 * Takes listRounds' list (latest peildatum first).
 */
export function defaultRound(rounds: readonly ReportingRound[]): ReportingRound | null {
  return rounds.find((r) => r.closedAt === null) ?? rounds[0] ?? null
}

/** A round by its slug. */
export async function findRound(store: EditorialStore, agreement: string, slug: string): Promise<ReportingRound | null> {
  const row = await store.first(store.db.selectFrom('reporting_round').select(columns).where('agreement_slug', '=', agreement).where('slug', '=', slug))
  return row ? toRound(row) : null
}

/** The round open for recording, if any (there is at most one per agreement). */
export async function openRoundOf(store: EditorialStore, agreement: string): Promise<ReportingRound | null> {
  const row = await store.first(store.db.selectFrom('reporting_round').select(columns).where('agreement_slug', '=', agreement).where('closed_at', 'is', null))
  return row ? toRound(row) : null
}

/** The round each of the given revisions was recorded for. */
export async function roundsOfRevisions(store: EditorialStore, revisionIds: readonly number[]): Promise<Map<number, number>> {
  if (revisionIds.length === 0) return new Map()
  return new Map((await store.all(store.db.selectFrom('round_revision').select(['revision_id', 'round_id']).where('revision_id', 'in', [...revisionIds])))
    .map((r) => [r.revision_id, r.round_id]))
}

/** Links a new revision to the agreement's open round, if one is open (inside the caller's transaction). */
export async function attachToOpenRound(store: EditorialStore, agreement: string, revisionId: number): Promise<void> {
  const open = await openRoundOf(store, agreement)
  if (open) await store.run(store.db.insertInto('round_revision').values({ revision_id: revisionId, round_id: open.id }))
}

const invalid = (field: string, message: string): UserError => ({ field: ['input', field], message, code: 'INVALID' })

/** Opens a round (admin): one open round per agreement; the closing date is not before the opening. */
export async function openRound(store: EditorialStore, actor: EditorialActor, input: OpenRoundInput): Promise<EditorialOutcome<ReportingRound>> {
  return await store.transaction(async () => {
    const slug = roundSlug(input.name)
    const errors: UserError[] = [...checkText(['input', 'name'], input.name, 200, 'name')]
    for (const field of ['peildatum', 'opensOn', 'closesOn'] as const) {
      if (!isCalendarDate(input[field])) errors.push(invalid(field, `${JSON.stringify(input[field].slice(0, 40))} is not a date written YYYY-MM-DD.`))
    }
    if (errors.length === 0 && input.closesOn < input.opensOn) errors.push(invalid('closesOn', 'The round closes before it opens.'))
    if (slug === '') errors.push(invalid('name', 'The name needs letters or digits.'))
    else if (await findRound(store, input.agreement, slug)) errors.push(invalid('name', 'A round with this name exists already.'))
    const open = await openRoundOf(store, input.agreement)
    if (open) errors.push({ field: ['input', 'name'], message: `Round "${open.name}" is still open: close it first.`, code: 'CONFLICT' })
    const audit = { accountId: actor.account?.id ?? null, operation: 'openRound', subject: `${input.agreement}/round/${slug}`, requestId: actor.requestId, client: actor.client }
    if (errors.length > 0 || !actor.account) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: errors.map((e) => e.code) }, actor.now)
      return { record: null, userErrors: errors }
    }
    const id = (await store.run(store.db.insertInto('reporting_round').values({
      agreement_slug: input.agreement, slug, name: input.name.trim(), peildatum: input.peildatum, opens_on: input.opensOn, closes_on: input.closesOn,
      opened_by: actor.account.id, opened_at: actor.now.toISOString(),
    }).returning('id'))).insertId
    await notifyRounds(store)
    await appendAudit(store, { ...audit, outcome: 'accepted', recordId: id }, actor.now)
    return { record: await findRound(store, input.agreement, slug), userErrors: [] }
  })
}

/** Closes the open round (admin): its picture is the publications up to now, and it never changes again. */
export async function closeRound(store: EditorialStore, actor: EditorialActor, agreement: string, slug: string): Promise<EditorialOutcome<ReportingRound>> {
  return await store.transaction(async () => {
    const round = await findRound(store, agreement, slug)
    const errors: UserError[] = []
    if (!round) errors.push({ field: ['input', 'round'], message: 'No round has this name.', code: 'NOT_FOUND' })
    else if (round.closedAt) errors.push({ field: ['input', 'round'], message: `The round was closed on ${round.closedAt}.`, code: 'CONFLICT' })
    const audit = { accountId: actor.account?.id ?? null, operation: 'closeRound', subject: `${agreement}/round/${slug}`, recordId: round?.id ?? null, requestId: actor.requestId, client: actor.client }
    if (errors.length > 0 || !round || !actor.account) {
      await appendAudit(store, { ...audit, outcome: 'refused', codes: errors.map((e) => e.code) }, actor.now)
      return { record: null, userErrors: errors }
    }
    await store.run(store.db.updateTable('reporting_round').set({ closed_at: actor.now.toISOString(), closed_by: actor.account.id, closed_generation: await readGeneration(store) })
      .where('id', '=', round.id))
    await notifyRounds(store)
    await appendAudit(store, { ...audit, outcome: 'accepted' }, actor.now)
    return { record: await findRound(store, agreement, slug), userErrors: [] }
  })
}
