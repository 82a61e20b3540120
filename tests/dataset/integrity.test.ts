import { afterAll, describe, expect, it } from 'vitest'
import { openTestStore } from '../helpers.js'

const { sqlite, db } = openTestStore()
afterAll(() => db.destroy())
const rows = (query: string) => sqlite.prepare(query).all() as Record<string, unknown>[]

describe('referential integrity', () => {
  it('enforces foreign keys, and every reference resolves', () => {
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(rows('PRAGMA foreign_key_check')).toEqual([])
    expect(rows('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  })

  it('refuses rows that break the data rules', () => {
    const write = new (sqlite.constructor as typeof import('better-sqlite3'))(':memory:')
    try {
      write.pragma('foreign_keys = ON')
      for (const table of ['agreement', 'theme', 'budget_category', 'budget_line', 'budget_amount']) {
        write.exec(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(table) as string)
      }
      write.exec(`INSERT INTO agreement VALUES (1, 'a', 't', 's', 'm', 2022, 2026, '2022-06-16', 'f', '${'0'.repeat(64)}', 1, '2026-01-01', 'CC0-1.0', 'nl')`)
      write.exec(`INSERT INTO budget_category VALUES (1, 1, 'c', 'C', 1, 1, 1)`)
      write.exec(`INSERT INTO budget_line VALUES (1, 1, 1, NULL, 'l', 'l', 'L', 1, 'l 1', 1, 1)`)
      expect(() => write.exec(`INSERT INTO budget_amount VALUES (1, 2023, 1.5, 0, 0, NULL)`)).toThrow(/CHECK/)
      expect(() => write.exec(`INSERT INTO budget_amount VALUES (1, 2023, 100, 0, 1, NULL)`)).toThrow(/CHECK/)
      expect(() => write.exec(`INSERT INTO budget_amount VALUES (9, 2023, 100, 0, 0, NULL)`)).toThrow(/FOREIGN KEY/)
      expect(() => write.exec(`INSERT INTO agreement VALUES (2, 'a', 't', 's', 'm', 2022, 2026, '2022-06-16', 'f', '${'0'.repeat(64)}', 1, '2026-01-01', 'CC0-1.0', 'nl')`)).toThrow(/UNIQUE/)
      expect(() => write.exec(`INSERT INTO agreement VALUES (3, 'b', 't', 's', 'm', 2026, 2022, '2022-06-16', 'f', '${'0'.repeat(64)}', 1, '2026-01-01', 'CC0-1.0', 'nl')`)).toThrow(/CHECK/)
    } finally {
      write.close()
    }
  })

  it('indexes every searchable record in the full-text index', () => {
    const documents = sqlite.prepare('SELECT count(*) FROM search_document').pluck().get() as number
    const actions = sqlite.prepare('SELECT count(*) FROM action').pluck().get() as number
    expect(documents).toBeGreaterThan(actions)
    // Every document is in the index, under its agreement's scoped tokens ("a1_zwembad").
    expect(sqlite.prepare('SELECT count(*) FROM search_fts').pluck().get()).toBe(documents)
    const agreement = sqlite.prepare('SELECT id FROM agreement').pluck().get() as number
    expect(sqlite.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH '"a${agreement}_zwembad"'`).pluck().get()).toBeGreaterThan(0)
    expect(sqlite.prepare(`SELECT count(*) FROM search_fts WHERE search_fts MATCH '"a${agreement}_financien"'`).pluck().get()).toBeGreaterThan(0)
  })
})
