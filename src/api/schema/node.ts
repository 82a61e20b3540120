import { brandWithType } from '@pothos/core'
import { GraphQLError } from 'graphql'
import { recordKeyDefinitions } from '../../read-model/keyed-records.js'
import type { KeyedEntity } from '../../read-model/record-keys.js'
import { builder } from '../builder.js'
import type { ApiContext } from '../context.js'
import { badUserInput } from '../errors.js'
import { decodeNodeId, splitLocalId } from '../node-id.js'
import { pageSizes } from '../pagination.js'

/** The entity of each node type (Agreement aside, which is not scoped to an agreement). */
const entityOf = new Map<string, KeyedEntity>(Object.entries(recordKeyDefinitions).flatMap(([entity, d]) => (d.node && d.node !== 'Agreement' ? [[d.node, entity as KeyedEntity]] : [])))

/**
 * One object by global ID, as a fresh copy branded with its type: the
 * snapshot's records are shared by every request and never marked, so the
 * same object can be asked for any number of times in one request.
 */
function loadNode(ctx: ApiContext, globalId: string, argument: string, index?: number): object | Promise<object | null> | null {
  const { typename, id } = decodeNodeId(globalId, argument, index)
  const { agreement: slug, key } = splitLocalId(id)
  const agreement = ctx.loaders.agreementBySlug(slug)
  if (!agreement) return null
  const entity = entityOf.get(typename)
  if (typename !== 'Agreement' && !entity) return loadOther(ctx, typename, id)
  const record = typename === 'Agreement' ? agreement : ctx.loaders.of(agreement.id).byKey(entity as never, key)
  return record ? branded(record, typename) : null
}

/** A fresh copy of a record, marked with its type for the Node interface. */
function branded(record: object, typename: string): object {
  const copy = { ...record }
  brandWithType(copy, typename as never)
  return copy
}

/** A node of a type outside the content snapshot (the editorial store's revisions), by the type's own loadMany. */
async function loadOther(ctx: ApiContext, typename: string, id: string): Promise<object | null> {
  const options = builder.configStore.getTypeConfig(typename, 'Object').pothosOptions as { loadMany?: (ids: string[], ctx: ApiContext) => unknown }
  if (!options.loadMany) return null
  const [record] = (await options.loadMany([id], ctx)) as (object | null)[]
  return record ? branded(record, typename) : null
}

const NodeInterface = builder.nodeInterfaceRef()

builder.queryFields((t) => ({
  node: t.field({
    type: NodeInterface, nullable: true,
    description: 'Fetches any object by its global ID; null when the ID is well-formed but names nothing in the database.',
    args: { id: t.arg.id({ required: true, description: 'A global ID, as returned in any `id` field or in the data dumps.' }) },
    resolve: (_root, args, ctx) => loadNode(ctx, String(args.id), 'id') as never,
  }),
  nodes: t.field({
    type: [NodeInterface], nullable: { list: false, items: true },
    description: 'Fetches objects by their global IDs, in the order given; null for each ID that names nothing. '
      + 'A malformed or repeated ID yields null in its place and a BAD_USER_INPUT error whose `path` (["nodes", 2]) and `extensions.index` give its position; the other objects are still returned.',
    complexity: (args) => ({ field: 1, multiplier: Math.min(args.ids.length, pageSizes.max) }),
    args: { ids: t.arg.idList({ required: true, description: `Global IDs, as returned in any \`id\` field or in the data dumps (at most ${pageSizes.max}).` }) },
    resolve: (_root, args, ctx) => {
      if (args.ids.length > pageSizes.max) throw badUserInput('ids', `${args.ids.length} IDs`, `holds more than ${pageSizes.max} IDs`)
      // An error in place of an item is reported at that item's path (graphql-js completes list items one by one).
      // A repeated ID would repeat the whole object in the answer: a way to multiply work, never a need.
      const first = new Map<string, number>()
      return args.ids.map((id, i): object | Promise<object | null> | GraphQLError | null => {
        const before = first.get(String(id))
        if (before !== undefined) return badUserInput('ids', id, `repeats ids[${before}]; ask for each object once`, i)
        first.set(String(id), i)
        try {
          return loadNode(ctx, String(id), 'ids', i)
        } catch (error) {
          if (error instanceof GraphQLError) return error
          throw error
        }
      }) as never
    },
  }),
}))
