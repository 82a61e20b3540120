import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEditorialServer } from '../editorial/support.js'
import { startTestServer } from './support.js'

let one: Awaited<ReturnType<typeof startEditorialServer>>
let other: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => {
  one = await startEditorialServer()
  other = await startTestServer(one.env)
})
afterAll(async () => {
  await other.close()
  await one.close()
})

const query = `query SharedThemes${Date.now()} { themes { slug } }`
const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } }

async function send(base: string, body: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() as any }
}

describe('automatic persisted queries between two servers over one editorial store', () => {
  it('are known to every server on PostgreSQL, and to the registering process only on SQLite', async () => {
    expect((await send(other.base, { extensions })).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    const registered = await send(one.base, { query, extensions })
    expect(registered.body.data.themes.length).toBeGreaterThan(5)
    // The other process misses in its own memory: PostgreSQL's table has the document, SQLite's processes share none.
    const elsewhere = await send(other.base, { extensions })
    if (one.store.engine === 'postgres') expect(elsewhere.body.data).toEqual(registered.body.data)
    else expect(elsewhere.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    // Asked again, it answers from its own memory (the hash is kept locally once found).
    expect((await send(other.base, { extensions })).body.data ?? null).toEqual(one.store.engine === 'postgres' ? registered.body.data : null)
  })
})
