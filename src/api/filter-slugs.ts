import type { AgreementSnapshot } from '../read-model/agreement-snapshot.js'
import type { KeyedEntity } from '../read-model/record-keys.js'
import { badUserInput } from './errors.js'

/**
 * Resolves the slugs of one filter field to row ids; undefined when the field
 * is not set. A slug the agreement does not have is reported, naming the
 * argument ("filter.theme") and the slug's index, rather than silently matching nothing.
 */
export function filterIds(
  snapshot: AgreementSnapshot, argument: string, entity: Exclude<KeyedEntity, 'rule' | 'budgetTotal'>, what: string, slugs: readonly string[] | null | undefined,
): number[] | undefined {
  if (slugs == null) return undefined
  return slugs.map((slug, i) => {
    const found = snapshot.byKey(entity, slug)
    if (!found) throw badUserInput(argument, slug, `names no ${what} of agreement "${snapshot.agreement.slug}"`, i)
    return found.id
  })
}
