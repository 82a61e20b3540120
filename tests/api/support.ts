import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { PersistedDocuments } from '../../src/api/persisted-documents.js'
import { createApiApp } from '../../src/api/yoga.js'
import { buildDatabase } from '../../src/build/build-database.js'
import { loadConfig, projectRoot, type Config } from '../../src/config.js'
import { startServer, type RunningServer } from '../../src/server/start-server.js'
import { StoreHolder } from '../../src/server/store-holder.js'
import { openEditorialStore } from '../../src/editorial/open-editorial-store.js'

/** The temporary editorial store of the test run (set by the global setup): never the project's own. */
export function testEditorialPath(): string {
  const path = process.env.EDITORIAL_DATABASE
  if (!path || !path.startsWith(tmpdir())) throw new Error('EDITORIAL_DATABASE must point into the temporary folder (tests/global-setup.ts sets it)')
  return path
}

/** The settings the tests run with: the defaults, silent logs, the run's temporary editorial store, any overrides. */
export function testConfig(env: Record<string, string> = {}): Config {
  // No grace period at shutdown unless a test asks for one: servers stop as soon as they are idle. No warming of the
  // response cache unless a test asks for it: each server would spend a few seconds of CPU on it beside the test.
  return loadConfig({
    LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', SHUTDOWN_GRACE_MS: '0', WARM_CACHE_MS: '0', EDITORIAL_DATABASE: testEditorialPath(),
    // The run's PostgreSQL database when the suite runs on PostgreSQL (tests/editorial-target.ts).
    EDITORIAL_DATABASE_URL: process.env.EDITORIAL_DATABASE_URL, EDITORIAL_POOL_SIZE: '4', ...env,
  })
}

const silentLogger = () => pino({ level: 'silent' })

/** A GraphQL answer as the tests look at it. */
export interface Answer {
  status: number
  headers: Headers
  body: any
}

const editorialStores = new Map<string, ReturnType<typeof openEditorialStore>>()

/** One editorial store per path in a test file: two apps opening it at once would both run its migrations. */
function sharedEditorialStore(path: string): ReturnType<typeof openEditorialStore> {
  let store = editorialStores.get(path)
  if (!store) editorialStores.set(path, store = openEditorialStore(path))
  return store
}

/** The yoga app over a database (the one the global setup built, by default), called through yoga.fetch. */
export function createTestApp(options: { databasePath?: string; limits?: Partial<Config['limits']>; parseCacheBytes?: number } = {}) {
  const config = testConfig()
  const stores = new StoreHolder(options.databasePath ?? config.databasePath)
  const editorial = sharedEditorialStore(config.editorialStore)
  const yoga = createApiApp({ limits: { ...config.limits, ...options.limits }, parseCacheBytes: options.parseCacheBytes ?? config.cache.parseBytes, stores, editorial, logger: silentLogger(), persisted: new PersistedDocuments(config.cache.persistedQueryBytes) })
  async function gql(query: string, variables?: Record<string, unknown>): Promise<Answer> {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    })
    return { status: response.status, headers: response.headers, body: await response.json() }
  }
  /** Runs a query that must succeed and returns its data. */
  async function data(query: string, variables?: Record<string, unknown>): Promise<any> {
    const answer = await gql(query, variables)
    if (answer.body.errors) throw new Error(`query failed: ${JSON.stringify(answer.body.errors)}`)
    return answer.body.data
  }
  return { yoga, stores, gql, data, close: async () => {
    stores.closeAll()
    // The first app of a file to close takes the shared store with it; later ones find it gone.
    if (editorialStores.get(config.editorialStore) !== editorial) return
    editorialStores.delete(config.editorialStore)
    await (await editorial).close()
  } }
}

/** A real server on an ephemeral port of 127.0.0.1. */
export async function startTestServer(env: Record<string, string> = {}): Promise<{ base: string; running: RunningServer; close(): Promise<void> }> {
  const running = await startServer(testConfig(env), silentLogger())
  return { base: `http://127.0.0.1:${running.port}`, running, close: () => running.shutdown() }
}

/** A temporary folder, removed by the returned cleanup. */
export function temporaryDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `open-akkoord-${prefix}-`))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Writes copies of the real agreement's data under other slugs into dataDir
 * (the "more agreements" a test needs) and builds them into databasePath.
 */
export async function buildAgreementCopies(dataDir: string, databasePath: string, slugs: readonly string[]): Promise<void> {
  const source = join(projectRoot, 'db/data/assen-2022-2026')
  rmSync(dataDir, { recursive: true, force: true })
  for (const slug of slugs) {
    const target = join(dataDir, slug)
    cpSync(source, target, { recursive: true })
    const agreementFile = join(target, 'agreement.yaml')
    writeFileSync(agreementFile, readFileSync(agreementFile, 'utf8').replace(/^slug: .*$/m, `slug: ${slug}`))
  }
  await buildDatabase({ dataDir, databasePath, root: projectRoot })
}
