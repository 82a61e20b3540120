import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from './support.js'

let server: Awaited<ReturnType<typeof startTestServer>>
beforeAll(async () => { server = await startTestServer() })
afterAll(() => server.close())

describe('HEAD /graphql', () => {
  it('answers as GET would, without a body', async () => {
    const url = `${server.base}/graphql?query=${encodeURIComponent('{ themes { slug } }')}`
    const head = await fetch(url, { method: 'HEAD', headers: { accept: 'application/graphql-response+json' } })
    const get = await fetch(url, { headers: { accept: 'application/graphql-response+json' } })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'))
    expect(await head.text()).toBe('')
    expect((await get.json()).data.themes.length).toBeGreaterThan(0)
  })

  it('lists HEAD among the methods a preflight allows', async () => {
    const preflight = await fetch(`${server.base}/graphql`, {
      method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'HEAD' },
    })
    expect(preflight.headers.get('access-control-allow-methods')).toContain('HEAD')
  })
})
