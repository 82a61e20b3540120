import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { StoreHolder } from '../../src/server/store-holder.js'
import { DatabaseCheckError, openCheckedDatabase } from '../../src/store/check-database.js'
import { seededRandom } from '../../src/synthetic/seeded-random.js'
import { startTestServer, temporaryDir } from '../api/support.js'

const good = loadConfig({}).databasePath
const scratch = temporaryDir('database-check')
afterAll(() => scratch.remove())
let files = 0

/** A copy of the built database, changed by `damage` (bytes or SQL), at a path of its own. */
function damaged(damage: (path: string) => void): string {
  const path = join(scratch.dir, `db-${files++}.sqlite`)
  copyFileSync(good, path)
  damage(path)
  return path
}

/** Overwrites one page of an index with seeded random bytes: the file still opens and most queries still work. */
function corruptIndexPage(path: string): void {
  const sqlite = new SQLite(path, { readonly: true })
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  const { rootpage } = sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name LIMIT 1").get() as { rootpage: number }
  sqlite.close()
  const bytes = readFileSync(path)
  const random = seededRandom(15)
  for (let i = 0; i < pageSize; i++) bytes[(rootpage - 1) * pageSize + i] = Math.floor(random() * 256)
  writeFileSync(path, bytes)
}

const withSql = (sql: string) => (path: string) => {
  const sqlite = new SQLite(path)
  sqlite.pragma('foreign_keys = OFF')
  sqlite.exec(sql)
  sqlite.close()
}

const badFiles: [string, (path: string) => void, RegExp][] = [
  ['truncated to half', (path) => writeFileSync(path, readFileSync(path).subarray(0, Math.floor(readFileSync(path).length / 2))), /integrity check/],
  ['empty', (path) => writeFileSync(path, ''), /not an Open Akkoord database/],
  ['garbage', (path) => writeFileSync(path, Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7919) % 256))), /integrity check: file is not a database/],
  ['one corrupted index page', corruptIndexPage, /integrity check/],
  ['of an older schema version', withSql("DELETE FROM kysely_migration WHERE name = (SELECT max(name) FROM kysely_migration)"), /schema version/],
  ['without an agreement', withSql('DELETE FROM agreement'), /holds no agreement/],
]

describe('checking a database before it serves', () => {
  it('accepts the built database', () => {
    openCheckedDatabase(good).sqlite.close()
  })

  it.each(badFiles)('refuses a file %s, naming the file and the problem', (_name, damage, problem) => {
    const path = damaged(damage)
    let error: unknown
    try {
      openCheckedDatabase(path).sqlite.close()
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(DatabaseCheckError)
    expect((error as DatabaseCheckError).message).toContain(path)
    expect((error as DatabaseCheckError).problem).toMatch(problem)
  })

  it('keeps the good database in service when SIGHUP finds a bad one in its place', async () => {
    const path = join(scratch.dir, 'serving.sqlite')
    copyFileSync(good, path)
    const holder = new StoreHolder(path)
    try {
      for (const [name, damage] of badFiles) {
        renameSync(damaged(damage), path)
        expect(() => holder.reopen(), name).toThrow(DatabaseCheckError)
        expect(holder.generation, name).toBe(1)
        expect(await holder.ping(), name).toBe(true)
      }
      copyFileSync(good, path + '.new')
      renameSync(path + '.new', path)
      expect(holder.reopen()).toBe(2)
    } finally {
      holder.closeAll()
    }
  })

  it('answers every request from the good database after a reopen onto a bad one, and stays ready', async () => {
    const path = join(scratch.dir, 'server.sqlite')
    copyFileSync(good, path)
    const server = await startTestServer({ DATABASE_PATH: path })
    try {
      renameSync(damaged(corruptIndexPage), path)
      server.running.reopenDatabase()
      const answer = await fetch(`${server.base}/graphql?query=${encodeURIComponent('{ actions(first: 100) { totalCount edges { node { text } } } }')}`)
      expect(answer.status).toBe(200)
      expect((await answer.json()).data.actions.edges).toHaveLength(100)
      expect((await fetch(`${server.base}/readyz`)).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('does not start on a bad database, and writes no publication from it', async () => {
    const path = damaged(corruptIndexPage)
    const publication = join(scratch.dir, 'publication')
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
      cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_PATH: path, PUBLICATION_DIR: publication },
    })
    let stdout = ''
    child.stdout!.on('data', (chunk) => { stdout += chunk })
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
    expect(code).toBe(1)
    const fatal = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line)).find((entry) => entry.level === 60)
    expect(fatal).toMatchObject({ msg: expect.stringContaining('failed its check'), database: path, problem: expect.stringMatching(/integrity/) })
    expect(existsSync(publication) ? readdirSync(publication) : []).toEqual([])
  })
})
