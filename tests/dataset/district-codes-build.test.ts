import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { projectRoot } from '../../src/config.js'
import { publicationQuads } from '../../src/publication/rdf-quads.js'
import { tableRows, type TableSources } from '../../src/publication/table-sources.js'
import { publicationTables } from '../../src/publication/tables.js'
import { ownNamespace } from '../../src/publication/own-terms.js'
import { openDatabase } from '../../src/store/open-database.js'

/**
 * The build takes a district's CBS codes only in Assen's form (WK0106dd,
 * BU0106dddd) with the year of the CBS list they were checked against, and
 * a reason where there are none. Run as a user runs `db:build`, on copies of
 * the data in a temporary folder; the codes below are made-up forms for the
 * test, not Assen's codes.
 */
const run = promisify(execFile)
const workdir = mkdtempSync(join(tmpdir(), 'open-akkoord-cbs-build-'))
const tsx = join(projectRoot, 'node_modules/.bin/tsx')
afterAll(() => rmSync(workdir, { recursive: true, force: true }))

async function dbBuild(dataDir: string, databasePath: string): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(tsx, ['src/cli/db-build.ts'], { cwd: projectRoot, env: { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: databasePath } })
    return { code: 0, stderr }
  } catch (error) {
    const e = error as { code: number; stderr: string }
    return { code: e.code, stderr: e.stderr }
  }
}

type Cbs = { wijk_code: string | null; buurt_codes: string[]; list_year: number | null; reason: string | null }

/** A copy of the data in which the districts named get these `cbs` blocks. */
function dataWith(name: string, blocks: Record<string, Cbs>): string {
  const dir = join(workdir, name)
  cpSync(join(projectRoot, 'db/data'), dir, { recursive: true })
  const path = join(dir, 'assen-2022-2026/portfolios.yaml')
  const doc = parseDocument(readFileSync(path, 'utf8'))
  const portfolios = doc.toJS().portfolios as { districts: { slug: string }[] }[]
  for (const [p, portfolio] of portfolios.entries()) {
    for (const [d, district] of portfolio.districts.entries()) {
      if (blocks[district.slug]) doc.setIn(['portfolios', p, 'districts', d, 'cbs'], doc.createNode(blocks[district.slug]))
    }
  }
  writeFileSync(path, doc.toString({ lineWidth: 0 }))
  return dir
}

const coded: Cbs = { wijk_code: 'WK010642', buurt_codes: ['BU01064201', 'BU01064202'], list_year: 2024, reason: null }
const cases: { name: string; blocks: Record<string, Cbs>; expected: RegExp }[] = [
  { name: 'short-wijk-code', blocks: { peelo: { ...coded, wijk_code: 'WK106' } }, expected: /district peelo.*must be a CBS wijk code of Assen/ },
  { name: 'other-municipality', blocks: { peelo: { ...coded, wijk_code: 'WK036301', buurt_codes: [] } }, expected: /district peelo.*must be a CBS wijk code of Assen/ },
  { name: 'buurt-code-as-wijk', blocks: { peelo: { ...coded, wijk_code: 'BU01064201' } }, expected: /district peelo.*must be a CBS wijk code of Assen/ },
  { name: 'short-buurt-code', blocks: { peelo: { ...coded, buurt_codes: ['BU0106420'] } }, expected: /district peelo.*must be a CBS buurt code of Assen/ },
  { name: 'no-year', blocks: { peelo: { ...coded, list_year: null } }, expected: /district peelo.*the year of the CBS list/ },
  { name: 'no-reason', blocks: { peelo: { wijk_code: null, buurt_codes: [], list_year: null, reason: null } }, expected: /district peelo.*says why \(reason\)/ },
  { name: 'buurt-outside-wijk', blocks: { peelo: { ...coded, buurt_codes: ['BU01064301'] } }, expected: /district peelo.*lies in the district's wijk/ },
  { name: 'code-on-two-districts', blocks: { peelo: coded, pittelo: { ...coded, buurt_codes: [] } }, expected: /district pittelo.*CBS code WK010642 is also district peelo's/ },
]

describe('db:build and the CBS codes of a district', () => {
  it.each(cases)('$name: refused, naming the file, the district and the problem', async ({ name, blocks, expected }) => {
    const databasePath = join(workdir, `${name}.sqlite`)
    const result = await dbBuild(dataWith(name, blocks), databasePath)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/portfolios\.yaml/)
    expect(result.stderr).toMatch(expected)
  })

  it('takes well-formed codes with their year into the store, the CSV columns and RDF (a triple per code)', async () => {
    const databasePath = join(workdir, 'coded.sqlite')
    const result = await dbBuild(dataWith('coded', { peelo: coded }), databasePath)
    expect(result.code, result.stderr).toBe(0)
    const store = openDatabase(databasePath, { readonly: true })
    try {
      const sources = { db: store.db } as unknown as TableSources
      const table = publicationTables.find((t) => t.name === 'districts')!
      const cells: Record<string, unknown>[] = []
      for await (const row of tableRows(table, sources)) cells.push(Object.fromEntries(table.columns.map((c) => [c.name, c.value(row)])))
      const code = (slug: string) => cells.filter((c) => c.slug === slug).map((c) => [c.cbs_wijk_code, c.cbs_buurt_codes, c.cbs_code_year, c.cbs_code_reason])
      expect(code('peelo')).toEqual([['WK010642', 'BU01064201 BU01064202', 2024, null]])
      expect(code('pittelo')[0]!.slice(0, 3)).toEqual([null, null, null])

      const quads = []
      for await (const q of publicationQuads(sources, [table], 'https://example.org')) if (q.predicate.value.startsWith(`${ownNamespace}cbs`)) quads.push(q)
      const peelo = quads.filter((q) => q.subject.value.endsWith('/peelo')).map((q) => [q.predicate.value.slice(ownNamespace.length), q.object.value, (q.object as { datatype?: { value: string } }).datatype?.value.split('#')[1]])
      expect(peelo).toEqual([
        ['cbsWijkCode', 'WK010642', 'string'], ['cbsBuurtCode', 'BU01064201', 'string'], ['cbsBuurtCode', 'BU01064202', 'string'], ['cbsCodeYear', '2024', 'gYear'],
      ])
    } finally {
      await store.db.destroy()
    }
  })
})
