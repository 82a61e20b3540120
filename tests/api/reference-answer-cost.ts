import {
  getNamedType, isInterfaceType, isObjectType, Kind,
  type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql'
import { ownCost } from '../../src/api/actual-cost.js'

/**
 * The actual-cost walk as it was before it was planned per operation
 * (src/api/actual-cost.ts until issue 26): a Set per object of the answer.
 * Kept only as the reference the planned walk is compared against.
 */
export function referenceAnswerCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, data: unknown): number {
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
