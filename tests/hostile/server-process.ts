import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { projectRoot } from '../../src/config.js'
import { freePort, residentBytes } from '../../bench/child-process.js'
import { temporaryDir } from '../api/support.js'

/** A server running in a process of its own: a crash shows as an exit, and its memory is its own. */
export interface ServerProcess {
  base: URL
  child: ChildProcess
  /** What it wrote to stderr so far. */
  stderr(): string
  /** Its resident memory now (VmRSS). */
  rss(): Promise<number>
  stop(): Promise<void>
}

/** Starts `npm start`'s entry point with the given settings (and node flags) and waits until it answers a query. */
export async function startServerProcess(env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<ServerProcess> {
  const port = await freePort()
  // Its publication and editorial store in a temporary folder: never the project's own.
  const folder = temporaryDir('server-process')
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli/start.ts'], {
    cwd: projectRoot, stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SHUTDOWN_GRACE_MS: '0',
      PUBLICATION_DIR: join(folder.dir, 'publication'), EDITORIAL_DATABASE: join(folder.dir, 'editorial.sqlite'), ...env,
    },
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const base = new URL(`http://127.0.0.1:${port}`)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await new Promise((done) => child.once('exit', done))
    }
    folder.remove()
  }
  for (let tries = 0; tries < 600; tries++) {
    const answer = await fetch(new URL('/graphql?query=%7B__typename%7D', base)).catch(() => undefined)
    if (answer?.ok) return { base, child, stderr: () => stderr, rss: () => residentBytes(child.pid!), stop }
    if (child.exitCode !== null) break
    await new Promise((done) => setTimeout(done, 50))
  }
  await stop()
  throw new Error(`the server did not start: ${stderr}`)
}
