import { createHash } from 'node:crypto'
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client'
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentHash, PersistedDocuments } from '../../src/api/persisted-documents.js'
import { startTestServer } from './support.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const accept = 'application/graphql-response+json, application/json'

let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => { server = await startTestServer() })
afterAll(() => server.close())

/** A request as a client sends it: GET with URL parameters, or POST with a JSON body. */
async function send(method: 'GET' | 'POST', params: Record<string, unknown>) {
  const url = new URL('/graphql', server.base)
  let init: RequestInit = { method, headers: { accept } }
  if (method === 'GET') {
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value))
  } else init = { method, headers: { accept, 'content-type': 'application/json' }, body: JSON.stringify(params) }
  const response = await fetch(url, init)
  return { status: response.status, headers: response.headers, body: await response.json() as any }
}

/** A unique query per test, so one test's registration is not another's. */
const uniqueQuery = (n: number) => `query Themes${n} { themes { slug name } }`

describe('automatic persisted queries (Apollo protocol)', () => {
  it.each(['GET', 'POST'] as const)('answers an unknown hash alone with PersistedQueryNotFound over %s, then runs it once sent with its query', async (method) => {
    const query = uniqueQuery(method === 'GET' ? 1 : 2)
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } }
    const missing = await send(method, { extensions })
    expect(missing.body.errors).toEqual([expect.objectContaining({ message: 'PersistedQueryNotFound', extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }) })])
    expect(missing.headers.get('cache-control')).toBe('no-store')
    const registered = await send('POST', { query, extensions })
    expect(registered.status).toBe(200)
    expect(registered.body.data.themes.length).toBeGreaterThan(5)
    const again = await send(method, { extensions })
    expect(again.status).toBe(200)
    expect(again.body.data).toEqual(registered.body.data)
  })

  it('refuses a query whose hash is not its SHA-256, with a clear error, and keeps nothing', async () => {
    const query = uniqueQuery(3)
    const wrong = { persistedQuery: { version: 1, sha256Hash: sha256(`${query} `) } }
    const answer = await send('POST', { query, extensions: wrong })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toMatch(/^provided sha does not match query/)
    expect(answer.body.errors[0].extensions.code).toBe('BAD_REQUEST')
    expect((await send('GET', { extensions: wrong })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    for (const bad of [{ version: 2, sha256Hash: sha256(query) }, { version: 1, sha256Hash: 'abc' }, { version: 1 }]) {
      const refused = await send('POST', { query, extensions: { persistedQuery: bad } })
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].extensions.code).toBe('BAD_REQUEST')
    }
  })

  it('does not keep a query that fails validation or the limits', async () => {
    const query = '{ themes { slug nonsense } }'
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } }
    expect((await send('POST', { query, extensions })).body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect((await send('GET', { extensions })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
  })

  it('answers a known hash over GET on the lean path, cached like any GET (a CDN can keep it), with the bytes yoga gives', async () => {
    const query = uniqueQuery(4)
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } }
    const viaYoga = await send('POST', { query, extensions })
    const before = server.running.lean.stats.answered
    const miss = await send('GET', { extensions })
    expect(server.running.lean.stats.answered).toBe(before + 1)
    expect(miss.headers.get('x-cache')).toBe('MISS')
    expect(miss.headers.get('cache-control')).toMatch(/^public, max-age=/)
    expect(miss.body).toEqual(viaYoga.body)
    const hit = await send('GET', { extensions })
    expect(hit.headers.get('x-cache')).toBe('HIT')
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'))
    // Another hash is another entry, not the cached answer of the first.
    const other = uniqueQuery(5)
    await send('POST', { query: other, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } })
    const second = await send('GET', { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } } })
    expect(second.headers.get('x-cache')).toBe('MISS')
  })

  it('works with Apollo Client\'s persisted-query link: GET by hash, the fallback on PersistedQueryNotFound, then by hash only', async () => {
    const requests: { method: string; hasQuery: boolean; status: number }[] = []
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      const url = new URL(String(input))
      const hasQuery = url.searchParams.has('query') || String(init?.body ?? '').includes('"query"')
      requests.push({ method: init?.method ?? 'GET', hasQuery, status: response.status })
      return response
    }
    const client = () => new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([
        new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
        new HttpLink({ uri: `${server.base}/graphql`, fetch: recordingFetch }),
      ]),
    })
    const query = gql`query ApolloThemes { themes { slug name topics { slug } } }`
    const first = await client().query({ query })
    expect(first.error).toBeUndefined()
    expect((first.data as any).themes.length).toBeGreaterThan(5)
    expect(requests).toEqual([
      { method: 'GET', hasQuery: false, status: expect.any(Number) },
      { method: 'POST', hasQuery: true, status: 200 },
    ])
    const second = await client().query({ query })
    expect(second.data).toEqual(first.data)
    expect(requests.slice(2)).toEqual([{ method: 'GET', hasQuery: false, status: 200 }])
  })
})

