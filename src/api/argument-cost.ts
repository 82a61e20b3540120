import {
  getArgumentValues, Kind, TypeInfo, visit, visitWithTypeInfo,
  type DocumentNode, type GraphQLSchema,
} from 'graphql'

/** The items of every list inside an argument value, nested lists and input objects included. */
function listItems(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + 1 + listItems(item), 0)
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + listItems(item), 0)
  return 0
}

/**
 * The cost of the lists passed as arguments (filter slugs, IDs): one per
 * item, by the actual length after variables are applied, duplicates
 * included. Each item is looked up or matched in SQL, so a filter of 20,000
 * slugs is work even when it returns one page; the page's own cost is the
 * field's (Pothos) estimate.
 * Throws what graphql-js throws for invalid arguments (execution reports those).
 */
export function listArgumentCost(schema: GraphQLSchema, operation: DocumentNode, variables: Record<string, unknown>): number {
  const typeInfo = new TypeInfo(schema)
  let cost = 0
  visit(operation, visitWithTypeInfo(typeInfo, {
    [Kind.FIELD]: (node) => {
      const field = typeInfo.getFieldDef()
      if (field && node.arguments?.length) cost += listItems(getArgumentValues(field, node, variables))
    },
  }))
  return cost
}
