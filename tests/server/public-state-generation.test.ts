import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addAccount } from '../../src/editorial/accounts.js'
import type { EditorialActor } from '../../src/editorial/editorial-actor.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { publicationGeneration, publicStateGeneration } from '../../src/editorial/progress-snapshot.js'
import { closeRound, openRound } from '../../src/editorial/reporting-rounds.js'
import { freshEditorialTarget, testEngine } from '../editorial-target.js'

const opened: EditorialStore[] = []
const folders: string[] = []
afterAll(async () => {
  for (const store of opened) await store.close()
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

/** Waits until `read` differs from `from`; returns the new value, or throws after a second. */
async function changed(read: () => number, from: number): Promise<number> {
  const started = performance.now()
  while (read() === from) {
    if (performance.now() - started > 1000) throw new Error(`still ${from} after a second (${testEngine})`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return read()
}

describe(`the public state generation across processes (${testEngine})`, () => {
  it('changes in another store handle when a round opens and when it closes, without a publication, the second round too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-public-state-'))
    folders.push(dir)
    const { target } = await freshEditorialTarget(dir)
    // Two handles on one store: two replicas (PostgreSQL, told by NOTIFY) or two processes on one file (SQLite, data_version).
    const writer = await openEditorialStore(target, { poolSize: 2 })
    opened.push(writer)
    const reader = await openEditorialStore(target, { poolSize: 2 })
    opened.push(reader)
    const admin = (await addAccount(writer, 'Beheerder', 'admin')).account
    const actor: EditorialActor = { account: admin, requestId: null, client: null, now: new Date() }
    const seen = [publicStateGeneration(reader)]
    for (const name of ['Ronde voorjaar', 'Ronde najaar']) {
      const round = await openRound(writer, actor, { agreement: 'assen-2022-2026', name, peildatum: '2026-06-30', opensOn: '2026-07-01', closesOn: '2026-07-31' })
      expect(round.userErrors).toEqual([])
      // The writer knows at once; the reader within a second, with no publication in between.
      expect(publicStateGeneration(writer)).toBeGreaterThan(seen.at(-1)!)
      seen.push(await changed(() => publicStateGeneration(reader), seen.at(-1)!))
      expect((await closeRound(writer, actor, 'assen-2022-2026', round.record!.slug)).userErrors).toEqual([])
      seen.push(await changed(() => publicStateGeneration(reader), seen.at(-1)!))
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-1)).toBe(publicStateGeneration(writer))
    expect(publicationGeneration(reader)).toBe(0)
  })
})
