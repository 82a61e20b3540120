import { join } from 'node:path'
import { Store, DataFactory, type Quad } from 'n3'
import { beforeAll, describe, expect, it } from 'vitest'
import { toGlobalId } from '../../src/model/global-id.js'
import { ns } from '../../src/publication/vocabulary.js'
import { ownNamespace } from '../../src/publication/own-terms.js'
import { baseUrl, sharedPublication } from './publication-fixture.js'
import { canonical, parseJsonLd, parseTurtle } from './rdf-graph.js'

const { namedNode } = DataFactory
let dir: string
let turtle: Quad[]
let fromJsonLd: Quad[]

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
  turtle = parseTurtle(join(dir, 'rdf/open-akkoord.ttl'))
  fromJsonLd = await parseJsonLd(join(dir, 'rdf/open-akkoord.jsonld'))
})

describe('the RDF of the data', () => {
  it('reads back from Turtle (n3) and JSON-LD (jsonld.js) as the same graph', async () => {
    expect(new Store(turtle).size).toBeGreaterThan(4_500)
    expect(new Store(fromJsonLd).size).toBe(new Store(turtle).size)
    expect(await canonical(fromJsonLd)).toBe(await canonical(turtle))
  })

  it('types every record with its class, under stable IRIs from the base URL', () => {
    const store = new Store(turtle)
    const count = (cls: string) => store.getSubjects(namedNode(ns.rdf + 'type'), namedNode(cls), null).length
    const own = ownNamespace
    expect([count(own + 'Theme'), count(own + 'Topic'), count(own + 'Action'), count(own + 'BudgetLine'), count(own + 'Rule'), count(ns.org + 'Post'), count(own + 'District')])
      .toEqual([7, 42, 185, 27, 14, 5, 10])
    expect(count(ns.foaf + 'Person')).toBe(5)
    expect(count(ns.org + 'Membership')).toBe(5)
    for (const subject of store.getSubjects(null, null, null)) expect(subject.value.startsWith(`${baseUrl}/id/`), subject.value).toBe(true)
  })

  it('links records the way the CSV foreign keys do', () => {
    const store = new Store(turtle)
    const actions = store.getSubjects(namedNode(ns.rdf + 'type'), namedNode(`${ownNamespace}Action`), null)
    const withPortfolio = actions.filter((a) => store.getObjects(a, namedNode(`${ownNamespace}responsiblePortfolio`), null).length > 0)
    expect(withPortfolio.length).toBeGreaterThan(150)
    for (const portfolio of store.getObjects(null, namedNode(`${ownNamespace}responsiblePortfolio`), null)) {
      expect(store.has(DataFactory.quad(portfolio as never, namedNode(ns.rdf + 'type'), namedNode(ns.org + 'Post')))).toBe(true)
    }
  })

  it('states whole-euro amounts that add up to the published totals', () => {
    const store = new Store(turtle)
    const sums = new Map<string, number>()
    for (const amount of store.getSubjects(namedNode(ns.rdf + 'type'), namedNode(`${ownNamespace}BudgetAmount`), null)) {
      const year = store.getObjects(amount, namedNode(`${ownNamespace}year`), null)[0]!.value
      const value = store.getObjects(amount, namedNode(ns.schema + 'value'), null)[0]!
      expect((value as { datatype: { value: string } }).datatype.value).toBe(ns.xsd + 'integer')
      sums.set(year, (sums.get(year) ?? 0) + Number(value.value))
    }
    expect(Object.fromEntries(sums)).toEqual({ 2022: 568000, 2023: 11515000, 2024: 6740000, 2025: 5390000, 2026: 5390000 })
  })

  it('uses the record keys of the global IDs in its IRIs', () => {
    const store = new Store(turtle)
    const rule = namedNode(`${baseUrl}/id/rule/assen-2022-2026/3`)
    expect(store.getObjects(rule, namedNode(ns.rdf + 'type'), null).map((t) => t.value)).toContain(`${ownNamespace}Rule`)
    expect(toGlobalId('Rule', 'assen-2022-2026', '3')).toBe(Buffer.from('Rule:assen-2022-2026/3').toString('base64url'))
  })
})
