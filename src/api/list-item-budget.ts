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

/**
 * Counts, while a request runs, the items every list field of the schema
 * returns, and fails the lists that would take the request past `maximum`.
 * The estimated cost multiplies by each list's typical length; a list that
 * is longer in the data (a portfolio with 63 actions where 40 are expected,
 * or a bigger database) could otherwise make a request do more than MAX_COST
 * allows. The wrap is made once per schema; each request carries its limit and count.
 */
export function wrapListResolvers(schema: GraphQLSchema): void {
  if (wrapped.has(schema)) return
  wrapped.add(schema)
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue
    for (const field of Object.values(type.getFields())) {
      if (!isList(field.type)) continue
      const resolve: GraphQLFieldResolver<unknown, ListItemContext> = field.resolve ?? defaultFieldResolver
      field.resolve = (source, args, context, info) => {
        const count = (result: unknown) => {
          const limit = context.listItemLimit
          if (!Array.isArray(result) || limit === undefined) return result
          context.listItems = (context.listItems ?? 0) + result.length
          if (context.listItems > limit) {
            throw new GraphQLError(`Query stopped: its lists hold more than ${limit} items in this database, more than its estimated cost allows (limit MAX_COST = ${limit}); ask for smaller pages or fewer nested lists.`, {
              extensions: { code: errorCodes.queryTooComplex, limit: 'MAX_COST', maximum: limit },
            })
          }
          return result
        }
        const result = resolve(source, args, context, info)
        return result instanceof Promise ? result.then(count) : count(result)
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
