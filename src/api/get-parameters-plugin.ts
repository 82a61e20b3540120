import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga'

/** The GET parameters that hold JSON (GraphQL over HTTP). */
const jsonParameters = ['variables', 'extensions'] as const

/**
 * Reads a GraphQL GET request as yoga does, but answers a `variables` or
 * `extensions` parameter that is not JSON with a 400 (BAD_REQUEST) naming
 * it: yoga's own parser let the JSON error through as a 500. Persisted
 * queries over GET put their hash in `extensions`, so clients build these
 * URLs by hand.
 */
export function getParametersPlugin(): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'GET') return
      setRequestParser((get: Request): GraphQLParams => {
        const search = new URL(get.url).searchParams
        const params: GraphQLParams = { operationName: search.get('operationName') || undefined, query: search.get('query') || undefined }
        for (const name of jsonParameters) {
          const text = search.get(name)
          if (!text) continue
          try {
            params[name] = JSON.parse(text)
          } catch {
            throw createGraphQLError(`The "${name}" parameter is not valid JSON.`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } })
          }
        }
        return params
      })
    },
  }
}
