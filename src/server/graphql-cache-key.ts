/**
 * The parameters of a GraphQL GET request (GraphQL over HTTP, with the
 * persisted documents' `documentId`); yoga reads the first of each and ignores all others.
 */
const graphqlParameters = ['query', 'operationName', 'variables', 'extensions', 'documentId'] as const

/**
 * The response-cache key of a GraphQL request: for a GET, only the parameters
 * GraphQL reads, as it reads them (so `?query=...&junk=1`, `&junk=2`, ...
 * share one entry instead of making one each); for a POST, the body as sent.
 */
export function graphqlCacheKey(method: string, url: URL, accept: string, contentType: string, body: Buffer | undefined): string | undefined {
  if (method === 'GET') return `GET ${JSON.stringify(graphqlParameters.map((name) => url.searchParams.get(name)))}\n${accept}`
  if (method === 'POST' && body) return `POST ${contentType}\n${accept}\n${body.toString('latin1')}`
  return undefined
}
