import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSiteServer } from '../web/site-server.js'

// The whole server with a fresh publication, so the source text is served under /data/.
let server: Awaited<ReturnType<typeof startSiteServer>>
beforeAll(async () => { server = await startSiteServer() }, 120_000)
afterAll(() => server.close())

async function data(query: string): Promise<any> {
  const response = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
  const body = await response.json() as any
  if (body.errors) throw new Error(JSON.stringify(body.errors))
  return body.data
}

describe('source references', () => {
  it('give the URL the server serves the source at, with the quoted lines as an RFC 5147 fragment', async () => {
    const { actions, agreement } = await data('{ agreement { sourceUrl } actions(first: 5) { edges { node { text source { startLine endLine url } } } } }')
    const response = await fetch(new URL(agreement.sourceUrl, server.base))
    expect(response.status).toBe(200)
    const text = await response.text()
    const lines = text.split('\n')
    for (const { node } of actions.edges) {
      const { startLine, endLine, url } = node.source
      expect(url).toBe(`${agreement.sourceUrl}#line=${startLine - 1},${endLine}`)
      const served = await fetch(new URL(url, server.base))
      expect(served.status).toBe(200)
      // The fragment's lines hold the action's first word (quotes fold white space and join hyphenated words).
      const quoted = lines.slice(startLine - 1, endLine).join(' ')
      expect(quoted).toContain(node.text.split(' ')[0])
    }
  })
})

describe('target timing', () => {
  it('exposes what a deadline means, whether its date was inferred and why, and how often a recurring target happens', async () => {
    const { targets } = await data('{ targets(first: 100) { edges { node { slug deadline startDate deadlineKind dateInferred dateReason frequency { count period } } } } }')
    const nodes = targets.edges.map((e: any) => e.node)
    expect(nodes.length).toBeGreaterThan(10)
    for (const target of nodes) {
      expect(target.deadlineKind === null).toBe(target.deadline === null)
      if (target.deadline !== null || target.startDate !== null) expect(target.dateReason).toMatch(/\w/)
    }
    expect(nodes.some((t: any) => t.deadlineKind === 'TERM_END')).toBe(true)
    expect(nodes.some((t: any) => t.dateInferred)).toBe(true)
    expect(nodes.some((t: any) => (t.deadline ?? t.startDate) !== null && !t.dateInferred)).toBe(true)
    const recurring = nodes.filter((t: any) => t.frequency !== null)
    expect(recurring.length).toBeGreaterThanOrEqual(3)
    for (const { frequency } of recurring) {
      expect(frequency.count).toBeGreaterThan(0)
      expect(['WEEK', 'MONTH', 'YEAR']).toContain(frequency.period)
    }
  })
})
