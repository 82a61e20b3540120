import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { startTestServer } from './support.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

/** Requests that are well-formed GraphQL-over-HTTP but fail as GraphQL requests, with the code and the status under each media type. */
const requestErrors: { name: string; query: string; variables?: Record<string, unknown>; code: string; graphqlResponse: number }[] = [
  { name: 'a syntax error', query: '{ themes { slug }', code: 'GRAPHQL_PARSE_FAILED', graphqlResponse: 400 },
  { name: 'an unknown field', query: '{ nosuch }', code: 'GRAPHQL_VALIDATION_FAILED', graphqlResponse: 400 },
  { name: 'a variable of the wrong type', query: 'query($n: Int) { actions(first: $n) { totalCount } }', variables: { n: 'ten' }, code: 'BAD_USER_INPUT', graphqlResponse: 400 },
  { name: 'a required variable missing', query: 'query($n: Int!) { actions(first: $n) { totalCount } }', variables: {}, code: 'BAD_USER_INPUT', graphqlResponse: 400 },
  { name: 'a subscription', query: 'subscription { themes { slug } }', code: 'OPERATION_NOT_SUPPORTED', graphqlResponse: 400 },
  { name: 'a query over the cost limit', query: '{ actions(first: 100) { edges { node { portfolios { actionsConnection(first: 100) { totalCount } } } } } }', code: 'QUERY_TOO_COMPLEX', graphqlResponse: 400 },
  { name: 'a field error', query: '{ actions(first: 500) { totalCount } }', code: 'BAD_USER_INPUT', graphqlResponse: 200 },
]

describe('status codes and error codes per GraphQL over HTTP', () => {
  let server: Server
  beforeAll(async () => { server = await startTestServer() })
  afterAll(() => server.close())

  const post = async (accept: string, query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query, variables }) })
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() as any }
  }

  for (const { name, query, variables, code, graphqlResponse } of requestErrors) {
    it(`answers ${name} with ${code}: ${graphqlResponse} for application/graphql-response+json, 200 for application/json`, async () => {
      const strict = await post('application/graphql-response+json', query, variables)
      expect(strict.status).toBe(graphqlResponse)
      expect(strict.type).toContain('application/graphql-response+json')
      const legacy = await post('application/json', query, variables)
      expect(legacy.status).toBe(200)
      expect(legacy.type).toContain('application/json')
      for (const answer of [strict, legacy]) {
        expect(answer.body.errors.length).toBeGreaterThan(0)
        for (const error of answer.body.errors) expect(error.extensions?.code, JSON.stringify(error)).toBeTypeOf('string')
        expect(answer.body.errors[0].extensions.code).toBe(code)
        expect(answer.body.errors[0].extensions.http).toBeUndefined()
      }
    })
  }

  it('refuses a batch (an array of requests) with BAD_REQUEST', async () => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify([{ query: '{ themes { slug } }' }, { query: '{ rules { text } }' }]),
    })
    expect(response.status).toBe(400)
    const body = await response.json() as any
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST')
  })

  it('documents the statuses the server sends, and what it does not support and why', () => {
    const docs = readFileSync(join(projectRoot, 'docs/api.md'), 'utf8')
    expect(docs).toMatch(/\| `BAD_USER_INPUT` \|[^\n]*\| 200; 400 for invalid variables with `application\/graphql-response\+json` \|/)
    expect(docs).toMatch(/\| `OPERATION_NOT_SUPPORTED` \|[^\n]*subscription/)
    const unsupported = docs.slice(docs.indexOf('## What is not supported'))
    for (const topic of ['Batching', '@defer', '@stream', 'Subscriptions']) expect(unsupported).toContain(topic)
  })
})
