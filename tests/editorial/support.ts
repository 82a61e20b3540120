import type { RawBuilder } from 'kysely'
import { freshEditorialTarget } from '../editorial-target.js'
import { addAccount } from '../../src/editorial/accounts.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { toGlobalId } from '../../src/model/global-id.js'
import { startTestServer, temporaryDir } from '../api/support.js'

export const agreement = 'assen-2022-2026'
export const actionId = (slug: string) => toGlobalId('Action', agreement, slug)

/** A GraphQL answer over HTTP. */
export interface HttpAnswer {
  status: number
  headers: Headers
  body: any
}

/** POSTs a GraphQL request, with a token when given. */
export async function post(base: string, query: string, variables: Record<string, unknown> = {}, token?: string, extra: Record<string, string> = {}): Promise<HttpAnswer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, headers: response.headers, body: await response.json() }
}

/** A server over the built content with its own temporary editorial store, and accounts made in it. */
export async function startEditorialServer(env: Record<string, string> = {}) {
  const folder = temporaryDir('editorial')
  const { target, path, env: storeEnv } = await freshEditorialTarget(folder.dir)
  const server = await startTestServer({ ...storeEnv, ...env })
  const store: EditorialStore = await openEditorialStore(target, { poolSize: 4 })
  const tokens: Record<string, string> = {}
  const account = async (name: string, role: 'editor' | 'reviewer' | 'admin') => {
    tokens[name] = (await addAccount(store, name, role)).token
    return tokens[name]!
  }
  return {
    /** What another server over the same store is started with. */
    env: storeEnv,
    base: server.base, running: server.running, store, path, account, tokens,
    gql: (query: string, variables?: Record<string, unknown>, token?: string) => post(server.base, query, variables, token),
    close: async () => {
      await server.close()
      await store.close()
      folder.remove()
    },
  }
}

export const recordProgress = `mutation($input: RecordProgressInput!) { recordProgress(input: $input) {
  assessment { id revision state status asOf explanation recordedBy evidence { title url kind documentDate } }
  userErrors { field message code } } }`
export const publishProgress = `mutation($id: ID!) { publishProgress(input: { assessmentId: $id }) {
  revision { id revision state publishedBy } userErrors { field message code } } }`
export const retractProgress = `mutation($id: ID!, $reason: String!, $expected: Int) { retractProgress(input: { assessmentId: $id, reason: $reason, expectedRevision: $expected }) {
  retraction { id revision state reason retracts { id } } userErrors { field message code } } }`

/** A valid assessment input for an action; override any field. */
export function assessment(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    actionId: actionId(slug), status: 'IN_PROGRESS', asOf: '2025-12-31', explanation: 'De bouw is gestart; 1850 woningen zijn opgeleverd.',
    evidence: [{ title: 'Raadsinformatiebrief woningbouw', url: 'https://assen.bestuurlijkeinformatie.nl/Document/1', documentDate: '2026-01-15', kind: 'RAADSINFORMATIEBRIEF' }],
    ...overrides,
  }
}

/** The number of rows of a table of the editorial store. */
export async function count(store: EditorialStore, table: 'revision' | 'evidence' | 'publication' | 'audit_entry' | 'account'): Promise<number> {
  return Number((await store.first(store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))))?.n ?? 0)
}

/** Runs a raw SQL query on the store, whichever its engine (values as `${...}` parameters; quote camelCase aliases). */
export function sqlRows<T>(store: EditorialStore, query: RawBuilder<T>): Promise<T[]> {
  return store.all({ compile: () => query.compile(store.db) })
}

/** The first row of a raw SQL query. */
export async function sqlRow<T>(store: EditorialStore, query: RawBuilder<T>): Promise<T> {
  return (await sqlRows(store, query))[0]!
}
