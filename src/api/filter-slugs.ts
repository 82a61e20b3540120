import { slugsToIds, type SluggedTable } from '../read-model/slugs-to-ids.js'
import type { AgreementRecord } from '../read-model/records.js'
import type { ApiContext } from './context.js'
import { badUserInput } from './errors.js'

/**
 * Resolves the slugs of one filter field to row ids; undefined when the field
 * is not set. A slug the agreement does not have is reported, naming the
 * field, rather than silently matching nothing.
 */
export async function filterIds(
  ctx: ApiContext, agreement: AgreementRecord, field: string, table: SluggedTable, what: string, slugs: readonly string[] | null | undefined,
): Promise<number[] | undefined> {
  if (slugs == null) return undefined
  const ids = await slugsToIds(ctx.db, table, agreement.id, slugs)
  const unknown = slugs.filter((slug) => !ids.has(slug))
  if (unknown.length > 0) throw badUserInput(`filter.${field}`, unknown[0], `names no ${what} of agreement "${agreement.slug}"`)
  return slugs.map((slug) => ids.get(slug)!)
}
