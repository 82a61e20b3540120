import type { GraphQLSchema } from 'graphql'
import { lexicographicSortSchema, printSchema } from 'graphql'
import { builder } from './builder.js'
import './schema/index.js'

/** The executable schema of the public API. */
export const executableSchema: GraphQLSchema = builder.toSchema({ sortSchema: true })

/** The schema as SDL, sorted, exactly as committed in schema.graphql and served at /schema.graphql. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(executableSchema))}\n`
}
