import { Parser } from 'n3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ns } from '../../src/publication/vocabulary.js'
import { baseUrl, servedPublication } from './publication-fixture.js'

let origin: string
let close: () => Promise<void>

beforeAll(async () => {
  ;({ origin, close } = await servedPublication('negotiation'))
})
afterAll(() => close?.())

const get = (path: string, accept: string) => fetch(`${origin}${path}`, { headers: { accept }, redirect: 'manual' })
const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

describe('formats the server cannot give', () => {
  it('answers 406, naming what it can give, where it used to answer Turtle', async () => {
    for (const [path, accept] of [
      ['/id/theme/assen-2022-2026/wonen', 'application/rdf+xml'], ['/def', 'image/png'], ['/data/catalog', 'application/pdf'],
      ['/data/', 'text/csv'], ['/id/theme/assen-2022-2026/wonen', 'text/turtle;q=0, application/ld+json;q=0, text/html;q=0'],
    ] as const) {
      const response = await get(path, accept)
      expect([path, accept, response.status]).toEqual([path, accept, 406])
      expect(await response.text()).toMatch(/text\/turtle|application\/json/)
      expect(response.headers.get('vary')).toMatch(/Accept/)
    }
    expect((await get('/id/theme/assen-2022-2026/wonen', 'application/*')).status).toBe(200)
    expect((await fetch(`${origin}/def`)).status).toBe(200)
  })
})

describe('IRIs opened in a browser', () => {
  it('send every kind of record to a page that answers 200, an entity with a page of its own to that page', async () => {
    const rdf = new Parser().parse(await (await fetch(`${origin}/data/rdf/open-akkoord.ttl`)).text())
    const byType = new Map<string, string>()
    for (const q of rdf) {
      const type = q.subject.value.split('/id/')[1]?.split('/')[0]
      if (type && !byType.has(type)) byType.set(type, q.subject.value)
    }
    expect(byType.size).toBeGreaterThanOrEqual(18)
    const own: Record<string, (key: string) => string> = {
      action: (k) => `/afspraak/${k}`, theme: (k) => `/thema/${k}`, portfolio: (k) => `/wethouder/${k}`, district: (k) => `/wijk/${k}`,
    }
    for (const [type, iri] of byType) {
      const answer = await get(iri.slice(baseUrl.length), browser)
      expect([type, answer.status]).toEqual([type, 303])
      const location = answer.headers.get('location')!
      const key = iri.split('/').at(-1)!
      if (own[type]) expect(location).toBe(`${baseUrl}${own[type](key)}`)
      else if (type !== 'agreement') expect([type, location]).not.toEqual([type, `${baseUrl}/`])
      const page = await fetch(`${origin}${location.slice(baseUrl.length)}`)
      expect([type, location, page.status]).toEqual([type, location, 200])
      await page.arrayBuffer()
    }
    // A target and a published assessment land on their action's page, which shows them.
    const target = rdf.find((q) => q.object.value === 'https://w3id.org/open-akkoord/def#Target')!.subject.value
    const action = rdf.find((q) => q.subject.value === target && q.predicate.value.endsWith('#action'))!.object.value
    const text = rdf.find((q) => q.subject.value === target && q.predicate.value === ns.schema + 'text')?.object.value
    const location = (await get(target.slice(baseUrl.length), browser)).headers.get('location')!
    expect(location).toBe(`${baseUrl}/afspraak/${action.split('/').at(-1)}`)
    if (text) expect(await (await fetch(`${origin}${location.slice(baseUrl.length)}`)).text()).toContain(text.slice(0, 20))
  })
})
