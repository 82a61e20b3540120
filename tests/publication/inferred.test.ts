import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectRoot } from '../../src/config.js'
import { readInferredValues, withInferredValuesBlock, type InferredValue } from '../../src/publication/inferred-values.js'
import { openTestStore } from '../helpers.js'
import { servedPublication } from './publication-fixture.js'

let origin: string
let close: () => Promise<void>
let values: InferredValue[]

beforeAll(async () => {
  ;({ origin, close } = await servedPublication('inferred'))
  const store = openTestStore()
  values = await readInferredValues(store.db)
  await store.db.destroy()
})
afterAll(() => close?.())

const csv = async (path: string): Promise<Record<string, string>[]> => parse(await (await fetch(`${origin}/data/${path}`)).text(), { columns: true })

describe('inferred values', () => {
  it('marks the presentation date inferred, with its reason, in the tables and the RDF', async () => {
    const [agreement] = await csv('csv/agreements.csv')
    expect(agreement).toMatchObject({ presented_on: '2022-06-16', presented_on_inferred: 'true' })
    expect(agreement!.presented_on_reason).toMatch(/16 juni 2022\) staat niet in de tekst/)
    const turtle = await (await fetch(`${origin}/data/rdf/open-akkoord.ttl`)).text()
    expect(turtle).toMatch(/akkoord:presentedOnInferred true/)
    expect(await (await fetch(`${origin}/data/json/assen-2022-2026.json`)).text()).toMatch(/"presentedOnInferred": ?true/)
  })

  it('lists every inferred value the tables mark in the LEESMIJ: amounts, holders, target dates and the presentation date', async () => {
    const readme = await (await fetch(`${origin}/data/LEESMIJ.txt`)).text()
    const section = readme.split('AFGELEIDE WAARDEN')[1]!.split('\nCITEREN')[0]!
    const amounts = (await csv('csv/budget-amounts.csv')).filter((r) => r.inferred === 'true')
    const holders = (await csv('csv/portfolios.csv')).filter((r) => r.assignment_inferred === 'true')
    const dates = (await csv('csv/targets.csv')).filter((r) => r.date_inferred === 'true')
    expect(dates.length).toBeGreaterThanOrEqual(6)
    expect(section).toContain(`Begrotingsbedrag (${amounts.length}):`)
    expect(section).toContain(`Houder van een portefeuille (${holders.length}):`)
    expect(section).toContain(`Datum van een doel (${dates.length}):`)
    expect(section).toContain('Presentatiedatum (1):')
    for (const target of dates) expect(section, target.slug).toContain(`Doel ${target.slug} (`)
    for (const value of values) expect(section).toContain(`- ${value.what}: ${value.value}. ${value.reason}`)
  })

  it('lists the same in docs/data.md, as the data gives it (npm run docs:inferred)', () => {
    const docs = readFileSync(join(projectRoot, 'docs/data.md'), 'utf8')
    expect(docs).toContain('<!-- inferred-values:start')
    expect(withInferredValuesBlock(docs, values)).toBe(docs)
  })
})