describe('trusted documents by documentId', () => {
  it('runs a document of the manifest by documentId over GET and POST, and by its hash as an APQ', async () => {
    const [document] = new PersistedDocuments(0).trustedOperations().filter((o) => o.name === 'ThemesOverview')
    expect(document).toBeDefined()
    const byGet = await send('GET', { documentId: `sha256:${document!.id}` })
    expect(byGet.status).toBe(200)
    expect(byGet.body.data.themes.length).toBeGreaterThan(5)
    expect((await send('POST', { documentId: `sha256:${document!.id}` })).body).toEqual(byGet.body)
    expect((await send('GET', { extensions: { persistedQuery: { version: 1, sha256Hash: document!.id } } })).body).toEqual(byGet.body)
  })

  it('answers an unknown documentId with PersistedQueryNotFound and a malformed one with BAD_REQUEST', async () => {
    const unknown = await send('GET', { documentId: `sha256:${sha256('nothing')}` })
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    for (const id of ['abc', sha256('x'), `md5:${sha256('x')}`]) {
      const bad = await send('POST', { documentId: id })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].message).toMatch(/^documentId must be "sha256:"/)
    }
  })

  it('refuses a persistedQuery extension that is not an object, with or without its query, and ignores a null one', async () => {
    for (const method of ['GET', 'POST'] as const) {
      for (const persistedQuery of ['abc', sha256('{ themes { slug } }'), 1]) {
        const bad = await send(method, { query: '{ themes { slug } }', extensions: { persistedQuery } })
        expect(bad.status).toBe(400)
        expect(bad.body.errors[0]).toMatchObject({ message: expect.stringMatching(/^extensions.persistedQuery must be an object/), extensions: { code: 'BAD_REQUEST' } })
      }
      const none = await send(method, { query: '{ themes { slug } }', extensions: { persistedQuery: null } })
      expect(none.body.data.themes.length).toBeGreaterThan(5)
    }
  })

  it('still says "Must provide query string." to a request with neither query nor hash', async () => {
    const answer = await send('POST', { variables: {} })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0]).toMatchObject({ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } })
  })
})

describe('GET parameters', () => {
  it.each(['variables', 'extensions'])('answers a %s parameter that is not JSON with a 400, not a 500', async (name) => {
    const url = new URL('/graphql', server.base)
    url.searchParams.set('query', '{ __typename }')
    url.searchParams.set(name, '{"persistedQuery":')
    const response = await fetch(url, { headers: { accept } })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ errors: [{ message: `The "${name}" parameter is not valid JSON.`, extensions: { code: 'BAD_REQUEST' } }] })
  })
})

describe('the registered-query store', () => {
  it('is bounded by the heap its documents hold, forgetting the least recently used', async () => {
    const store = new PersistedDocuments(20_000)
    const texts = Array.from({ length: 200 }, (_, i) => `query Q${i} { themes { slug } }`)
    for (const text of texts) await store.register(documentHash(text), text)
    expect(store.usage.bytes).toBeLessThanOrEqual(20_000)
    expect(store.usage.documents).toBeLessThan(200)
    expect(store.find(documentHash(texts[199]!))).toBe(texts[199])
    expect(store.find(documentHash(texts[0]!))).toBeUndefined()
  })

  it('keeps nothing with PERSISTED_QUERY_BYTES=0, but still knows the trusted documents', async () => {
    const store = new PersistedDocuments(0)
    await store.register(documentHash('{ themes { slug } }'), '{ themes { slug } }')
    expect(store.usage.documents).toBe(0)
    const [trusted] = store.trustedOperations()
    expect(store.find(trusted!.id)).toBe(trusted!.body)
  })
})
