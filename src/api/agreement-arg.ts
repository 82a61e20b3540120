import { GraphQLError } from 'graphql'
import type { AgreementRecord } from '../read-model/records.js'
import type { ApiContext } from './context.js'
import { errorCodes, notFound } from './errors.js'

/** The description every `agreement` argument shares. */
export const agreementArgDescription = 'The slug of the agreement (for example "assen-2022-2026"); omitted: the current agreement, the most recently presented one.'

/**
 * Resolves an `agreement` argument: a slug, or nothing for the current
 * agreement. An unknown slug is reported as NOT_FOUND naming the argument.
 */
export async function agreementFromArg(ctx: ApiContext, slug: string | null | undefined, argument = 'agreement'): Promise<AgreementRecord> {
  const found = slug == null ? await ctx.loaders.currentAgreement() : await ctx.loaders.agreementBySlug.load(slug)
  if (found) return found
  if (slug == null) throw new GraphQLError('The database holds no agreement.', { extensions: { code: errorCodes.notFound } })
  throw notFound(argument, slug, 'agreement')
}

/** The agreement a record belongs to (batched: one statement for all records of a request). */
export async function agreementOf(ctx: ApiContext, agreementId: number): Promise<AgreementRecord> {
  const agreement = await ctx.loaders.byId('agreement').load(agreementId)
  if (!agreement) throw new Error(`agreement ${agreementId} is missing`)
  return agreement
}
