import {
  getNamedType, isListType, isNonNullType, isObjectType, isInterfaceType, isUnionType, isLeafType,
  type GraphQLField, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema, type GraphQLType,
} from 'graphql'

const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type)
const callable = (field: GraphQLField<unknown, unknown>) => field.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined)

/** The list fields whose cost multiplier comes from the schema (not a page size or an argument). */
export function declaredLists(schema: GraphQLSchema): { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] {
  const found: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = []
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.endsWith('Connection') || type.name.endsWith('Edge')) continue
    for (const field of Object.values(type.getFields())) if (isList(field.type) && field.name !== 'nodes') found.push({ type, field })
  }
  return found
}

/**
 * One query that reaches every object type it can from `Query` through
 * fields without required arguments (connections at 100 items), and selects
 * every declared list field on the way: the answer shows the longest list of
 * each field in the data. Types reached only through mutations, `viewer` or
 * arguments are left out (returned as `unreached`).
 */
export function listProbe(schema: GraphQLSchema, maxDepth: number): { query: string; paths: Map<string, string[][]> } {
  const paths = new Map<string, string[][]>()
  const reached = new Set<string>()
  const select = (type: GraphQLNamedType, path: string[], depth: number): string => {
    if (isLeafType(type)) return ''
    if (isUnionType(type) || isInterfaceType(type)) return '{ __typename }'
    const object = type as GraphQLObjectType
    const parts: string[] = ['__typename']
    for (const field of Object.values(object.getFields())) {
      if (!callable(field) || field.name === 'viewer' || /only \((UNAUTHENTICATED|FORBIDDEN)/.test(field.description ?? '')) continue
      const named = getNamedType(field.type)
      const key = `${object.name}.${field.name}`
      const declared = isList(field.type) && !object.name.endsWith('Connection') && field.name !== 'nodes'
      if (declared) paths.set(key, [...(paths.get(key) ?? []), [...path, field.name]])
      if (isLeafType(named) || depth >= maxDepth || reached.has(key)) {
        if (declared) parts.push(isLeafType(named) ? field.name : `${field.name} { __typename }`)
        continue
      }
      reached.add(key)
      const args = field.args.some((a) => a.name === 'first') ? '(first: 100)' : ''
      const inner = select(named, [...path, field.name], depth + 1)
      if (inner) parts.push(`${field.name}${args} ${inner}`)
    }
    return `{ ${parts.join(' ')} }`
  }
  return { query: select(schema.getQueryType()!, [], 1), paths }
}

/** The longest array found at a path of the answer (arrays on the way are walked into). */
export function longestAt(data: unknown, path: string[]): number {
  if (Array.isArray(data)) return Math.max(0, ...data.map((item) => longestAt(item, path)))
  if (data === null || typeof data !== 'object') return 0
  const [head, ...rest] = path
  const value = (data as Record<string, unknown>)[head!]
  if (rest.length === 0) return Array.isArray(value) ? value.length : 0
  return longestAt(value, rest)
}
