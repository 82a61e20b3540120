import { rmSync } from 'node:fs'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { verifyChain, publicationHashes } from '../../src/editorial/audit-chain.js'
import { readPublishedProgress } from '../../src/editorial/published-progress.js'
import { migrateEditorialStore } from '../../src/editorial/migrate-editorial-store.js'
import { readChainStates } from '../../src/editorial/publication-chain-state.js'
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
      // Each publication recorded the same chain state on both engines, and it is a prefix of the chain.
      const states = await readChainStates(postgres.store, 1e9)
      expect(states).toEqual(await readChainStates(sqlite.store, 1e9))
      for (const state of states) expect((await verifyChain(postgres.store, state)).published).toEqual({ ok: true })
    } finally {
      await sqlite.store.close()
      await postgres.store.close()
      for (const dir of [sqlite.dir, postgres.dir]) rmSync(dir, { recursive: true, force: true })
    }
  })

  it('records the same chain states for publications made before the chain-state migration', async () => {
    const postgres = await progressStore()
    try {
      const recorded = await readChainStates(postgres.store, 1e9)
      await sql`DROP TABLE publication_chain_state; DELETE FROM editorial_migration WHERE name = '2026-12-07T2140-record-publication-chain-states'`.execute(postgres.store.db)
      await migrateEditorialStore(postgres.store.db, 'postgres')
      expect(await readChainStates(postgres.store, 1e9)).toEqual(recorded)
      expect(await verifyChain(postgres.store)).toMatchObject({ ok: true })
    } finally {
      await postgres.store.close()
      rmSync(postgres.dir, { recursive: true, force: true })
    }
  })
})
