import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publicationTables, tablePath } from '../../src/publication/tables.js'
import { compareReleases, versionNotesMarkdown, versionNotesSummary } from '../../src/publication/version-notes.js'

const themes = publicationTables.find((t) => t.name === 'themes')!
let parent: string

/** Writes a release folder holding only the themes table as NDJSON, rows in the order given. */
function release(name: string, rows: Record<string, unknown>[]): string {
  const directory = join(parent, name)
  const path = join(directory, tablePath(themes, 'ndjson'))
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, rows.map((row) => `${JSON.stringify(row)}\n`).join(''))
  return directory
}

const theme = (n: number, name = `Thema ${n}`) => ({ id: `T${n}`, slug: `thema-${n}`, name, position: n })

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'open-akkoord-notes-test-'))
})

afterAll(async () => {
  await rm(parent, { recursive: true, force: true })
})

describe('version notes between two releases', () => {
  it('count every added, removed and changed record, name the first ones in file order, and say how many more', async () => {
    // 1-40 before; after: 1-10 as they were, 11-40 renamed (30 changed), 41-55 new (15 added), and 56-69 gone from before (14 removed).
    const before = release('before', [...Array.from({ length: 40 }, (_, i) => theme(i + 1)), ...Array.from({ length: 14 }, (_, i) => theme(i + 56))])
    const after = release('after', [
      ...Array.from({ length: 10 }, (_, i) => theme(i + 1)),
      ...Array.from({ length: 30 }, (_, i) => theme(i + 11, `Nieuwe naam ${i + 11}`)),
      // Reversed, so the order named is the file's, not the keys'.
      ...Array.from({ length: 15 }, (_, i) => theme(55 - i)),
    ])
    const changes = await compareReleases(before, after, [themes])
    const summary = versionNotesSummary('2026-12-08', '2026-12-07', changes)
    expect(summary).toBe('Versie 2026-12-08, vergeleken met versie 2026-12-07. Thema\'s: 15 nieuwe records, 14 vervallen records, 30 gewijzigde records.')
    const notes = versionNotesMarkdown('2026-12-08', '2026-12-07', changes).split('\n')
    expect(notes).toContain(`- Nieuw: ${Array.from({ length: 12 }, (_, i) => `thema-${55 - i}`).join(', ')} en 3 meer`)
    expect(notes).toContain(`- Vervallen: ${Array.from({ length: 12 }, (_, i) => `thema-${56 + i}`).join(', ')} en 2 meer`)
    const changed = notes.filter((line) => line.startsWith('- Gewijzigd: '))
    expect(changed).toHaveLength(24)
    expect(changed[0]).toBe('- Gewijzigd: thema-11: naam (`name`)')
    expect(notes).toContain('- En nog 6 gewijzigde records.')
  })

  it('find nothing to say between a release and an identical copy, and read a table missing from the old release as all new', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => theme(i + 1))
    const same = await compareReleases(release('a', rows), release('b', rows), [themes])
    expect(versionNotesSummary('2026-12-08', '2026-12-07', same)).toContain('de gegevens zijn gelijk aan versie 2026-12-07')
    mkdirSync(join(parent, 'empty'))
    const fresh = await compareReleases(join(parent, 'empty'), release('c', rows), [themes])
    expect(versionNotesSummary('2026-12-08', '2026-12-07', fresh)).toContain('Thema\'s: 5 nieuwe records')
  })
})
