import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entities } from '../../src/read-model/entities.js'
import { ReadSnapshot, snapshotOf } from '../../src/read-model/read-snapshot.js'
import { StoreHolder } from '../../src/server/store-holder.js'
import { openDatabase } from '../../src/store/open-database.js'
import { buildAgreementCopies, temporaryDir } from '../api/support.js'

const scratch = temporaryDir('snapshot')
const three = join(scratch.dir, 'three.sqlite')
const moving = join(scratch.dir, 'moving.sqlite')
beforeAll(async () => {
  await buildAgreementCopies(join(scratch.dir, 'data-three'), three, ['assen-2022-2026', 'assen-copy-a', 'assen-copy-b'])
  await buildAgreementCopies(join(scratch.dir, 'data-one'), moving, ['assen-2022-2026'])
}, 60_000)
afterAll(() => scratch.remove())

/** The entities an agreement is read from: one statement each. */
const statementsPerAgreement = Object.keys(entities).length - 1

describe('the agreements a snapshot keeps', () => {
  it('reads every agreement at once when they fit in the capacity, so reads run no SQL', () => {
    const store = openDatabase(three, { readonly: true })
    try {
      const snapshot = new ReadSnapshot(store, 3)
      expect(snapshot.loadedCount).toBe(3)
      const tally = { count: 0 }
      for (const agreement of snapshot.agreements) expect(snapshot.agreement(agreement.id, tally).list('action')).toHaveLength(185)
      expect(tally.count).toBe(0)
    } finally {
      store.sqlite.close()
    }
  })

  it('keeps at most `capacity` agreements, the most recently used, and reads the others on demand', () => {
    const store = openDatabase(three, { readonly: true })
    try {
      const snapshot = new ReadSnapshot(store, 2)
      // More agreements than the capacity: only the current one is read up front.
      expect(snapshot.loadedCount).toBe(1)
      const [a, b, c] = snapshot.agreements.map((x) => x.id) as [number, number, number]
      expect(snapshot.current!.id).toBe(c)
      const tally = { count: 0 }
      const first = snapshot.agreement(a, tally)
      expect(tally.count).toBe(statementsPerAgreement)
      expect(snapshot.agreement(a, tally)).toBe(first)
      expect(snapshot.agreement(c, tally).agreement.id).toBe(c)
      expect(tally.count).toBe(statementsPerAgreement)
      // Reading b evicts the least recently used (a, since c was used after it).
      snapshot.agreement(b, tally)
      expect(snapshot.loadedCount).toBe(2)
      expect(tally.count).toBe(2 * statementsPerAgreement)
      snapshot.agreement(c, tally)
      expect(tally.count).toBe(2 * statementsPerAgreement)
      const again = snapshot.agreement(a, tally)
      expect(tally.count).toBe(3 * statementsPerAgreement)
      expect(again).not.toBe(first)
      expect(again.list('action')).toEqual(first.list('action'))
      expect(() => snapshot.agreement(999_999)).toThrow(/999999 is not in the database/)
    } finally {
      store.sqlite.close()
    }
  })
})

describe('a new generation', () => {
  it('gets a new snapshot of the reopened file and tells the listeners', async () => {
    const holder = new StoreHolder(moving)
    try {
      const seen: number[] = []
      const stop = holder.onGeneration((generation) => seen.push(generation))
      const before = holder.acquire()
      expect(snapshotOf(before.store).agreements.map((a) => a.slug)).toEqual(['assen-2022-2026'])
      await buildAgreementCopies(join(scratch.dir, 'data-two'), moving, ['assen-2022-2026', 'assen-copy-a'])
      expect(holder.reopen()).toBe(2)
      expect(seen).toEqual([2])
      const after = holder.acquire()
      expect(after.generation).toBe(2)
      expect(snapshotOf(after.store).agreements.map((a) => a.slug).sort()).toEqual(['assen-2022-2026', 'assen-copy-a'])
      // The request that leased the old generation still reads the old snapshot.
      expect(snapshotOf(before.store).agreements).toHaveLength(1)
      before.release()
      after.release()
      stop()
      holder.reopen()
      expect(seen).toEqual([2])
    } finally {
      holder.closeAll()
    }
  })
})
