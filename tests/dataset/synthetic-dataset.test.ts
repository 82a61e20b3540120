import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadAgreements, writeDatabase } from '../../src/build/build-database.js'
import { loadConfig, projectRoot } from '../../src/config.js'
import { openDatabase } from '../../src/store/open-database.js'
import { nationalDataset } from '../../src/synthetic/synthesize-agreement.js'

const dir = mkdtempSync(join(tmpdir(), 'open-akkoord-synthetic-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const real = loadAgreements({ dataDir: loadConfig({}).dataDir, databasePath: '', root: projectRoot })
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the synthetic national dataset', () => {
  it('is seeded and deterministic, and shaped like the real agreement', async () => {
    const a = await writeDatabase(nationalDataset(real, 5, 7), join(dir, 'a.sqlite'))
    const b = await writeDatabase(nationalDataset(real, 5, 7), join(dir, 'b.sqlite'))
    const c = await writeDatabase(nationalDataset(real, 5, 8), join(dir, 'c.sqlite'))
    expect(a.agreements).toHaveLength(6)
    expect(a.agreements[0]).toBe('assen-2022-2026')
    expect(new Set(a.agreements).size).toBe(6)
    expect(sha(a.databasePath)).toBe(sha(b.databasePath))
    expect(sha(a.databasePath)).not.toBe(sha(c.databasePath))
    const { sqlite, db } = openDatabase(a.databasePath, { readonly: true })
    try {
      const perAgreement = sqlite.prepare('SELECT agreement_id, count(*) n FROM action GROUP BY agreement_id').all() as { n: number }[]
      expect(perAgreement.map((r) => r.n)).toEqual(Array(6).fill(185))
      const unbalanced = sqlite.prepare(`SELECT t.agreement_id, t.year FROM budget_total t
        JOIN (SELECT l.agreement_id, a.year, sum(a.amount) s FROM budget_amount a JOIN budget_line l ON l.id = a.budget_line_id GROUP BY 1, 2) c
        ON c.agreement_id = t.agreement_id AND c.year = t.year WHERE c.s <> t.amount`).all()
      expect(unbalanced).toEqual([])
      expect(sqlite.pragma('foreign_key_check')).toEqual([])
    } finally {
      await db.destroy()
    }
  })
})

describe('search across many agreements', () => {
  it('finds only the asked agreement’s documents, each once', async () => {
    const { countSearchMatches, searchRecords, searchTerms } = await import('../../src/read-model/search-records.js')
    const built = await writeDatabase(nationalDataset(real, 5, 11), join(dir, 'search.sqlite'))
    const { sqlite, db } = openDatabase(built.databasePath, { readonly: true })
    try {
      const terms = searchTerms('zwembad')
      const ids = sqlite.prepare('SELECT id FROM agreement ORDER BY id').pluck().all() as number[]
      expect(ids).toHaveLength(6)
      for (const id of ids) {
        const rows = await searchRecords(db, id, terms, { offset: 0, limit: 100 })
        expect(rows.length).toBeGreaterThan(0)
        expect(rows).toHaveLength(await countSearchMatches(db, id, terms))
        const owners = sqlite.prepare(`SELECT DISTINCT agreement_id FROM search_document WHERE id IN (${rows.map((r) => r.documentId).join(',')})`).pluck().all()
        expect(owners).toEqual([id])
      }
    } finally {
      await db.destroy()
    }
  })
})
