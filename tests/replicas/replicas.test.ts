import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReplica, type Replica } from '../../bench/replica-server.js'
import { addAccount } from '../../src/editorial/accounts.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { assessment, post, publishProgress, recordProgress } from '../editorial/support.js'
import { BeheerClient } from '../web/beheer-client.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../../bench/private-postgres.js'

const bin = postgresBinaries()
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const statusQuery = (slug: string) => `{ action(slug: "${slug}") { progressStatus } }`

/** The action's public status as one replica answers it. */
async function statusOn(replica: Replica, slug: string): Promise<string> {
  const answer = await post(replica.base, statusQuery(slug))
  if (!answer.body.data?.action) throw new Error(`${replica.base}: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.data.action.progressStatus as string
}

/** Waits until every replica answers `status` for the action; returns how long the slowest took (ms). */
async function seenEverywhere(replicas: Replica[], slug: string, status: string, boundMs: number): Promise<number> {
  const started = performance.now()
  for (const replica of replicas) {
    while ((await statusOn(replica, slug)) !== status) {
      if (performance.now() - started > boundMs) throw new Error(`${replica.base} still answers ${await statusOn(replica, slug)} after ${boundMs} ms`)
      await pause(10)
    }
  }
  return performance.now() - started
}

/** The bytes of a /data/ file as a replica serves it, by SHA-256 (ETag and Last-Modified included). */
async function served(replica: Replica, path: string): Promise<string> {
  const response = await fetch(`${replica.base}/data/${path}`)
  expect(response.status, `${replica.base}/data/${path}`).toBe(200)
  const digest = createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex')
  return `${digest} ${response.headers.get('etag')} ${response.headers.get('last-modified')}`
}

describe.skipIf(bin === null)('three replicas on one PostgreSQL (private PostgreSQL)', { timeout: 600_000 }, () => {
  let server: PrivatePostgres
  let url: string
  let store: EditorialStore
  let replicas: Replica[] = []
  const tokens: Record<string, string> = {}
  const count = async (table: 'publication' | 'revision') => Number((await store.first(store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'))))!.n)
  const builds = async () => (await sql<{ version: string; publication_generation: string }>`SELECT version, publication_generation FROM release_build ORDER BY id`.execute(store.db)).rows

  /** Records an assessment through one replica and publishes it through another; returns the revision's id. */
  async function publishThrough(recordOn: Replica, publishOn: Replica, slug: string, status: string): Promise<string> {
    const recorded = await post(recordOn.base, recordProgress, { input: assessment(slug, { status }) }, tokens.editor)
    expect(recorded.body.data.recordProgress.userErrors, JSON.stringify(recorded.body)).toEqual([])
    const id = recorded.body.data.recordProgress.assessment.id as string
    const published = await post(publishOn.base, publishProgress, { id }, tokens.reviewer)
    expect(published.body.data.publishProgress.userErrors, JSON.stringify(published.body)).toEqual([])
    return id
  }

  beforeAll(async () => {
    server = await startPrivatePostgres(bin!)
    url = await server.createDatabase('replicas')
    store = await openEditorialStore(url)
    tokens.editor = (await addAccount(store, 'Eva', 'editor')).token
    tokens.reviewer = (await addAccount(store, 'Rik', 'reviewer')).token
    // One after another: each start renders or copies the release under the advisory lock, and a 2-core machine is slow.
    for (let n = 0; n < 3; n++) replicas.push(await startReplica(url))
  })
  afterAll(async () => {
    for (const replica of replicas) await replica.stop()
    await store?.close()
    server?.destroy()
  })

  it('publish through one: every replica answers it at once, and serves the same release, rendered once', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica]
    const slug = 'nieuw-jongerenbeleid-met-asser-jeugd'
    for (const replica of replicas) expect(await statusOn(replica, slug)).toBe('NOT_ASSESSED')
    // /readyz tells the load balancer and the operator how each replica stands with PostgreSQL.
    for (const replica of replicas) {
      const ready = await (await fetch(`${replica.base}/readyz`)).json()
      expect(ready.details.editorial).toMatchObject({ status: 'ok', engine: 'postgres', postgres: { answers: true, listener: { listening: true } } })
      expect(ready.details.editorial.postgres.migrations.applied).toBe(ready.details.editorial.postgres.migrations.expected)
      expect(ready.details.editorial.postgres.pool.max).toBeGreaterThan(0)
    }
    const before = await builds()
    await publishThrough(a, b, slug, 'ACHIEVED')
    const noticedMs = await seenEverywhere([b, a, c], slug, 'ACHIEVED', 2000)
    // A notification, not the 2 s poll: the bound leaves room for a busy machine.
    expect(noticedMs).toBeLessThan(1000)
    // /data/ on every replica at once: one renders the new release, the others copy it.
    const sums = await Promise.all(replicas.map((replica) => served(replica, 'SHA256SUMS')))
    // Every file the release lists, as each replica serves it.
    const listed = (await (await fetch(`${b.base}/data/SHA256SUMS`)).text()).trim().split('\n').map((line) => line.split(/\s+\*?/)[1]!)
    expect(listed.length).toBeGreaterThan(10)
    const answers = [] as string[][]
    for (const replica of replicas) answers.push([await served(replica, 'SHA256SUMS'), ...(await Promise.all(listed.map((f) => served(replica, f))))])
    expect(sums[1]).toBe(sums[0])
    expect(sums[2]).toBe(sums[0])
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    expect((await builds()).length).toBe(before.length + 1)
    expect(Number((await builds()).at(-1)!.publication_generation)).toBe(await count('publication'))
  })

  it('sign in on one replica, continue on another, sign out on a third', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica]
    const onA = new BeheerClient(a.base)
    const signedIn = await onA.signIn(tokens.editor!)
    expect([signedIn.status, signedIn.headers.get('location')]).toEqual([303, '/beheer'])
    const onB = new BeheerClient(b.base)
    const onC = new BeheerClient(c.base)
    for (const [name, value] of onA.cookies) { onB.cookies.set(name, value); onC.cookies.set(name, value) }
    const page = await onB.get('/beheer')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Eva (redacteur)')
    const csrf = await onC.formToken('/beheer')
    expect((await onC.post('/beheer/afmelden', { csrf })).status).toBe(303)
    const after = new BeheerClient(b.base)
    for (const [name, value] of onA.cookies) after.cookies.set(name, value)
    expect((await after.get('/beheer')).status).toBe(303)
  })

  it('a replica killed with SIGKILL in the middle of a publication loses nothing and doubles nothing', async () => {
    const [victim, b, c] = replicas as [Replica, Replica, Replica]
    const slug = 'pilot-basisbanen-structureel'
    const publications = await count('publication')
    const buildsBefore = (await builds()).length
    const recorded = await post(b.base, recordProgress, { input: assessment(slug, { status: 'IN_PROGRESS' }) }, tokens.editor)
    const id = recorded.body.data.recordProgress.assessment.id as string
    // The mutation and the release it sets off are under way on the victim when it dies.
    const publishing = post(victim.base, publishProgress, { id }, tokens.reviewer).catch(() => null)
    const rendering = (async () => {
      await publishing
      return fetch(`${victim.base}/data/SHA256SUMS`).catch(() => null)
    })()
    await pause(150)
    victim.child.kill('SIGKILL')
    await Promise.all([publishing, rendering])
    // Whether the publication committed before the kill or not, it exists at most once; publishing again through
    // another replica gives exactly one.
    expect(await count('publication')).toBeLessThanOrEqual(publications + 1)
    const again = await post(b.base, publishProgress, { id }, tokens.reviewer)
    const errors = again.body.data.publishProgress.userErrors as { code: string }[]
    expect(errors.every((e) => e.code === 'CONFLICT' || e.code === 'NOT_FOUND' || /ALREADY/.test(e.code))).toBe(true)
    expect(await count('publication')).toBe(publications + 1)
    await seenEverywhere([b, c], slug, 'IN_PROGRESS', 2000)
    // The release: written once by whichever replica held the lock (the victim's lock died with its connection).
    const sums = await Promise.all([b, c].map((r) => served(r, 'SHA256SUMS')))
    expect(sums[1]).toBe(sums[0])
    const after = await builds()
    expect(after.length).toBe(buildsBefore + 1)
    expect(Number(after.at(-1)!.publication_generation)).toBe(await count('publication'))
    // The victim comes back: it copies the release and serves the same bytes.
    replicas[0] = await startReplica(url)
    expect(await served(replicas[0]!, 'SHA256SUMS')).toBe(sums[0])
    expect((await builds()).length).toBe(buildsBefore + 1)
  })

  it('PostgreSQL stopped for a few seconds: the public side keeps answering, the editorial side says 503 and recovers', async () => {
    const [a, b] = replicas as [Replica, Replica, Replica]
    const slug = 'nieuw-jongerenbeleid-met-asser-jeugd'
    const generations = await Promise.all(replicas.map(async (r) => (await (await fetch(`${r.base}/readyz`)).json()).details.editorial.publicationGeneration))
    expect(new Set(generations).size, JSON.stringify(generations)).toBe(1)
    // What the public side shows, asked once while PostgreSQL is up (as visitors would have).
    for (const replica of replicas) await statusOn(replica, slug)
    expect((await fetch(`${a.base}/`)).status).toBe(200)
    await store.close()
    server.stop()
    try {
      // Public answers: cached, and new ones computed from the content file and the progress held in memory.
      expect(await statusOn(a, slug)).toBe('ACHIEVED')
      expect(await statusOn(b, 'plek-voor-kunstenaars')).toBe('NOT_ASSESSED')
      expect((await fetch(`${a.base}/data/SHA256SUMS`)).status).toBe(200)
      // A page not asked before, drawn from the progress and the rounds held in memory since the home page.
      expect((await fetch(`${a.base}/voortgang`)).status).toBe(200)
      // Still ready: the load balancer must not take every replica out with the database. The details say why editing fails.
      const ready = await fetch(`${b.base}/readyz`)
      expect(ready.status).toBe(200)
      expect((await ready.json()).details.editorial).toMatchObject({ status: 'unavailable', postgres: { answers: false } })
      // What needs the store: 503 with Retry-After, no detail.
      const mutation = await post(a.base, recordProgress, { input: assessment(slug) }, tokens.editor)
      expect(mutation.status).toBe(503)
      expect(mutation.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(mutation.body.errors[0].extensions.code).toBe('STORE_UNAVAILABLE')
      expect(JSON.stringify(mutation.body)).not.toMatch(/postgres|ECONN|127\.0\.0\.1|select|stack/i)
      const signIn = await new BeheerClient(b.base).signIn(tokens.editor!).catch(() => null)
      expect(signIn?.status).toBe(503)
      await pause(2000)
    } finally {
      server.start()
    }
    store = await openEditorialStore(url)
    // Recovery without a restart: the pool reconnects, and a publication after it is seen everywhere.
    let recovered: Awaited<ReturnType<typeof post>> | undefined
    for (let n = 0; n < 100 && recovered?.status !== 200; n++) {
      recovered = await post(a.base, '{ viewer { name } }', {}, tokens.editor)
      if (recovered.status !== 200) await pause(100)
    }
    expect(recovered!.body.data.viewer.name).toBe('Eva')
    await publishThrough(b, a, 'plek-voor-kunstenaars', 'IN_PROGRESS')
    await seenEverywhere(replicas, 'plek-voor-kunstenaars', 'IN_PROGRESS', 5000)
    for (const replica of replicas) expect(replica.child.exitCode, replica.log()).toBeNull()
  })

  it('a replica never asked for progress since a publication still shows it, with its own ETag, while PostgreSQL is down', async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica]
    const slug = 'pilot-basisbanen-structureel'
    const ready = async (replica: Replica) => (await (await fetch(`${replica.base}/readyz`)).json()).details.editorial
    const page = async (replica: Replica) => {
      const response = await fetch(`${replica.base}/voortgang`)
      return { status: response.status, etag: response.headers.get('etag'), body: await response.text() }
    }
    const before = await page(a)
    // Published through A (recorded on B); from here on C is asked nothing that shows progress until PostgreSQL is down.
    await publishThrough(b, a, slug, 'ACHIEVED')
    const generation = await count('publication')
    // /readyz is no progress page: it only says C has read the new publication by itself, in the background.
    const started = performance.now()
    while ((await ready(c)).publicView.generation !== generation) {
      if (performance.now() - started > 5000) throw new Error(`C has not read publication ${generation}: ${JSON.stringify(await ready(c))}`)
      await pause(20)
    }
    expect((await ready(c)).publicView).toMatchObject({ current: true, lastReadFailure: null })
    const onA = await page(a)
    expect(onA.status).toBe(200)
    expect(onA.body).not.toBe(before.body)
    await store.close()
    server.stop()
    try {
      // C draws /voortgang and the API's progress from what it read: the new publication, the same page as A's.
      const onC = await page(c)
      expect(onC.status).toBe(200)
      expect(onC.body).toBe(onA.body)
      expect(onC.etag).toBe(onA.etag)
      expect(await statusOn(c, slug)).toBe('ACHIEVED')
      const rounds = await post(c.base, '{ progressRounds { slug } progressRound { slug } }')
      expect(rounds.status).toBe(200)
      expect(rounds.body.errors).toBeUndefined()
      // Asked again: a revalidation is answered from the cache, with the same ETag.
      const again = await fetch(`${c.base}/voortgang`, { headers: { 'if-none-match': onC.etag! } })
      expect(again.status).toBe(304)
      expect((await ready(c)).publicView).toMatchObject({ generation, current: true })
    } finally {
      server.start()
    }
    store = await openEditorialStore(url)
    // Once PostgreSQL is back, another publication shows on C as on every replica.
    let published = false
    for (let n = 0; n < 100 && !published; n++) {
      published = await publishThrough(b, a, slug, 'PARTLY_ACHIEVED').then(() => true, async () => { await pause(100); return false })
    }
    expect(published).toBe(true)
    await seenEverywhere([c, a, b], slug, 'PARTLY_ACHIEVED', 5000)
    const afterOnC = await page(c)
    expect(afterOnC.status).toBe(200)
    expect(afterOnC.body).toBe((await page(a)).body)
    expect(afterOnC.body).not.toBe(onA.body)
    for (const replica of replicas) expect(replica.child.exitCode, replica.log()).toBeNull()
  })
})
