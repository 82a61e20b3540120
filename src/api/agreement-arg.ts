import { GraphQLError } from 'graphql'
import type { AgreementSnapshot } from '../read-model/agreement-snapshot.js'
import type { AgreementRecord } from '../read-model/records.js'
import type { ApiContext } from './context.js'
import { errorCodes, notFound } from './errors.js'

/** The description every `agreement` argument shares. */
export const agreementArgDescription = 'The slug of the agreement (for example "assen-2022-2026"); omitted: the current agreement, the most recently presented one.'

/**
 * Resolves an `agreement` argument: a slug, or nothing for the current
 * agreement. An unknown slug is reported as NOT_FOUND naming the argument.
 */
export function agreementFromArg(ctx: ApiContext, slug: string | null | undefined, argument = 'agreement'): AgreementRecord {
  const found = slug == null ? ctx.loaders.currentAgreement() : ctx.loaders.agreementBySlug(slug)
  if (found) return found
  if (slug == null) throw new GraphQLError('The database holds no agreement.', { extensions: { code: errorCodes.notFound } })
  throw notFound(argument, slug, 'agreement')
}

/** The agreement of an `agreement` argument read whole. */
export function snapshotFromArg(ctx: ApiContext, slug: string | null | undefined): AgreementSnapshot {
  return ctx.loaders.of(agreementFromArg(ctx, slug).id)
}

/** The agreement a record belongs to. */
export function agreementOf(ctx: ApiContext, agreementId: number): AgreementRecord {
  const agreement = ctx.loaders.agreementById(agreementId)
  if (!agreement) throw new Error(`agreement ${agreementId} is missing`)
  return agreement
}
