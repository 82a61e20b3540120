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
    resolve: async (record: EntityRecord<E>, _args: object, ctx: ApiContext) =>
      localId((await agreementOf(ctx, (record as { agreementId: number }).agreementId)).slug, recordKey(entity, record)),
  }
}

/**
 * The `loadMany` option of a node type: finds records by the local IDs decoded
 * from global IDs, batched per type; unknown IDs load as null.
 */
export function loadNodesOf<E extends KeyedEntity>(entity: E) {
  return async (ids: string[], ctx: ApiContext): Promise<(EntityRecord<E> | null)[]> => {
    const parts = ids.map(splitLocalId)
    const agreements = await ctx.loaders.agreementBySlug.loadMany(parts.map((p) => p.agreement))
    return ctx.loaders.byKey(entity).loadMany(parts.map((p, i) => {
      const agreement = agreements[i]
      // An unknown agreement gets a key that matches nothing (agreement ids start at 1).
      return `${agreement && !(agreement instanceof Error) ? agreement.id : 0}/${p.key}`
    })).then((records) => records.map((r) => (r instanceof Error ? null : r)))
  }
}
