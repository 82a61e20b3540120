import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { verifyChain, publicationHashes } from '../../src/editorial/audit-chain.js'
import { readPublishedProgress } from '../../src/editorial/published-progress.js'
import { testPostgresServer } from '../editorial-target.js'
import { progressStore } from '../publication/progress-fixture.js'

// Only meaningful with both engines at hand: `npm run test:postgres` (and CI) run it.
describe.skipIf(!testPostgresServer)('the same editorial history on SQLite and on PostgreSQL', () => {
  it('gives the same rows and the same hash chain, link for link, so a store copied between engines verifies', async () => {
    const sqlite = await progressStore({ sqlite: true })
    const postgres = await progressStore()
    try {
      expect(postgres.store.engine).toBe('postgres')
      const [a, b] = [await verifyChain(sqlite.store), await verifyChain(postgres.store)]
      expect(a.ok && b.ok).toBe(true)
      expect(b.links).toBe(a.links)
      expect(b.head).toBe(a.head)
      expect([...await publicationHashes(postgres.store)]).toEqual([...await publicationHashes(sqlite.store)])
      expect(await readPublishedProgress(postgres.store)).toEqual(await readPublishedProgress(sqlite.store))
    } finally {
      await sqlite.store.close()
      await postgres.store.close()
      for (const dir of [sqlite.dir, postgres.dir]) rmSync(dir, { recursive: true, force: true })
    }
  })
})
