import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, spawnTsx } from './child-process.js'

/** A synthetic database of the scale run. */
export interface SyntheticDatabase {
  scale: number
  path: string
  bytes: number
  /** How long `npm run db:synthetic` took to build it (measured when it was built, kept beside it). */
  buildMs: number
  reused: boolean
}

// What a synthetic database is made from: when any of it is newer than the file, the file is rebuilt.
const inputs = ['db/data', 'db/source', 'src/synthetic', 'src/build', 'src/store']

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/**
 * The database of the real agreement plus scale-1 synthetic ones, in dir:
 * reused when present and newer than its inputs, else built with
 * `db:synthetic` in a child process and timed.
 */
export async function ensureSyntheticDatabase(scale: number, dir: string): Promise<SyntheticDatabase> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `synthetic-${scale}x.sqlite`)
  const meta = `${path}.build.json`
  const newestInput = Math.max(...inputs.map((input) => newestMtime(join(root, input))))
  if (existsSync(path) && existsSync(meta) && statSync(path).mtimeMs > newestInput) {
    const { buildMs } = JSON.parse(readFileSync(meta, 'utf8')) as { buildMs: number }
    return { scale, path, bytes: statSync(path).size, buildMs, reused: true }
  }
  const started = performance.now()
  const child = spawnTsx('src/cli/db-synthetic.ts', ['--scale', String(scale), '--out', path])
  child.stdout!.resume()
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const code = await new Promise<number | null>((done) => child.once('exit', done))
  if (code !== 0) throw new Error(`db:synthetic --scale ${scale} exited ${code}: ${stderr.slice(-800)}`)
  const buildMs = performance.now() - started
  writeFileSync(meta, JSON.stringify({ buildMs }))
  return { scale, path, bytes: statSync(path).size, buildMs, reused: false }
}

