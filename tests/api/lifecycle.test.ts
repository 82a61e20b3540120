import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { buildAgreementCopies, temporaryDir } from './support.js'

interface Started {
  child: ChildProcess
  port: number
  logs: any[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves when a log line with this message appears. */
  logged(message: string): Promise<any>
}

const children: ChildProcess[] = []
afterAll(() => { for (const child of children) if (child.exitCode === null) child.kill('SIGKILL') })

/**
 * Runs `src/cli/start.ts` as its own process, the way `npm start` does, but
 * with node loading tsx itself: then signals reach the server directly (npx
 * does not forward them, and the tsx wrapper does not relay SIGHUP).
 */
function run(env: Record<string, string>): { child: ChildProcess; logs: any[]; stderr: () => string; exited: Started['exited']; logged: Started['logged'] } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    // The publication goes to a temporary folder: a test never writes into the project's own folders.
    cwd: projectRoot, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '0', PUBLICATION_DIR: mkdtempSync(join(tmpdir(), 'open-akkoord-lifecycle-')), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const logs: any[] = []
  const waiting: { message: string; resolve: (line: any) => void }[] = []
  let buffered = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => {
    buffered += chunk
    const lines = buffered.split('\n')
    buffered = lines.pop()!
    for (const line of lines) {
      const entry = JSON.parse(line) // every log line is one JSON object
      logs.push(entry)
      for (const w of waiting.filter((w) => w.message === entry.msg)) w.resolve(entry)
    }
  })
  child.stderr!.on('data', (chunk) => { stderr += chunk })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  const logged = (message: string) => new Promise<any>((resolve) => {
    const found = logs.find((l) => l.msg === message)
    if (found) resolve(found)
    else waiting.push({ message, resolve })
  })
  return { child, logs, stderr: () => stderr, exited, logged }
}

async function start(env: Record<string, string> = {}): Promise<Started> {
  const started = run(env)
  const listening = await Promise.race([started.logged('listening'), started.exited.then(() => { throw new Error(`server exited: ${started.stderr()}`) })])
  return { ...started, port: listening.port }
}

const gql = async (port: number, query: string) => {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
  return { status: response.status, body: await response.json() as any }
}

// Each test starts real server processes and some build databases: about 15 s each on a quiet machine, near the
// 60 s default on a busy one (the rebuild-under-traffic test took 54 s). The bound is for a hang, not for speed.
describe('the server process', { timeout: 300_000 }, () => {
  it('on SIGTERM finishes the request in flight, and exits 0', async () => {
    // The grace period covers the request's bytes still on their way to the server when the signal comes.
    const server = await start({ SHUTDOWN_GRACE_MS: '1000' })
    const body = JSON.stringify({ query: '{ themes { slug } }' })
    const socket = connect(server.port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => { answer += chunk })
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    // Half a request: the server has accepted it and waits for the rest of the body.
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`)
    server.child.kill('SIGTERM')
    await server.logged('shutting down: not ready, still serving for the grace period')
    socket.end(body.slice(10))
    await closed
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(answer).toContain('"slug":"wonen"')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(server.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['listening', 'signal received', 'shutting down: not ready, still serving for the grace period', 'stopped']))
    for (const line of server.logs) expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(String), service: 'open-akkoord-api' })
  })

  it('still exits 0 on SIGTERM when whatever read its logs has gone away', async () => {
    const server = await start()
    server.child.stdout!.destroy()
    server.child.kill('SIGTERM')
    // A bound for a hang, not a speed target: a loaded machine may take seconds.
    const exited = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve('still running after 30 s'), 30_000))])
    expect(exited).toEqual({ code: 0, signal: null })
  })

  it('keeps answering from its open database while it is rebuilt, and picks up the new one on SIGHUP', async () => {
    const scratch = temporaryDir('reopen')
    try {
      const dataDir = join(scratch.dir, 'data')
      const databasePath = join(scratch.dir, 'open-akkoord.sqlite')
      await buildAgreementCopies(dataDir, databasePath, ['assen-2022-2026'])
      const server = await start({ DATABASE_PATH: databasePath, DATA_DIR: dataDir })
      const slugs = async (query = '{ agreements { slug } }') => {
        const answer = await gql(server.port, query)
        expect(answer.status).toBe(200)
        expect(answer.body.errors).toBeUndefined()
        return answer.body.data.agreements.map((a: any) => a.slug)
      }
      expect(await slugs()).toEqual(['assen-2022-2026'])

      // Rebuild with a different agreement while requests keep coming: every answer is whole, and from the old file.
      let rebuilding = true
      const answers: string[][] = []
      // Four clients, each sending uncached queries one after another until the rebuild is done.
      const client = async (offset: number) => {
        for (let i = offset; rebuilding || answers.length < 8; i += 4) {
          answers.push(await slugs(`{ agreements { slug themes { name } } actions(first: ${1 + (i % 100)}) { totalCount } }`))
        }
      }
      const traffic = Promise.all([0, 1, 2, 3].map(client))
      await buildAgreementCopies(dataDir, databasePath, ['amsterdam-2022-2026'])
      rebuilding = false
      await traffic
      expect(answers.length).toBeGreaterThan(8)
      for (const answer of answers) expect(answer).toEqual(['assen-2022-2026'])
      expect(await slugs('{ agreements { slug title } }')).toEqual(['assen-2022-2026'])

      expect(await (await fetch(`http://127.0.0.1:${server.port}/data/csv/agreements.csv`)).text()).toContain('assen-2022-2026')
      server.child.kill('SIGHUP')
      await server.logged('database reopened')
      // The publication was rewritten from the new database before the reopen: /data/ agrees with the API.
      const published = await (await fetch(`http://127.0.0.1:${server.port}/data/csv/agreements.csv`)).text()
      expect(published).toContain('amsterdam-2022-2026')
      // The same query text as before: the response cache was cleared with the reopen.
      expect(await slugs()).toEqual(['amsterdam-2022-2026'])
      expect((await gql(server.port, '{ themes { slug } }')).body.data.themes).toHaveLength(7)
      server.child.kill('SIGTERM')
      expect((await server.exited).code).toBe(0)
    } finally {
      scratch.remove()
    }
    // The server writes the publication at start and again on SIGHUP (the database changed): two dumps.
  }, 180_000)

  it('builds the database first when it is missing', async () => {
    const scratch = temporaryDir('first-build')
    try {
      const dataDir = join(scratch.dir, 'data')
      await buildAgreementCopies(dataDir, join(scratch.dir, 'unused.sqlite'), ['assen-2022-2026'])
      const server = await start({ DATABASE_PATH: join(scratch.dir, 'fresh.sqlite'), DATA_DIR: dataDir })
      expect(server.logs.map((l) => l.msg)).toContain('database built')
      expect((await gql(server.port, '{ rules { position } }')).body.data.rules).toHaveLength(14)
      server.child.kill('SIGTERM')
      expect((await server.exited).code).toBe(0)
    } finally {
      scratch.remove()
    }
  })

  it('refuses a bad setting with a message naming it', async () => {
    const started = run({ PORT: 'eighty', MAX_DEPTH: '1' })
    expect((await started.exited).code).toBe(2)
    expect(started.stderr()).toContain('PORT="eighty": must be a whole number')
    expect(started.stderr()).toContain('MAX_DEPTH="1"')
  })
})
