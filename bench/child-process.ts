import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'

/** The project root; every bench child runs from here. */
export const root = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** A child that ended badly: names the script, its exit code and the tail of its stderr. */
export class ChildFailedError extends Error {
  override readonly name = 'ChildFailedError'
}

/**
 * Spawns a TypeScript file in a fresh node (through tsx's loader, so the pid is
 * the process doing the work, not an npx wrapper whose memory would be measured instead),
 * with exactly the environment given.
 */
export function spawnTsx(script: string, args: readonly string[] = [], env: Record<string, string> = {}, nodeArgs: readonly string[] = [], cwd = root): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    // Only the settings given: a DATABASE_PATH or PORT in the shell running the bench must not leak into what it measures.
    cwd, env, stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs a TypeScript child to its end (in cwd: another checkout for a baseline; with node's flags) and returns the JSON its last stdout line holds. */
export async function runTsxJson<T>(script: string, args: readonly string[] = [], env: Record<string, string> = {}, cwd = root, nodeArgs: readonly string[] = []): Promise<T> {
  const child = spawnTsx(script, args, env, nodeArgs, cwd)
  let out = ''
  let err = ''
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString() })
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)))
  if (code !== 0) throw new ChildFailedError(`${script} ${args.join(' ')} exited ${code}: ${err.slice(-800)}`)
  const last = out.trim().split('\n').pop() ?? ''
  return JSON.parse(last) as T
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((done) => server.close(() => done()))
  return port
}

/** Resident memory of a running process in bytes (VmRSS of /proc/PID/status, Linux). */
export async function residentBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const match = /VmRSS:\s+(\d+) kB/.exec(status)
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1]) * 1024
}

/** CPU seconds (user + system) a running process has used so far (/proc/PID/stat, Linux). */
export async function cpuSeconds(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises')
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
