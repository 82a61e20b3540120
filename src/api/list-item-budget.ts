import {
  defaultFieldResolver, GraphQLError, isListType, isNonNullType, isObjectType,
  type GraphQLFieldResolver, type GraphQLSchema, type GraphQLType,
} from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { errorCodes } from './errors.js'

/** What the budget keeps in the request context: its limit, and the list items resolved so far. */
export interface ListItemContext {
  listItemLimit?: number
  listItems?: number
}

const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type)
const wrapped = new WeakSet<GraphQLSchema>()

/** Adds a list's items to the request's count; throws once the count passes the limit. */
function countItems(context: ListItemContext, result: unknown): unknown {
  if (!Array.isArray(result)) return result
  const limit = context.listItemLimit!
  const items = (context.listItems ?? 0) + result.length
  context.listItems = items
  if (items > limit) {
    throw new GraphQLError(`Query stopped: its lists hold more than ${limit} items in this database, more than its estimated cost allows (limit MAX_COST = ${limit}); ask for smaller pages or fewer nested lists.`, {
      extensions: { code: errorCodes.queryTooComplex, limit: 'MAX_COST', maximum: limit },
    })
  }
  return result
}

/**
 * Counts, while a request runs, the items every list field of the schema
 * returns, and fails the lists that would take the request past `maximum`.
 * The estimated cost multiplies by each list's typical length; a list that
 * is longer in the data (a portfolio with 63 actions where 40 are expected,
 * or a bigger database) could otherwise make a request do more than MAX_COST
 * allows. The wrap is made once per schema; each request carries its limit and count.
 * A list resolved at once is counted without a closure (most lists of the
 * snapshot read model are): the wrapper ran on every list of every answer
 * and its closure per call was a sixth of a theme page's CPU.
 */
export function wrapListResolvers(schema: GraphQLSchema): void {
  if (wrapped.has(schema)) return
  wrapped.add(schema)
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      if (!isList(field.type)) continue
      const resolve: GraphQLFieldResolver<unknown, ListItemContext> = field.resolve ?? defaultFieldResolver
      field.resolve = (source, args, context: ListItemContext, info) => {
        const result = resolve(source, args, context, info)
        if (context.listItemLimit === undefined) return result
        return result instanceof Promise ? result.then((items) => countItems(context, items)) : countItems(context, result)
      }
    }
  }
}

/** Puts the list-item budget (MAX_COST items per request) on the schema yoga executes. */
export function listItemBudgetPlugin(maximum: number): Plugin {
  return {
    onExecute({ args }) {
      wrapListResolvers(args.schema)
      ;(args.contextValue as ListItemContext).listItemLimit = maximum
    },
  }
}
