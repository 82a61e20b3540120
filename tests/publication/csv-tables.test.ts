import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fromGlobalId } from '../../src/model/global-id.js'
import { sharedPublication } from './publication-fixture.js'

interface Field { name: string; type: string; constraints?: { required?: boolean; unique?: boolean; enum?: string[]; pattern?: string } }
interface Resource { name: string; path: string; schema: { fields: Field[]; primaryKey?: string[]; foreignKeys?: { fields: string[]; reference: { resource?: string; fields: string[] } }[] } }

let dir: string
let resources: Resource[]
const tables = new Map<string, { header: string[]; rows: Record<string, string>[] }>()

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
  resources = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')).resources
  for (const resource of resources) {
    const records: string[][] = parse(readFileSync(join(dir, resource.path)), { relax_quotes: false, record_delimiter: '\r\n' })
    const [header, ...body] = records
    tables.set(resource.name, { header: header!, rows: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) })
  }
})

const valid: Record<string, (v: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?$/.test(v),
  datetime: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v)),
  boolean: (v) => v === 'true' || v === 'false',
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  year: (v) => /^\d{4}$/.test(v),
}

describe('the CSV files', () => {
  it('are one per table, each with its header in the Table Schema\'s field order', () => {
    expect(resources.map((r) => r.name)).toContain('action-portfolios')
    expect(resources).toHaveLength(27)
    for (const resource of resources) expect(tables.get(resource.name)!.header, resource.name).toEqual(resource.schema.fields.map((f) => f.name))
  })

  it('match their Table Schema: types, required fields, enums, patterns and unique primary keys', () => {
    for (const resource of resources) {
      const { rows } = tables.get(resource.name)!
      for (const [i, row] of rows.entries()) {
        for (const field of resource.schema.fields) {
          const value = row[field.name]!
          const where = `${resource.name} row ${i + 2} ${field.name}=${JSON.stringify(value)}`
          if (value === '') {
            expect(field.constraints?.required, where).not.toBe(true)
            continue
          }
          expect(valid[field.type]!(value), `${where} is not a ${field.type}`).toBe(true)
          if (field.constraints?.enum) expect(field.constraints.enum, where).toContain(value)
          // A Table Schema pattern matches the whole value.
          if (field.constraints?.pattern) expect(new RegExp(`^(?:${field.constraints.pattern})$`).test(value), `${where} does not match ${field.constraints.pattern}`).toBe(true)
        }
      }
      const key = resource.schema.primaryKey
      if (key) {
        const keys = rows.map((row) => key.map((k) => row[k]).join('\u0000'))
        expect(new Set(keys).size, `${resource.name} primary key`).toBe(rows.length)
        for (const k of keys) expect(k.split('\u0000').every((part) => part !== ''), resource.name).toBe(true)
      }
    }
  })

  it('have every foreign key resolve to a row of the referenced file', () => {
    let checked = 0
    for (const resource of resources) {
      for (const foreignKey of resource.schema.foreignKeys ?? []) {
        const target = tables.get(foreignKey.reference.resource ?? resource.name)!
        const ids = new Set(target.rows.map((row) => row[foreignKey.reference.fields[0]!]))
        for (const row of tables.get(resource.name)!.rows) {
          const value = row[foreignKey.fields[0]!]!
          if (value === '') continue
          expect(ids.has(value), `${resource.name}.${foreignKey.fields[0]} ${value}`).toBe(true)
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(1900)
  })

  it('hold the whole agreement: 7 themes, 42 topics, 185 actions, 27 budget lines, 14 rules, 5 portfolios, 10 districts', () => {
    const count = (name: string) => tables.get(name)!.rows.length
    expect([count('themes'), count('topics'), count('actions'), count('budget-lines'), count('rules'), count('portfolios'), count('districts')])
      .toEqual([7, 42, 185, 27, 14, 5, 10])
  })

  it('give whole-euro amounts that add up to the published totals per year', () => {
    const sums = new Map<string, number>()
    for (const row of tables.get('budget-amounts')!.rows) {
      expect(row.amount).toMatch(/^\d+$/)
      sums.set(row.year!, (sums.get(row.year!) ?? 0) + Number(row.amount))
    }
    const expected = { 2022: 568000, 2023: 11515000, 2024: 6740000, 2025: 5390000, 2026: 5390000 }
    expect(Object.fromEntries(sums)).toEqual(Object.fromEntries(Object.entries(expected).map(([y, a]) => [y, a])))
    expect(Object.fromEntries(tables.get('budget-totals')!.rows.map((r) => [r.year, Number(r.amount)]))).toEqual(expected)
  })

  it('use global IDs of the right node type as id and as foreign keys', () => {
    const nodeOf: Record<string, string> = { themes: 'Theme', topics: 'Topic', actions: 'Action', rules: 'Rule', 'budget-totals': 'BudgetYearTotal' }
    for (const [name, node] of Object.entries(nodeOf)) {
      for (const row of tables.get(name)!.rows) expect(fromGlobalId(row.id!)?.type, `${name} ${row.id}`).toBe(node)
    }
    for (const row of tables.get('actions')!.rows) if (row.topic_id) expect(fromGlobalId(row.topic_id)?.type).toBe('Topic')
    expect(fromGlobalId(tables.get('rules')!.rows[2]!.id!)).toEqual({ type: 'Rule', agreement: 'assen-2022-2026', key: '3' })
  })

  it('agree with the NDJSON files row for row', () => {
    for (const resource of resources) {
      const lines = readFileSync(join(dir, `ndjson/${resource.name}.ndjson`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
      const { rows } = tables.get(resource.name)!
      expect(lines.length, resource.name).toBe(rows.length)
      for (const [i, line] of lines.entries()) {
        const asCsv = Object.fromEntries(Object.entries(line).map(([k, v]) => [k, v === null ? '' : String(v)]))
        expect(asCsv, `${resource.name} row ${i}`).toEqual(rows[i])
      }
    }
  })
})
