import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './child-process.js'

/**
 * A PostgreSQL server of a test's own: a cluster made with initdb in a
 * temporary folder, on a free port, thrown away afterwards. Tests may stop
 * and start it; the machine's shared server is never touched.
 */
export interface PrivatePostgres {
  /** A URL of the server's `postgres` database. */
  readonly url: string
  readonly port: number
  /** A URL of a new, empty database on this server. */
  createDatabase(name: string): Promise<string>
  stop(): void
  start(): void
  /** Stops the server and removes its folder. */
  destroy(): void
}

/** The folder of the PostgreSQL server programs (initdb, pg_ctl), or null when none is installed. */
export function postgresBinaries(): string | null {
  const candidates: string[] = []
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim())
  } catch {
    // pg_config is in libpq-dev; Debian's server package puts its programs under /usr/lib/postgresql/<major>/bin.
  }
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) candidates.push(...readdirSync(debian).sort((a, b) => Number(b) - Number(a)).map((major) => join(debian, major, 'bin')))
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null
  if (!found) console.warn('PostgreSQL server programs (initdb, pg_ctl) not found: the PostgreSQL tests and bench are skipped. Install them with `apt-get install postgresql` (.ci/run does).')
  return found
}

/** initdb refuses to run as root: then the server runs as the `postgres` OS user, which owns its folder. */
function asServerUser(folder: string): (program: string, args: string[]) => void {
  const root = userInfo().uid === 0
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(folder, uid, gid)
  }
  return (program, args) => {
    if (root) execFileSync('runuser', ['-u', 'postgres', '--', program, ...args], { stdio: 'ignore' })
    else execFileSync(program, args, { stdio: 'ignore' })
  }
}

/** Makes and starts a private PostgreSQL cluster (about a second and a half). */
export async function startPrivatePostgres(bin: string): Promise<PrivatePostgres> {
  const folder = mkdtempSync(join(tmpdir(), 'open-akkoord-pg-'))
  const data = join(folder, 'data')
  const port = await freePort()
  const run = asServerUser(folder)
  // Durability is not what these tests are about: no fsync keeps them fast on a shared disk.
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'])
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', 'start'])
  const stop = () => run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
  start()
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let running = true
  return {
    url, port,
    createDatabase: async (name) => {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`${name} is not a plain database name`)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    stop: () => { stop(); running = false },
    start: () => { start(); running = true },
    destroy: () => {
      if (running) stop()
      running = false
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
