import {
  getArgumentValues, getNamedType, isObjectType, Kind, SchemaMetaFieldDef, TypeMetaFieldDef,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql'

/** What an operation's introspection will return: the fields counted (up to the budget) and how deep it nests. */
export interface IntrospectionCount {
  /** Fields the answer will hold; counting stops once it passes the budget. */
  fields: number
  /** The deepest nesting, not counting `ofType` (a type's wrappers are a short chain, not a tree). */
  depth: number
}

interface Walk {
  schema: GraphQLSchema
  fragments: Record<string, FragmentDefinitionNode>
  variables: Record<string, unknown>
  budget: number
  count: IntrospectionCount
}

/** Every field node of a selection set, fragments spread in. */
function* fieldsOf(walk: Walk, selectionSet: SelectionSetNode): Generator<FieldNode> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(walk, selection.selectionSet)
    else {
      const fragment = walk.fragments[selection.name.value]
      if (fragment) yield* fieldsOf(walk, fragment.selectionSet)
    }
  }
}

/** Counts the fields a selection yields on one introspection value by resolving it as graphql-js will. */
function countSelection(walk: Walk, selectionSet: SelectionSetNode, value: unknown, type: GraphQLObjectType, depth: number): void {
  // The fields of this selection stand one level below the field that selected them.
  walk.count.depth = Math.max(walk.count.depth, depth + 1)
  for (const node of fieldsOf(walk, selectionSet)) {
    if (walk.count.fields > walk.budget) return
    walk.count.fields += 1
    const field = type.getFields()[node.name.value]
    if (!field || !node.selectionSet) continue
    countField(walk, field, node.selectionSet, node, value, node.name.value === 'ofType' ? depth : depth + 1)
  }
}

function countField(
  walk: Walk, field: GraphQLField<unknown, unknown>, selectionSet: SelectionSetNode, node: FieldNode,
  source: unknown, depth: number,
): void {
  const named = getNamedType(field.type)
  if (!isObjectType(named)) return
  const args = getArgumentValues(field, node, walk.variables)
  const info = { schema: walk.schema } as GraphQLResolveInfo
  const result = field.resolve ? field.resolve(source, args, undefined, info) : (source as Record<string, unknown>)[field.name]
  const items = Array.isArray(result) ? result : result == null ? [] : [result]
  for (const item of items) {
    if (walk.count.fields > walk.budget) return
    countSelection(walk, selectionSet, item, named, depth)
  }
}

/**
 * Counts what the introspection in an operation (`__schema`, `__type`) will
 * return, exactly, by walking the schema the way execution will, and stops
 * as soon as the count passes `budget`, so counting a hostile query costs no
 * more than the budget. Pothos's cost estimate sees these fields as one each.
 * Throws what graphql-js throws for invalid arguments (execution reports those).
 */
export function countIntrospection(
  schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>, budget: number,
): IntrospectionCount {
  const walk: Walk = { schema, fragments, variables, budget, count: { fields: 0, depth: 0 } }
  if (operation.operation !== 'query') return walk.count
  for (const node of fieldsOf(walk, operation.selectionSet)) {
    const meta = node.name.value === '__schema' ? SchemaMetaFieldDef : node.name.value === '__type' ? TypeMetaFieldDef : undefined
    if (!meta || !node.selectionSet || walk.count.fields > budget) continue
    countField(walk, meta, node.selectionSet, node, undefined, 1)
  }
  return walk.count
}
