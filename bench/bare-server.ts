import { writeFileSync } from 'node:fs'
import { createServer, type OutgoingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, spawnTsx } from './child-process.js'

/** One recorded answer of the real server: what the bare server sends back byte for byte. */
export interface RecordedAnswer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** A running bare server (a child process) and how to stop it. */
export interface BareServer {
  base: string
  pid: number
  stop(): Promise<void>
}

/**
 * Starts the machine's ceiling: a node:http server, in its own process, that
 * answers a request for a recorded path with that answer's pre-serialised
 * bytes and headers, doing no other work. The real server's ratio to it is
 * the share of what this machine can serve from Node that the product achieves.
 */
export async function startBareServer(answers: ReadonlyMap<string, RecordedAnswer>): Promise<BareServer> {
  const port = await freePort()
  const file = join(tmpdir(), `open-akkoord-bare-${process.pid}-${port}.json`)
  const serialised = [...answers].map(([path, a]) => ({ path, status: a.status, headers: a.headers, body: a.body.toString('base64') }))
  writeFileSync(file, JSON.stringify(serialised))
  const child = spawnTsx('bench/bare-server.ts', [String(port), file])
  child.stdout!.resume()
  child.stderr!.resume()
  await new Promise<void>((ready, fail) => {
    child.stdout!.once('data', () => ready())
    child.once('exit', (code) => fail(new Error(`the bare server exited ${code} before listening`)))
  })
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => new Promise<void>((done) => { child.once('exit', () => done()); child.kill('SIGTERM') }),
  }
}

/** Child entry: `bare-server.ts PORT FILE` serves the answers in FILE until SIGTERM. */
async function main(port: number, file: string): Promise<void> {
  const { readFileSync } = await import('node:fs')
  const list = JSON.parse(readFileSync(file, 'utf8')) as { path: string; status: number; headers: Record<string, string>; body: string }[]
  const answers = new Map(list.map((a) => {
    const body = Buffer.from(a.body, 'base64')
    const headers: OutgoingHttpHeaders = { ...a.headers, 'content-length': String(body.length) }
    return [a.path, { status: a.status, headers, body }]
  }))
  const fallback = answers.values().next().value!
  const server = createServer((request, response) => {
    const answer = answers.get(request.url ?? '') ?? fallback
    response.writeHead(answer.status, answer.headers)
    response.end(answer.body)
  })
  server.listen(port, '127.0.0.1', () => process.stdout.write('listening\n'))
  process.once('SIGTERM', () => server.close(() => process.exit(0)))
  // Keep-alive connections from the load generator would hold close() open.
  process.once('SIGTERM', () => server.closeAllConnections())
}

if (process.argv[1]?.endsWith('bare-server.ts')) await main(Number(process.argv[2]), process.argv[3]!)
