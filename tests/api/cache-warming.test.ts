import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readManifest } from '../../src/api/persisted-documents.js'
import type { RunningServer } from '../../src/server/start-server.js'
import type { WarmingReport } from '../../src/server/cache-warming.js'
import { assessment, publishProgress, recordProgress, startEditorialServer } from '../editorial/support.js'
import { startTestServer, temporaryDir, testConfig } from './support.js'

/** Warming on (the tests' servers turn it off), with time to spare on a machine the whole suite shares. */
const warming = { WARM_CACHE_MS: '120000' }
const ids = new Map(readManifest().operations.map((o) => [o.name, `sha256:${o.id}`]))

/** A trusted document as an app asks for it: GET by documentId, variables as JSON.stringify writes them. */
async function ask(base: string, name: string, variables?: Record<string, unknown>, accept = 'application/graphql-response+json') {
  const params = new URLSearchParams({ documentId: ids.get(name)! })
  if (variables) params.set('variables', JSON.stringify(variables))
  const response = await fetch(`${base}/graphql?${params}`, { headers: { accept } })
  return { status: response.status, cache: response.headers.get('x-cache'), etag: response.headers.get('etag'), body: await response.text() }
}

/** The report of the warming for a generation and publication, once it is done. */
async function warmed(running: RunningServer, until: (report: WarmingReport) => boolean): Promise<WarmingReport> {
  for (let tries = 0; tries < 2400; tries++) {
    const report = await running.warming.done
    if (report && until(report)) return report
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the warming did not finish')
}

describe('warming the response cache with the trusted documents', () => {
  const folder = temporaryDir('warming')
  const databasePath = join(folder.dir, 'open-akkoord.sqlite')
  copyFileSync(testConfig().databasePath, databasePath)
  const servers: { close(): Promise<void> }[] = []
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
    folder.remove()
  })

  it('answers the first request for every warmed use from the cache, as the server computes it, and again after a reload', async () => {
    const server = await startTestServer({ DATABASE_PATH: databasePath, ...warming })
    const cold = await startTestServer({ DATABASE_PATH: databasePath, WARM_CACHE_MS: '0' })
    servers.push(server, cold)
    const first = await warmed(server.running, (r) => r.generation === 1)
    expect(first.stopped).toBeUndefined()
    // Every action's page in two Accepts, among the rest.
    expect(first.answers).toBeGreaterThan(2 * 190)
    expect(first.bytes).toBeLessThanOrEqual(testConfig(warming).cache.warmBytes)

    const uses: [string, Record<string, unknown> | undefined, string][] = [
      ['ThemesOverview', undefined, 'application/graphql-response+json'],
      ['BudgetOverview', { groupBy: 'PORTFOLIO' }, '*/*'],
      ['ActionsPage', { filter: { theme: ['wonen'] } }, 'application/graphql-response+json'],
      ['TargetsByDeadline', undefined, '*/*'],
    ]
    const slugs = JSON.parse((await ask(cold.base, 'ActionsPage')).body).data.actions.edges.map((e: any) => e.node.slug)
    uses.push(['ActionDetail', { slug: slugs[7] }, '*/*'], ['ActionDetail', { slug: slugs.at(-1) }, 'application/graphql-response+json'])
    for (const [name, variables, accept] of uses) {
      const hit = await ask(server.base, name, variables, accept)
      expect(hit.cache, name).toBe('HIT')
      const computed = await ask(cold.base, name, variables, accept)
      expect(computed.cache, name).toBe('MISS')
      expect(hit.body, name).toBe(computed.body)
      expect(hit.etag, name).toBe(computed.etag)
    }
    // What is not warmed is computed on its first request, as before.
    expect((await ask(server.base, 'Search', { query: 'wonen' })).cache).toBe('MISS')

    // A rebuilt file is reopened: the cache is cleared and warmed again for the new generation before its first request.
    copyFileSync(testConfig().databasePath, `${databasePath}.new`)
    copyFileSync(`${databasePath}.new`, databasePath)
    server.running.reopenDatabase()
    const second = await warmed(server.running, (r) => r.generation === 2)
    expect(second.answers).toBe(first.answers)
    const again = await ask(server.base, 'ThemesOverview')
    expect(again.cache).toBe('HIT')
    expect(again.body).toBe((await ask(cold.base, 'ThemesOverview')).body)
  })

  it('keeps within its memory budget', async () => {
    const server = await startTestServer({ DATABASE_PATH: databasePath, WARM_CACHE_BYTES: '200000', ...warming })
    servers.push(server)
    const report = await warmed(server.running, () => true)
    expect(report.stopped).toBe('memory')
    expect(report.bytes).toBeLessThanOrEqual(200_000)
    expect(report.answers).toBeGreaterThan(0)
    expect(server.running.warming).toBeDefined()
  })

  it('warms again after a publication, so the first request shows the published progress from the cache', async () => {
    const server = await startEditorialServer(warming)
    try {
      const slug = JSON.parse((await ask(server.base, 'ActionsPage', { first: 1 })).body).data.actions.edges[0].node.slug
      const before = await warmed(server.running, () => true)
      expect(JSON.parse((await ask(server.base, 'ActionDetail', { slug })).body).data.action.progressStatus).toBe('NOT_ASSESSED')
      const editor = await server.account('Eva', 'editor')
      const reviewer = await server.account('Rob', 'reviewer')
      const draft = (await server.gql(recordProgress, { input: assessment(slug, { status: 'ACHIEVED', expectedRevision: 0 }) }, editor)).body.data.recordProgress.assessment
      expect((await server.gql(publishProgress, { id: draft.id }, reviewer)).body.data.publishProgress.userErrors).toEqual([])
      await warmed(server.running, (r) => r.publication > before.publication)
      const after = await ask(server.base, 'ActionDetail', { slug })
      expect(after.cache).toBe('HIT')
      expect(JSON.parse(after.body).data.action.progressStatus).toBe('ACHIEVED')
    } finally {
      await server.close()
    }
  })
})
