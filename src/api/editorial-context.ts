import { GraphQLError } from 'graphql'
import type { Account } from '../editorial/accounts.js'
import { appendAudit } from '../editorial/audit-trail.js'
import type { EditorialActor } from '../editorial/editorial-actor.js'
import type { Role } from '../editorial/editorial-database.js'
import type { EditorialStore } from '../editorial/open-editorial-store.js'
import { emptyProgressSnapshot, type ProgressSnapshot } from '../editorial/progress-snapshot.js'
import type { PublicView } from '../editorial/public-view.js'
import { servedPublicView } from '../editorial/served-public-view.js'
import type { ThrottleStatus } from './throttle-status.js'

/** What a request knows of the editorial side: the store, who asks, and what the answer used. */
export interface EditorialRequest {
  store: EditorialStore
  /** The signed-in account; null when anonymous. */
  viewer: Account | null
  requestId: string | null
  client: string | null
  /**
   * Set by resolvers: `editorial` when the answer read published progress (the
   * HTTP layer then ties its cache entry to the publication generation and
   * makes clients revalidate), `private` when it depends on who asks (never cached).
   */
  usage: RequestUsage
  /** The progress snapshots of every agreement, read when the request's context is made: one publication generation for the whole answer. */
  snapshots?: ReadonlyMap<string, ProgressSnapshot>
  /** The public view the snapshots come from: the rounds are read from it too, so the whole answer is at one public state. */
  view?: PublicView
}

/** What an answer depended on, for the HTTP layer's caching. */
export interface RequestUsage {
  editorial: boolean
  private: boolean
  /** The client's points budget as the request found it (set by the HTTP layer; the `rateLimit` query reads it). */
  throttle?: ThrottleStatus
  /**
   * The public state the answer's progress and rounds were read at (set when the context is made): what its cache
   * entry is tagged with, so an answer built from the previous view while the store is out of reach never claims a newer state.
   */
  publicState?: number
}

/** The codes of refused access, in `errors[].extensions.code`. */
const accessCodes = { unauthenticated: 'UNAUTHENTICATED', forbidden: 'FORBIDDEN' } as const

/** The actor of a mutation, for the editorial domain and its audit trail. */
export function actorOf(editorial: EditorialRequest): EditorialActor {
  return { account: editorial.viewer, requestId: editorial.requestId, client: editorial.client, now: new Date() }
}

/**
 * The signed-in account when its role is one of `roles`; otherwise a
 * GraphQL error (UNAUTHENTICATED without an account, FORBIDDEN for another
 * role). A refused mutation (`operation` given) is appended to the audit trail.
 */
export async function requireRole(editorial: EditorialRequest, roles: readonly Role[], operation?: string): Promise<Account> {
  editorial.usage.private = true
  const viewer = editorial.viewer
  const code = !viewer ? accessCodes.unauthenticated : !roles.includes(viewer.role) ? accessCodes.forbidden : null
  if (!code) return viewer!
  if (operation) {
    await appendAudit(editorial.store, {
      accountId: viewer?.id ?? null, operation, outcome: 'refused', codes: [code], requestId: editorial.requestId, client: editorial.client,
    })
  }
  const message = code === accessCodes.unauthenticated
    ? 'Sign in first: send "Authorization: Bearer TOKEN" with an editor account\'s token.'
    : `Your role (${viewer!.role}) may not do this; it takes ${roles.join(' or ')}.`
  throw new GraphQLError(message, { extensions: { code } })
}

/**
 * Reads the published progress of every agreement of the content into the
 * request's context before any resolver runs, so resolvers stay synchronous.
 * The view is read from the store once per public state and shared by every
 * request (src/editorial/served-public-view.ts), so this costs no query
 * between publications; while the store is out of reach it is the latest view read.
 */
export async function withPublicProgress<C extends { editorial: EditorialRequest; loaders: { allAgreements(): readonly { slug: string }[] } }>(context: C): Promise<C> {
  const view = await servedPublicView(context.editorial.store)
  const snapshots = new Map<string, ProgressSnapshot>()
  for (const { slug } of context.loaders.allAgreements()) snapshots.set(slug, view.snapshot(slug))
  context.editorial.snapshots = snapshots
  context.editorial.view = view
  context.editorial.usage.publicState = view.state
  return context
}

/**
 * The published progress of an agreement, marking the answer as depending on
 * publications. Read when the request's context was made, so every field of
 * an answer sees the same publications; an agreement the content lacks has none.
 */
export function publicProgress(editorial: EditorialRequest, agreement: string): ProgressSnapshot {
  editorial.usage.editorial = true
  return editorial.snapshots?.get(agreement) ?? emptyProgressSnapshot
}
