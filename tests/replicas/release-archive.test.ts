import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, projectRoot } from '../../src/config.js'
import { advisoryKey, withAdvisoryLock } from '../../src/editorial/advisory-lock.js'
import { openEditorialStore, type EditorialStore } from '../../src/editorial/open-editorial-store.js'
import { ensurePublication } from '../../src/publication/ensure-publication.js'
import { currentRelease } from '../../src/publication/release-store.js'
import { baseUrl, publisherName, publisherUri } from '../publication/publication-fixture.js'
import { progressPublisher } from './postgres-progress.js'
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../../bench/private-postgres.js'

const bin = postgresBinaries()
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every served file of a release folder (hidden ones are never served) with its SHA-256 and modification time. */
const served = (folder: string): Record<string, string> => Object.fromEntries(readdirSync(folder, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => {
    const path = join(e.parentPath, e.name)
    return [path.slice(folder.length), `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`] as const
  }).sort())

describe.skipIf(bin === null)('releases shared by replicas through PostgreSQL (private PostgreSQL)', { timeout: 300_000 }, () => {
  let server: PrivatePostgres
  let url: string
  let editorial: EditorialStore
  let publishAssessment: Awaited<ReturnType<typeof progressPublisher>>
  const folders: string[] = []
  const replica = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'open-akkoord-replica-'))
    folders.push(dir)
    return join(dir, 'publication')
  }
  const ensure = (publicationDir: string) => ensurePublication({
    publicationDir, root: projectRoot, databasePath: loadConfig({}).databasePath, baseUrl, publisherUri, publisherName, editorial,
  })
  const builds = async () => (await sql<{ version: string; publication_generation: string }>`SELECT version, publication_generation FROM release_build ORDER BY id`.execute(editorial.db)).rows

  beforeAll(async () => {
    server = await startPrivatePostgres(bin!)
    url = await server.createDatabase('archive')
    // The PostgreSQL editorial store: its migrations make the release archive too.
    editorial = await openEditorialStore(url)
    publishAssessment = await progressPublisher(editorial)
    await publishAssessment('2026-02-11', 'nieuw-jongerenbeleid-met-asser-jeugd', 'IN_PROGRESS')
  })
  afterAll(async () => {
    await editorial?.close()
    server?.destroy()
    for (const dir of folders) rmSync(dir, { recursive: true, force: true })
  })

  it('renders each release once, whichever replicas ask at once, and every replica serves the same bytes', async () => {
    const [a, b] = [await replica(), await replica()]
    // Two replicas start together with nothing published: one renders, the other copies.
    const first = await Promise.all([ensure(a), ensure(b)])
    expect(first.filter((w) => w !== null)).toHaveLength(1)
    expect(await builds()).toHaveLength(1)
    expect(served(currentRelease(b))).toEqual(served(currentRelease(a)))
    // Asked again, neither has anything to do.
    expect(await Promise.all([ensure(a), ensure(b)])).toEqual([null, null])

    // Progress published on a later day: a new release, rendered once, with the same version notes and history everywhere.
    await publishAssessment('2026-12-02', 'pilot-basisbanen-structureel', 'IN_PROGRESS')
    const second = await Promise.all([ensure(b), ensure(a)])
    expect(second.filter((w) => w !== null)).toHaveLength(1)
    expect((await builds()).map((r) => r.version)).toEqual([first.find((w) => w)!.result.version, '2026-12-02'])
    expect(served(currentRelease(a))).toEqual(served(currentRelease(b)))
    expect(realpathSync(currentRelease(a))).not.toBe(realpathSync(currentRelease(b)))

    // A third replica started later, with an empty disk, gets both releases and serves the same bytes as the first two.
    const c = await replica()
    expect(await ensure(c)).toBeNull()
    expect(served(currentRelease(c))).toEqual(served(currentRelease(a)))
    expect(readdirSync(join(c, 'releases')).sort()).toEqual(readdirSync(join(a, 'releases')).sort())
    for (const version of readdirSync(join(a, 'releases'))) expect(served(join(c, 'releases', version))).toEqual(served(join(a, 'releases', version)))
  })

  it('keeps the archive append-only', async () => {
    await expect(sql`UPDATE release_file SET content = ''::bytea`.execute(editorial.db)).rejects.toThrow(/append-only/)
    await expect(sql`DELETE FROM release_build`.execute(editorial.db)).rejects.toThrow(/append-only|foreign key/)
    await expect(sql`TRUNCATE release_file`.execute(editorial.db)).rejects.toThrow(/append-only/)
  })

  it('frees the writer\'s lock when its holder is killed with SIGKILL, and the next writer goes ahead', async () => {
    const name = 'open-akkoord: publication writer'
    // Another process takes the lock and hangs, as a replica killed in the middle of rendering a release would.
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `
      import pg from 'pg'
      const client = new pg.Client({ connectionString: ${JSON.stringify(url)} })
      await client.connect()
      await client.query('SELECT pg_advisory_lock($1)', [${JSON.stringify(String(advisoryKey(name)))}])
      process.stdout.write('locked')
      setInterval(() => {}, 1000)`], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] })
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', () => resolve())
      holder.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)))
    })
    let ran = false
    const waiting = withAdvisoryLock(editorial.db, name, async () => { ran = true })
    await pause(500)
    expect(ran).toBe(false)
    holder.kill('SIGKILL')
    await waiting
    expect(ran).toBe(true)
  })
})
