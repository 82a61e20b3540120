import { readdirSync, readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { hostileRequests, type HostileRequest } from '../hostile/hostile-requests.js'
import { sendRaw, type RawAnswer } from '../hostile/send-request.js'
import { startTestServer } from './support.js'

/** Every source file under a folder, recursively. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/**
 * The test corpus: every query written out in a test (a quoted or template
 * string that starts like a GraphQL document and interpolates nothing) and
 * every GraphQL example of the docs and README.
 */
function collectQueries(): string[] {
  const queries = new Set<string>()
  for (const file of filesUnder(join(projectRoot, 'tests'), /\.ts$/)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/[`'](\s*(?:query|\{)[^`'$]*?)[`']/g)) {
      if (/^\s*(query\b|\{\s*[_a-zA-Z])/.test(match[1]!) && !/^\s*\{\s*"/.test(match[1]!)) queries.add(match[1]!)
    }
  }
  for (const file of [...filesUnder(join(projectRoot, 'docs'), /\.md$/), join(projectRoot, 'README.md')]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)) queries.add(match[1]!)
  }
  return [...queries]
}

/** The ways a client sends one query: POST with each common Accept, and GET. */
function asRequests(query: string): HostileRequest[] {
  const post = (accept: string): HostileRequest => ({
    category: 'corpus', method: 'POST', path: '/graphql', expect: 'answered',
    headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body: Buffer.from(JSON.stringify({ query })),
  })
  return [
    post('application/graphql-response+json'), post('application/json'), post(''),
    { category: 'corpus', method: 'GET', path: `/graphql?${new URLSearchParams({ query })}`, headers: { accept: '*/*' }, expect: 'answered' },
  ]
}

/** What a client sees of an answer: status, body and the headers that matter (the request id differs by design). */
function seen(answer: RawAnswer) {
  const { 'x-request-id': _id, date: _date, connection: _c, 'keep-alive': _k, ...headers } = answer.headers
  return { status: answer.status, headers, body: answer.body.toString('utf8') }
}

describe('the lean request path', () => {
  let lean: Awaited<ReturnType<typeof startTestServer>>
  let general: Awaited<ReturnType<typeof startTestServer>>
  const agent = new Agent({ keepAlive: true, maxSockets: 4 })

  beforeAll(async () => {
    // Both paths are compared on what they answer; the points budget (tests/api/rate-limit.test.ts) would differ by what each spent.
    lean = await startTestServer({ RATE_LIMIT_POINTS: '0' })
    general = await startTestServer({ COMPILED_CACHE_BYTES: '0', RATE_LIMIT_POINTS: '0' })
  }, 60_000)
  afterAll(async () => {
    agent.destroy()
    await Promise.all([lean?.close(), general?.close()])
  })

  it('answers the test, docs and hostile corpus byte for byte as yoga does, twice (a miss, then a hit)', async () => {
    const queries = collectQueries()
    expect(queries.length).toBeGreaterThan(50)
    const requests = [...queries.flatMap(asRequests), ...hostileRequests(300, 17)]
    const mismatches: string[] = []
    for (const request of requests) {
      for (const round of ['miss', 'hit']) {
        const fromLean = seen(await sendRaw(new URL(lean.base), agent, request, 30_000))
        const fromYoga = seen(await sendRaw(new URL(general.base), agent, request, 30_000))
        try {
          expect(fromLean).toEqual(fromYoga)
        } catch {
          mismatches.push(`${round} ${request.method} ${request.path.slice(0, 200)} ${request.body?.toString('utf8').slice(0, 200) ?? ''}\n  lean: ${JSON.stringify(fromLean).slice(0, 400)}\n  yoga: ${JSON.stringify(fromYoga).slice(0, 400)}`)
        }
      }
    }
    expect(mismatches.slice(0, 5).join('\n')).toBe('')
    // The corpus must exercise the lean path for real, not only its fallback.
    expect(general.running.lean.stats.answered).toBe(0)
    expect(lean.running.lean.stats.answered).toBeGreaterThan(queries.length)
  }, 300_000)
})
