import { isAbstractType, type GraphQLSchema } from 'graphql'

/** The markers around the generated possibleTypes of docs/api.md's Apollo Client recipe. */
export const possibleTypesMarkers = { start: '// possibleTypes: generated from the schema by `npm run schema`', end: '// end of the generated possibleTypes' } as const

/** Every union and interface of the schema with its members, sorted: what Apollo Client's cache needs as `possibleTypes`. */
function possibleTypes(schema: GraphQLSchema): Record<string, string[]> {
  const abstract = Object.values(schema.getTypeMap()).filter(isAbstractType).filter((t) => !t.name.startsWith('__'))
  return Object.fromEntries(abstract.map((t) => [t.name, schema.getPossibleTypes(t).map((m) => m.name).sort()] as const).sort(([a], [b]) => a.localeCompare(b)))
}

/** The JavaScript of the possibleTypes constant, as the docs show it. */
export function possibleTypesSource(schema: GraphQLSchema): string {
  const entries = Object.entries(possibleTypes(schema)).map(([name, members]) => `  ${name}: [${members.map((m) => `'${m}'`).join(', ')}],`)
  return ['const possibleTypes = {', ...entries, '}'].join('\n')
}
