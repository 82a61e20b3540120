import type { EntityRecord } from '../read-model/entities.js'
import { recordKey, type KeyedEntity } from '../read-model/record-keys.js'
import { agreementOf } from './agreement-arg.js'
import type { ApiContext } from './context.js'
import { localId, splitLocalId } from './node-id.js'

/**
 * The `id` option of a node type: the record's agreement slug and stable key,
 * which the relay plugin encodes as our global ID.
 */
export function nodeIdOf<E extends KeyedEntity>(entity: E) {
  return {
    resolve: (record: EntityRecord<E>, _args: object, ctx: ApiContext) =>
      localId(agreementOf(ctx, (record as { agreementId: number }).agreementId).slug, recordKey(entity, record)),
  }
}

/**
 * The `loadMany` option of a node type: finds records by the local IDs decoded
 * from global IDs; unknown IDs (of an unknown agreement too) load as null.
 */
export function loadNodesOf<E extends KeyedEntity>(entity: E) {
  return (ids: string[], ctx: ApiContext): (EntityRecord<E> | null)[] => ids.map((id) => {
    const { agreement: slug, key } = splitLocalId(id)
    const agreement = ctx.loaders.agreementBySlug(slug)
    return agreement ? ctx.loaders.of(agreement.id).byKey(entity, key) : null
  })
}
