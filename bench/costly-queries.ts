import {
  getNamedType, isAbstractType, isEnumType, isLeafType, isNonNullType, isObjectType, isInterfaceType,
  type GraphQLField, type GraphQLInputType, type GraphQLNamedType, type GraphQLSchema,
} from 'graphql'

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))

/** Real values to put in arguments, so generated queries find data rather than nulls. */
export interface ArgumentPools {
  /** Slugs by the GraphQL type they name (Theme, Portfolio, ...). */
  slugs: Record<string, string[]>
  /** Global IDs of objects of every kind. */
  ids: string[]
  /** Search words that match. */
  words: string[]
}

/** One generated request: top-level selections (so requests can be merged), and the variables they use. */
export interface GeneratedQuery {
  selections: string[]
  variables: Record<string, unknown>
}

export const queryText = (query: GeneratedQuery) =>
  `query${Object.keys(query.variables).length ? `(${Object.keys(query.variables).map((name) => `$${name}: [ID!]!`).join(', ')})` : ''} { ${query.selections.join(' ')} }`

interface Generation {
  random: Random
  schema: GraphQLSchema
  pools: ArgumentPools
  maxDepth: number
  variables: Record<string, unknown>
}

/** An argument value for a field, or undefined to leave it out. */
function argumentValue(g: Generation, field: GraphQLField<unknown, unknown>, name: string, type: GraphQLInputType): string | undefined {
  const required = isNonNullType(type)
  const { random, pools } = g
  if (name === 'first') return random() < 0.8 ? String(int(random, 1, 100)) : undefined
  if (name === 'ids') {
    // A list of IDs, repeated ones included, passed as a variable like a client would.
    const variable = `ids${Object.keys(g.variables).length}`
    g.variables[variable] = Array.from({ length: int(random, 1, 100) }, () => pick(random, pools.ids))
    return `$${variable}`
  }
  if (name === 'id') return JSON.stringify(pick(random, pools.ids))
  if (name === 'query') return JSON.stringify(pick(random, pools.words))
  if (name === 'slug') {
    const named = getNamedType(field.type).name
    return JSON.stringify(pick(random, pools.slugs[named] ?? ['onbekend']))
  }
  if (name === 'name' && field.name === '__type') return JSON.stringify(pick(random, Object.keys(g.schema.getTypeMap())))
  if (name === 'includeDeprecated') return random() < 0.5 ? 'true' : undefined
  if (name === 'position') return String(int(random, 1, 14))
  if (name === 'year') return random() < 0.5 ? String(int(random, 2023, 2026)) : undefined
  if (name === 'filter' && random() < 0.3) {
    const themes = pools.slugs.Theme ?? []
    return `{ theme: ${JSON.stringify(Array.from({ length: int(random, 1, 40) }, () => pick(random, themes)))} }`
  }
  if (!required) return undefined
  const named = getNamedType(type)
  if (isEnumType(named)) return named.getValues()[0]!.name
  return undefined
}

/** A selection of some fields of `type`, nested up to the depth limit. */
function selectionOf(g: Generation, type: GraphQLNamedType, depth: number): string {
  if (isAbstractType(type)) {
    const possible = g.schema.getPossibleTypes(type)
    const chosen = Array.from({ length: int(g.random, 1, Math.min(3, possible.length)) }, () => pick(g.random, possible))
    return `{ __typename ${[...new Set(chosen)].map((t) => `... on ${t.name} ${selectionOf(g, t, depth)}`).join(' ')} }`
  }
  if (!isObjectType(type) && !isInterfaceType(type)) return ''
  const fields = Object.values(type.getFields())
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
  const branches = depth + 1 < g.maxDepth ? fields.filter((f) => !isLeafType(getNamedType(f.type))) : []
  const chosen = new Set<GraphQLField<unknown, unknown>>()
  for (let i = int(g.random, 1, 4); i > 0 && leaves.length; i--) chosen.add(pick(g.random, leaves))
  for (let i = int(g.random, 0, 3); i > 0 && branches.length; i--) chosen.add(pick(g.random, branches))
  if (chosen.size === 0 && fields.length) chosen.add(pick(g.random, fields))
  return `{ ${[...chosen].map((f) => fieldText(g, f, depth + 1)).join(' ')} }`
}

function fieldText(g: Generation, field: GraphQLField<unknown, unknown>, depth: number): string {
  const args = field.args
    .map((a) => [a.name, argumentValue(g, field, a.name, a.type)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined)
  const named = getNamedType(field.type)
  const selection = isLeafType(named) ? '' : ` ${selectionOf(g, named, depth)}`
  return `${field.name}${args.length ? `(${args.map(([n, v]) => `${n}: ${v}`).join(', ')})` : ''}${selection}`
}

/**
 * A random request over the whole schema, introspection included: fields,
 * nesting up to maxDepth, page sizes up to 100, ID lists with repeats, filter
 * lists, aliases. Seeded, so a failure can be replayed.
 */
export function randomQuery(random: Random, schema: GraphQLSchema, pools: ArgumentPools, maxDepth: number): GeneratedQuery {
  const g: Generation = { random, schema, pools, maxDepth, variables: {} }
  const root = schema.getQueryType()!
  const fields = Object.values(root.getFields())
  const selections: string[] = []
  for (let i = int(random, 1, 5); i > 0; i--) {
    const alias = `f${selections.length}: `
    if (random() < 0.1) selections.push(`${alias}__schema ${selectionOf(g, schema.getType('__Schema')!, 1)}`)
    else if (random() < 0.05) selections.push(`${alias}__type(name: ${JSON.stringify(pick(random, Object.keys(schema.getTypeMap())))}) ${selectionOf(g, schema.getType('__Type')!, 1)}`)
    else selections.push(alias + fieldText(g, pick(random, fields), 1))
  }
  return { selections, variables: g.variables }
}

/** Two requests as one, every top-level selection under an alias of its own: the search's way to grow a request. */
export function mergeQueries(a: GeneratedQuery, b: GeneratedQuery): GeneratedQuery {
  const renameVariables = (q: GeneratedQuery, prefix: string) => {
    const variables = Object.fromEntries(Object.entries(q.variables).map(([name, value]) => [`${prefix}${name}`, value]))
    const selections = q.selections.map((s) => s.replace(/\$(ids\d+)/g, `$${prefix}$1`))
    return { selections, variables }
  }
  const left = renameVariables(a, 'a')
  const right = renameVariables(b, 'b')
  const selections = [...left.selections, ...right.selections].map((s, i) => s.replace(/^f\d+: /, `f${i}: `))
  return { selections, variables: { ...left.variables, ...right.variables } }
}

/** The fields an answer holds: every key of every object, list items counted one by one. */
export function answerFields(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + answerFields(item), 0)
  if (value !== null && typeof value === 'object') return Object.values(value).reduce((sum: number, item) => sum + 1 + answerFields(item), 0)
  return 0
}
