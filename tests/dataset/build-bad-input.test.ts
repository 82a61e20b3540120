import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { createRequire } from 'node:module'
import { projectRoot } from '../../src/config.js'

const require = createRequire(import.meta.url)

const run = promisify(execFile)
const workdir = mkdtempSync(join(tmpdir(), 'open-akkoord-build-'))
const databasePath = join(workdir, 'open-akkoord.sqlite')
const tsx = join(projectRoot, 'node_modules/.bin/tsx')

/** Runs `db:build` as a user would, against a data folder and database of the test's own. */
async function dbBuild(dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli/db-build.ts'], {
      cwd: projectRoot, env: { ...process.env, DATA_DIR: dataDir, DATABASE_PATH: databasePath },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** A copy of the curated data with one file changed by `edit`. */
function brokenData(name: string, file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const dir = join(workdir, name)
  cpSync(join(projectRoot, 'db/data'), dir, { recursive: true })
  const path = join(dir, 'assen-2022-2026', file)
  const doc = parseDocument(readFileSync(path, 'utf8'))
  edit(doc)
  writeFileSync(path, doc.toString({ lineWidth: 0 }))
  return dir
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

beforeAll(async () => {
  const built = await dbBuild(join(projectRoot, 'db/data'))
  expect(built.code, built.stderr).toBe(0)
})
afterAll(() => rmSync(workdir, { recursive: true, force: true }))

const cases: { name: string; file: string; edit: (doc: ReturnType<typeof parseDocument>) => void; expected: RegExp[] }[] = [
  {
    name: 'missing-field', file: 'themes/03-meedoen.yaml',
    edit: (doc) => doc.deleteIn(['topics', 0, 'actions', 0, 'kind']),
    expected: [/themes\/03-meedoen\.yaml/, /action dienstverlening-dichtbij-in-de-buurt/, /kind/],
  },
  {
    name: 'dangling-reference', file: 'budget.yaml',
    edit: (doc) => doc.setIn(['categories', 3, 'budget_lines', 0, 'topics'], ['bestaat-niet']),
    expected: [/budget\.yaml/, /budget line onderzoek-openluchtzwembad/, /unknown topic "bestaat-niet"/],
  },
  {
    name: 'duplicate-slug', file: 'themes/01-ontmoeten.yaml',
    edit: (doc) => doc.setIn(['topics', 1, 'slug'], 'werken-vanuit-de-wijk'),
    expected: [/themes\/01-ontmoeten\.yaml/, /topic werken-vanuit-de-wijk/, /duplicate slug "werken-vanuit-de-wijk"/],
  },
  {
    name: 'unknown-enum', file: 'themes/06-wonen.yaml',
    edit: (doc) => doc.setIn(['topics', 0, 'actions', 0, 'kind'], 'promise'),
    expected: [/themes\/06-wonen\.yaml/, /action versnellen-woningbouw/, /kind/],
  },
  {
    name: 'budget-does-not-sum', file: 'budget.yaml',
    edit: (doc) => doc.setIn(['categories', 0, 'budget_lines', 0, 'amounts', '2023'], 160000),
    expected: [/budget\.yaml/, /totals 2023/, /sum to 11525000 but the published total is 11515000/],
  },
  {
    name: 'quote-not-in-source', file: 'rules.yaml',
    edit: (doc) => doc.setIn(['rules', 1, 'text'], 'De gemeentelijke dienstverlening is gratis.'),
    expected: [/rules\.yaml/, /rule 2/, /not a verbatim quote of source lines 942-942/],
  },
]

describe('db:build on bad input', () => {
  it.each(cases)('$name: exits non-zero naming file, record and problem, and leaves the database untouched', async ({ name, file, edit, expected }) => {
    const before = sha(databasePath)
    const result = await dbBuild(brokenData(name, file, edit))
    expect(result.code).not.toBe(0)
    for (const pattern of expected) expect(result.stderr).toMatch(pattern)
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/)
    expect(sha(databasePath)).toBe(before)
    expect(readdirSync(workdir).filter((f) => f.startsWith('.build-'))).toEqual([])
  })

  it('reports a broken YAML file by name', async () => {
    const dir = join(workdir, 'syntax')
    cpSync(join(projectRoot, 'db/data'), dir, { recursive: true })
    writeFileSync(join(dir, 'assen-2022-2026/rules.yaml'), 'rules:\n  - position: 1\n    text: [unclosed\n')
    const result = await dbBuild(dir)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/rules\.yaml: \(file\)/)
  })
})

describe('db:build on good input', () => {
  it('is idempotent: a second build gives the same data, byte for byte', async () => {
    const dump = () => {
      const out: string[] = []
      const Sqlite = require('better-sqlite3') as typeof import('better-sqlite3')
      const db = new Sqlite(databasePath, { readonly: true })
      for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' ORDER BY name`).all() as { name: string }[]) {
        out.push(name, JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all()))
      }
      db.close()
      return out.join('\n')
    }
    const first = dump()
    const firstBytes = sha(databasePath)
    const result = await dbBuild(join(projectRoot, 'db/data'))
    expect(result.code, result.stderr).toBe(0)
    expect(dump()).toBe(first)
    expect(sha(databasePath)).toBe(firstBytes)
  })
})
