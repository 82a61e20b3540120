import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { answeringPublicState, keepPublicViewCurrent, publicViewStatus, servedPublicView } from '../../src/editorial/served-public-view.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../../bench/private-postgres.js'
import { progressPublisher } from './postgres-progress.js'

const bin = postgresBinaries()
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const agreement = 'assen-2022-2026'

/** Waits until `done` holds, polling memory only (no read of the store); throws after `boundMs`. */
async function until(what: string, done: () => boolean, boundMs: number): Promise<number> {
  const started = performance.now()
  while (!done()) {
    if (performance.now() - started > boundMs) throw new Error(`${what}: not within ${boundMs} ms`)
    await pause(10)
  }
  return performance.now() - started
}

/**
 * Two handles on one PostgreSQL database, as two replicas hold them: one
 * publishes, the other serves the public side. The database is stopped for
 * real, so the reads that fail are the product's own.
 */
describe.skipIf(bin === null)('the served public view while PostgreSQL comes and goes (private PostgreSQL)', { timeout: 120_000 }, () => {
  let server: PrivatePostgres
  let url: string
  let publisher: EditorialStore
  let replica: EditorialStore
  let publish: Awaited<ReturnType<typeof progressPublisher>>
  beforeAll(async () => {
    server = await startPrivatePostgres(bin!)
    url = await server.createDatabase('served_view')
    publisher = await openEditorialStore(url)
    publish = await progressPublisher(publisher)
    replica = await openEditorialStore(url)
  })
  afterAll(async () => {
    await replica?.close()
    await publisher?.close()
    server?.destroy()
  })

  it('a failed read serves the previous view, consistently; the refresher catches up after the restart, and reads ahead of any request', async () => {
    const slug = 'nieuw-jongerenbeleid-met-asser-jeugd'
    await publish('2026-02-01', slug, 'IN_PROGRESS')
    const first = await servedPublicView(replica)
    expect(first.snapshot(agreement).statusOf(slug)).toBe('IN_PROGRESS')

    // Another replica publishes; this one learns of it (the listener) but reads nothing: no refresher yet, no request.
    await publish('2026-02-02', slug, 'ACHIEVED')
    await until('the new generation known', () => replica.generation > first.generation, 5000)
    expect(publicViewStatus(replica)).toMatchObject({ generation: first.generation, current: false })
    // The hit path would now miss: the next answer is to be built at the new state.
    expect(answeringPublicState(replica)).toBeGreaterThan(first.state)

    server.stop()
    try {
      // The read fails: the previous view is served whole (not a 503), and every cache key says so.
      const stale = await servedPublicView(replica)
      expect(stale).toBe(first)
      expect(stale.snapshot(agreement).statusOf(slug)).toBe('IN_PROGRESS')
      expect(answeringPublicState(replica)).toBe(first.state)
      const status = publicViewStatus(replica)
      expect(status.current).toBe(false)
      expect(status.lastReadFailure?.code).toMatch(/^[A-Z0-9_]+$/)
      // Asked again at once: no wait for the store, the same view.
      const started = performance.now()
      expect(await servedPublicView(replica)).toBe(first)
      expect(performance.now() - started).toBeLessThan(50)
      // The refresher starts on the view it has; its retries keep failing quietly while the database is down.
      const errors: Error[] = []
      const stop = await keepPublicViewCurrent(replica, { onError: (error) => errors.push(error) })
      try {
        await pause(600)
        expect(publicViewStatus(replica).generation).toBe(first.generation)
        server.start()
        // Caught up in the background: nothing here asks for the view, only for its status.
        await until('the view read again after the restart', () => publicViewStatus(replica).current, 15_000)
        expect(publicViewStatus(replica).lastReadFailure).toBeNull()
        const caughtUp = await servedPublicView(replica)
        expect(caughtUp.generation).toBe(replica.generation)
        expect(caughtUp.state).toBeGreaterThan(first.state)
        expect(caughtUp.snapshot(agreement).statusOf(slug)).toBe('ACHIEVED')
        expect(answeringPublicState(replica)).toBe(caughtUp.state)

        // A publication while the refresher runs is read ahead of any request: PostgreSQL may then go away.
        await publish('2026-02-03', slug, 'PARTLY_ACHIEVED')
        const readMs = await until('the newest publication read in the background', () => publicViewStatus(replica).current
          && publicViewStatus(replica).generation === replica.generation && replica.generation > caughtUp.generation, 5000)
        expect(readMs).toBeLessThan(3000)
        server.stop()
        const held = await servedPublicView(replica)
        expect(held.snapshot(agreement).statusOf(slug)).toBe('PARTLY_ACHIEVED')
        // Never older than what was served before.
        expect(held.state).toBeGreaterThan(caughtUp.state)
        expect(errors.every((error) => error instanceof Error)).toBe(true)
      } finally {
        stop()
      }
    } finally {
      server.start()
    }
  })
})
