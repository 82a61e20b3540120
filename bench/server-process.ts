import type { ChildProcess } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, residentBytes, spawnTsx } from './child-process.js'

/** The real server (`src/cli/start.ts`) running as a child process. */
export interface ServerProcess {
  base: string
  pid: number
  child: ChildProcess
  /** Milliseconds from spawn to the first answered GraphQL query. */
  readyMs: number
  rss(): Promise<number>
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>
}

/** The bench never opens the project's editorial store: a temporary one unless the caller names one. */
export const benchEditorialPath = join(tmpdir(), 'open-akkoord-bench-editorial', 'editorial.sqlite')

/** The server did not answer a query in time: names its address and its stderr. */
export class ServerStartError extends Error {
  override readonly name = 'ServerStartError'
}

/**
 * Starts `src/cli/start.ts` on a free port with LOG_LEVEL=warn plus the given
 * settings (passed explicitly; the bench reads no env for the server) and waits
 * until a GraphQL query is answered. `checkout` runs another checkout of the
 * project instead (the bench's --baseline, for before and after in one run).
 */
export async function startServerProcess(env: Record<string, string> = {}, timeoutMs = 600_000, nodeArgs: readonly string[] = [], checkout?: string): Promise<ServerProcess> {
  const port = await freePort()
  const started = performance.now()
  // No grace period at stop: the bench has no load balancer to tell.
  // The bench measures the server's capacity from one address: the per-client points budget would measure itself.
  // Warming the response cache runs for seconds after start and took CPU from the first scenario measured (a
  // small cache hit at 1.5x bare, against 1.0x when measured later); the warming section measures it on its own.
  // Another checkout gets a store of its own: an editorial store migrated by this one's newer migrations is refused by an older one.
  const editorialPath = checkout ? join(tmpdir(), 'open-akkoord-bench-editorial-baseline', 'editorial.sqlite') : benchEditorialPath
  const child = spawnTsx('src/cli/start.ts', [], { LOG_LEVEL: 'warn', HOST: '127.0.0.1', EDITORIAL_DATABASE: editorialPath, SHUTDOWN_GRACE_MS: '0', RATE_LIMIT_POINTS: '0', WARM_CACHE_MS: '0', ...env, PORT: String(port) }, nodeArgs, checkout)
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000) })
  child.stdout!.resume()
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const base = `http://127.0.0.1:${port}`
  let alive = true
  void exited.then(() => { alive = false })
  while (true) {
    if (!alive) throw new ServerStartError(`the server at ${base} exited before answering: ${stderr}`)
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL')
      throw new ServerStartError(`the server at ${base} did not answer within ${timeoutMs} ms: ${stderr}`)
    }
    try {
      const answer = await fetch(`${base}/graphql?query=%7B__typename%7D`)
      if (answer.ok) break
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 20))
  }
  const readyMs = performance.now() - started
  return {
    base, pid: child.pid!, child, readyMs,
    rss: () => residentBytes(child.pid!),
    stop: async () => {
      if (alive) child.kill('SIGTERM')
      return exited
    },
  }
}
