import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, spawnTsx } from './child-process.js'

/** One server process of a multi-replica deployment, on its own port and publication folder. */
export interface Replica {
  readonly base: string
  readonly child: ChildProcess
  readonly publicationDir: string
  /** What it wrote on stderr so far (warnings and errors: LOG_LEVEL=warn). */
  log(): string
  /** SIGTERM, then SIGKILL after a grace period; removes its folder. */
  stop(): Promise<void>
}

/**
 * Starts `npm start` as a replica would run: the shared editorial store
 * (EDITORIAL_DATABASE_URL), the same public address and publisher as its peers,
 * its own folder for the publication, no cache warming. Resolves once
 * /readyz answers 200.
 */
export async function startReplica(editorialDatabase: string, env: Record<string, string> = {}): Promise<Replica> {
  const port = await freePort()
  const folder = mkdtempSync(join(tmpdir(), 'open-akkoord-replica-'))
  const publicationDir = join(folder, 'publication')
  const child = spawnTsx('src/cli/start.ts', [], {
    PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn',
    EDITORIAL_DATABASE_URL: editorialDatabase, PUBLICATION_DIR: publicationDir, PUBLIC_BASE_URL: 'https://akkoord.example',
    SHUTDOWN_GRACE_MS: '0', WARM_CACHE_BYTES: '0', WORKERS: '1', ...env,
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  child.stdout!.resume()
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}: ${stderr.slice(-2000)}`)
    const ready = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false)
    if (ready) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`replica not ready within 3 minutes: ${stderr.slice(-2000)}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    base, child, publicationDir, log: () => stderr,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      rmSync(folder, { recursive: true, force: true })
    },
  }
}
