import {
  getNamedType, isInterfaceType, isObjectType, Kind,
  type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql'

/** A field's own cost, as Pothos' complexity plugin reads it from the field's extensions (connections: 1, whatever the page size). */
function ownCost(field: GraphQLField<unknown, unknown>): number {
  const option = field.extensions?.complexity as unknown
  if (typeof option === 'number') return option
  if (typeof option === 'function') return 1
  return (option as { field?: number } | undefined)?.field ?? 1
}

/**
 * The cost of an answer as it was given: the same model as the estimate
 * (each field its own cost, what a list holds multiplied), but every list
 * counted by the items it really returned, and a connection by the edges it
 * really returned, instead of their expected lengths and page sizes (so a
 * connection's totalCount and pageInfo count once, not once per page item). Each
 * response key of an object is counted once, so a field selected in several
 * fragments costs what it cost in the answer. Introspection and list
 * arguments are left to the caller (they cost the same as estimated).
 */
export function answerCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, data: unknown): number {
  const root = schema.getRootType(operation.operation)
  if (!root || data === null || typeof data !== 'object') return 0

  function selectionCost(selectionSet: SelectionSetNode, type: GraphQLNamedType, value: Record<string, unknown>, counted: Set<string>): number {
    let cost = 0
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value
        const name = selection.name.value
        if (counted.has(key) || !(key in value) || name === '__schema' || name === '__type') continue
        counted.add(key)
        if (name === '__typename') { cost += 1; continue }
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined
        if (!field) continue
        cost += ownCost(field)
        if (selection.selectionSet) cost += valueCost(selection.selectionSet, getNamedType(field.type), value[key])
      } else {
        const set = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value]
        if (!set) continue
        const condition = set.typeCondition ? schema.getType(set.typeCondition.name.value) : type
        cost += selectionCost(set.selectionSet, condition ?? type, value, counted)
      }
    }
    return cost
  }

  function valueCost(selectionSet: SelectionSetNode, type: GraphQLNamedType, value: unknown): number {
    if (value === null || typeof value !== 'object') return 0
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueCost(selectionSet, type, item), 0)
    return selectionCost(selectionSet, type, value as Record<string, unknown>, new Set())
  }

  return selectionCost(operation.selectionSet, root, data as Record<string, unknown>, new Set())
}
