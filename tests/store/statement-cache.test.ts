import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { statementCache } from '../../src/store/statement-cache.js'

let open: SQLite.Database[] = []
afterEach(() => {
  for (const db of open) db.close()
  open = []
})

function memory(): SQLite.Database {
  const db = new SQLite(':memory:')
  open.push(db)
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO item (name) VALUES (\'a\'), (\'b\'), (\'c\')')
  return db
}

describe('statementCache', () => {
  it('hands out the same statement for the same SQL text', () => {
    const cache = statementCache(memory())
    const first = cache.prepare('SELECT * FROM item')
    expect(cache.prepare('SELECT * FROM item')).toBe(first)
    expect(cache.prepare('SELECT name FROM item')).not.toBe(first)
  })

  it('prepares a fresh statement while the cached one still iterates, so a nested query of the same text works', () => {
    const cache = statementCache(memory())
    const text = 'SELECT id FROM item ORDER BY id'
    const outer = cache.prepare(text)
    const pairs: [number, number][] = []
    for (const row of outer.iterate() as Iterable<{ id: number }>) {
      const inner = cache.prepare(text)
      expect(inner).not.toBe(outer)
      pairs.push([row.id, (inner.all() as { id: number }[]).length])
    }
    expect(pairs).toEqual([[1, 3], [2, 3], [3, 3]])
    expect(cache.prepare(text)).toBe(outer)
  })

  it('drops the least recently used text first when full', () => {
    const cache = statementCache(memory(), 2)
    const a = cache.prepare('SELECT 1')
    const b = cache.prepare('SELECT 2')
    expect(cache.prepare('SELECT 1')).toBe(a)
    cache.prepare('SELECT 3')
    expect(cache.prepare('SELECT 1')).toBe(a)
    expect(cache.prepare('SELECT 2')).not.toBe(b)
  })

  it('serves Kysely queries and streams, and sees rows written after the statement was prepared', async () => {
    const db = new Kysely<{ item: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: statementCache(memory()) }) })
    const query = () => db.selectFrom('item').select(['id', 'name']).where('id', '>', 1).orderBy('id')
    expect(await query().execute()).toEqual([{ id: 2, name: 'b' }, { id: 3, name: 'c' }])
    // Kysely holds its one SQLite connection while a stream is read, so a query waits for the stream's end.
    const streamed: string[] = []
    for await (const row of query().stream()) streamed.push(row.name)
    expect(streamed).toEqual(['b', 'c'])
    await sql`INSERT INTO item (name) VALUES (${'d'})`.execute(db)
    expect((await query().execute()).map((r) => r.name)).toEqual(['b', 'c', 'd'])
    await db.destroy()
    open = []
  })
})
