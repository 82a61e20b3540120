import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { openTestStore, readSource } from '../helpers.js'

const store = openTestStore()
afterAll(() => store.db.destroy())
const source = readSource()

/** Every quoted record in the store: its text, its lines, and whether the range must be exact. */
function quotedRecords(): { what: string; text: string; start: number; end: number; tight: boolean }[] {
  const all = (query: string) => store.sqlite.prepare(query).all() as { what: string; text: string; start: number; end: number }[]
  const loose = (query: string) => all(query).map((r) => ({ ...r, tight: false }))
  const tight = (query: string) => all(query).map((r) => ({ ...r, tight: true }))
  return [
    ...loose(`SELECT 'section ' || slug what, text, start_line start, end_line end FROM section`),
    ...loose(`SELECT 'topic ' || slug what, text, start_line start, end_line end FROM topic`),
    ...loose(`SELECT 'topic title ' || slug what, title text, start_line start, end_line end FROM topic`),
    ...tight(`SELECT 'theme heading ' || slug what, heading_text text, heading_start_line start, heading_end_line end FROM theme`),
    ...tight(`SELECT 'theme vision ' || slug what, vision_text text, vision_start_line start, vision_end_line end FROM theme WHERE vision_text IS NOT NULL`),
    ...tight(`SELECT 'theme short vision ' || slug what, vision_short_text text, vision_short_start_line start, vision_short_end_line end FROM theme WHERE vision_short_text IS NOT NULL`),
    ...tight(`SELECT 'action ' || slug what, text, start_line start, end_line end FROM action`),
    ...tight(`SELECT 'target ' || slug what, text, start_line start, end_line end FROM target`),
    ...tight(`SELECT 'rule ' || position what, text, start_line start, end_line end FROM rule`),
    ...tight(`SELECT 'budget category ' || slug what, name text, start_line start, end_line end FROM budget_category`),
    ...tight(`SELECT 'budget line ' || slug what, text, start_line start, end_line end FROM budget_line`),
    ...tight(`SELECT 'budget total ' || year what, text, start_line start, end_line end FROM budget_total`),
    ...tight(`SELECT 'responsibility ' || slug what, name text, start_line start, end_line end FROM responsibility`),
    ...tight(`SELECT 'district ' || slug what, text, start_line start, end_line end FROM district`),
    ...tight(`SELECT 'district name ' || slug what, name text, start_line start, end_line end FROM district`),
    ...tight(`SELECT 'person ' || slug what, name text, start_line start, end_line end FROM person`),
    ...tight(`SELECT 'artifact ' || id what, text, start_line start, end_line end FROM source_artifact`),
  ]
}

describe('provenance', () => {
  it('builds on a byte-identical copy of the published text', () => {
    const bytes = readFileSync(join(projectRoot, 'db/source/bestuursakkoord-assen-2022-2026.txt'))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe('5b29bacfb07aa7f7867942efb1e082fef8dc5096e7baf8ce0e6cce12d53e454d')
    expect(source.lineCount).toBe(1178)
  })

  it('quotes every stored text verbatim from its source lines', () => {
    const records = quotedRecords()
    expect(records.length).toBeGreaterThan(450)
    const wrong = records.filter((r) => !source.quotes(r.text, r.start, r.end, r.tight)).map((r) => `${r.what} (${r.start}-${r.end})`)
    expect(wrong).toEqual([])
  })

  it('rejects a quote that differs from the source by one letter', () => {
    expect(source.quotes('We maken de pilot basisbanen structureel.', 539, 539, true)).toBe(true)
    expect(source.quotes('We maken de pilot basisbanen structureeel.', 539, 539, true)).toBe(false)
    expect(source.quotes('We maken de pilot basisbanen structureel.', 538, 539, true)).toBe(false)
  })

  it('accounts for every non-blank line of the document', () => {
    const covered = new Set<number>()
    for (const r of quotedRecords()) for (let line = r.start; line <= r.end; line++) covered.add(line)
    const missing = source.lines.map((text, i) => ({ line: i + 1, text })).filter(({ line, text }) => text.trim() !== '' && !covered.has(line))
    expect(missing).toEqual([])
  })
})
