import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sharedPublication } from './publication-fixture.js'

interface Action { id: string; kind: string; targets: { id: string }[]; portfolios: { id: string }[] }
interface Section { actions: Action[]; children: Section[] }
let doc: any
let dir: string

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
  doc = JSON.parse(readFileSync(join(dir, 'json/assen-2022-2026.json'), 'utf8'))
})

const csvIds = (name: string) => new Set((parse(readFileSync(join(dir, `csv/${name}.csv`)), { columns: true }) as { id: string }[]).map((r) => r.id))

describe('the nested JSON document', () => {
  it('is laid out as JSON.stringify with two spaces writes it, read back by JSON.parse', () => {
    const text = readFileSync(join(dir, 'json/assen-2022-2026.json'), 'utf8')
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
  })
  it('nests themes, topics and actions with their targets and portfolios', () => {
    expect(doc.themes).toHaveLength(7)
    const topics = doc.themes.flatMap((t: { topics: unknown[] }) => t.topics)
    expect(topics).toHaveLength(42)
    const sectionActions = (sections: Section[]): Action[] => sections.flatMap((s) => [...s.actions, ...sectionActions(s.children)])
    const actions: Action[] = [...topics.flatMap((t: { actions: Action[] }) => t.actions), ...sectionActions(doc.sections)]
    expect(actions).toHaveLength(185)
    expect(new Set(actions.map((a) => a.id))).toEqual(csvIds('actions'))
    expect(actions.flatMap((a) => a.targets)).toHaveLength(15)
    expect(actions.filter((a) => a.portfolios.length > 0).length).toBeGreaterThan(150)
  })

  it('holds the budget, the rules and the portfolios with the IDs of the CSVs', () => {
    const lines = doc.budget.categories.flatMap((c: { lines: { id: string }[] }) => c.lines)
    expect(lines).toHaveLength(27)
    expect(new Set(lines.map((l: { id: string }) => l.id))).toEqual(csvIds('budget-lines'))
    expect(doc.budget.years.map((y: { year: number; amount: number; computed: number }) => [y.year, y.amount, y.computed])).toEqual([
      [2022, 568000, 568000], [2023, 11515000, 11515000], [2024, 6740000, 6740000], [2025, 5390000, 5390000], [2026, 5390000, 5390000],
    ])
    expect(doc.rules).toHaveLength(14)
    expect(doc.portfolios).toHaveLength(5)
    expect(doc.portfolios.flatMap((p: { districts: unknown[] }) => p.districts)).toHaveLength(10)
    expect(new Set(doc.themes.map((t: { id: string }) => t.id))).toEqual(csvIds('themes'))
    expect(doc.id).toBe([...csvIds('agreements')][0])
  })
})
