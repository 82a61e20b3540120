import {
  getNamedType, isInterfaceType, isObjectType, Kind,
  type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql'

/** A field's own cost, as Pothos' complexity plugin reads it from the field's extensions (connections: 1, whatever the page size). */
export function ownCost(field: GraphQLField<unknown, unknown>): number {
  const option = field.extensions?.complexity as unknown
  if (typeof option === 'number') return option
  if (typeof option === 'function') return 1
  return (option as { field?: number } | undefined)?.field ?? 1
}

/** One response key of a selection set as the walk counts it: its own cost and, for an object or a list of them, the plan of what it holds. */
interface CostEntry {
  readonly key: string
  readonly cost: number
  readonly child: CostPlan | null
}

/** The response keys of a selection set with its fragments flattened, each key once. */
type CostPlan = readonly CostEntry[]

/**
 * Flattens a selection set, once per operation, into the keys the answer is
 * counted by, in document order: a fragment's fields are looked up on its
 * type condition, the first selection of a key is the one counted (with its
 * own subselection), introspection roots are left out. Which keys an object
 * really has (a skipped field, a fragment on another type) is only known
 * from the answer, so each entry is checked against it. Plans of a selection
 * set reached twice through one fragment are shared, so a plan grows with the
 * document, not with the number of paths through it.
 */
function planOf(schema: GraphQLSchema, selectionSet: SelectionSetNode, type: GraphQLNamedType, fragments: Record<string, FragmentDefinitionNode>, shared: Map<SelectionSetNode, Map<GraphQLNamedType, CostPlan>>): CostPlan {
  const known = shared.get(selectionSet)?.get(type)
  if (known) return known
  const entries: CostEntry[] = []
  const seen = new Set<string>()
  const collect = (set: SelectionSetNode, parent: GraphQLNamedType): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value
        const name = selection.name.value
        if (seen.has(key) || name === '__schema' || name === '__type') continue
        seen.add(key)
        if (name === '__typename') { entries.push({ key, cost: 1, child: null }); continue }
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined
        const child = field && selection.selectionSet ? planOf(schema, selection.selectionSet, getNamedType(field.type), fragments, shared) : null
        entries.push({ key, cost: field ? ownCost(field) : 0, child })
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value]
        if (!fragment) continue
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent
        collect(fragment.selectionSet, condition ?? parent)
      }
    }
  }
  collect(selectionSet, type)
  if (!shared.has(selectionSet)) shared.set(selectionSet, new Map())
  shared.get(selectionSet)!.set(type, entries)
  return entries
}

function objectCost(plan: CostPlan, value: Record<string, unknown>): number {
  let cost = 0
  for (let i = 0; i < plan.length; i++) {
    const entry = plan[i]!
    if (!(entry.key in value)) continue
    cost += entry.cost
    if (entry.child !== null) cost += valueCost(entry.child, value[entry.key])
  }
  return cost
}

function valueCost(plan: CostPlan, value: unknown): number {
  if (value === null || typeof value !== 'object') return 0
  if (!Array.isArray(value)) return objectCost(plan, value as Record<string, unknown>)
  let cost = 0
  for (let i = 0; i < value.length; i++) cost += valueCost(plan, value[i])
  return cost
}

/** Plans per operation node: the parse caches hand every request of a query the same node, and a forgotten document takes its plan with it. */
const plans = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; plan: CostPlan }>()

/**
 * The cost of an answer as it was given: the same model as the estimate
 * (each field its own cost, what a list holds multiplied), but every list
 * counted by the items it really returned, and a connection by the edges it
 * really returned, instead of their expected lengths and page sizes (so a
 * connection's totalCount and pageInfo count once, not once per page item). Each
 * response key of an object is counted once, so a field selected in several
 * fragments costs what it cost in the answer. Introspection and list
 * arguments are left to the caller (they cost the same as estimated).
 * The selections are planned once per operation; counting an answer then
 * allocates nothing per object (it was a fifth of a theme page's CPU).
 */
export function answerCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, data: unknown): number {
  const root = schema.getRootType(operation.operation)
  if (!root || data === null || typeof data !== 'object') return 0
  let planned = plans.get(operation)
  if (planned?.schema !== schema) {
    planned = { schema, plan: planOf(schema, operation.selectionSet, root, fragments, new Map()) }
    plans.set(operation, planned)
  }
  return objectCost(planned.plan, data as Record<string, unknown>)
}
