import { getOperationAST, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql'
import { answerCost } from './actual-cost.js'
import type { QueryCost } from './query-limits.js'

/**
 * `extensions.cost` of an executed answer, in the names Shopify's clients
 * read: the cost estimated before it ran (the one checked against the
 * limit), the cost of the answer as given, and the limit. `estimated` is
 * the earlier name of `requestedQueryCost`, kept for existing clients.
 */
export interface CostExtension {
  requestedQueryCost: number | null
  actualQueryCost: number | null
  maximum: number
  estimated: number | null
}

/** The cost extension of an answer to a document; null costs when the request was not measured (invalid variables). */
export function costExtension(
  schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined,
  measured: QueryCost | undefined, data: unknown, maximum: number,
): CostExtension {
  const operation = measured ? getOperationAST(document, operationName) : null
  if (!measured || !operation) return { requestedQueryCost: measured?.cost ?? null, actualQueryCost: null, maximum, estimated: measured?.cost ?? null }
  const fragments: Record<string, FragmentDefinitionNode> = {}
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition
  const actual = answerCost(schema, operation, fragments, data) + measured.exact
  return { requestedQueryCost: measured.cost, actualQueryCost: actual, maximum, estimated: measured.cost }
}
