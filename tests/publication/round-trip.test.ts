import { parse } from 'csv-parse/sync'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { toGlobalId, type NodeType } from '../../src/model/global-id.js'
import { openTestStore } from '../helpers.js'
import { sharedPublication } from './publication-fixture.js'

/**
 * Loads the CSVs back and compares them with the database, read here with
 * plain SQL, independently of the writers: every column of every published
 * table, global IDs recomputed from the slugs, positions and years.
 */
const tableOf: Record<string, string> = {
  agreements: 'agreement', parties: 'party', persons: 'person', sections: 'section', themes: 'theme', topics: 'topic', actions: 'action',
  targets: 'target', rules: 'rule', 'source-artifacts': 'source_artifact', 'budget-categories': 'budget_category', 'budget-lines': 'budget_line',
  'budget-amounts': 'budget_amount', 'budget-totals': 'budget_total', portfolios: 'portfolio', responsibilities: 'responsibility',
  districts: 'district', 'action-portfolios': 'action_portfolio', 'action-districts': 'action_district',
  'budget-line-topics': 'budget_line_topic', 'budget-line-actions': 'budget_line_action', 'budget-line-portfolios': 'budget_line_portfolio',
}
const nodeOf: Record<string, NodeType> = {
  agreement: 'Agreement', party: 'Party', person: 'Person', section: 'Section', theme: 'Theme', topic: 'Topic', action: 'Action', target: 'Target',
  rule: 'Rule', budget_category: 'BudgetCategory', budget_line: 'BudgetLine', budget_total: 'BudgetYearTotal', portfolio: 'Portfolio',
  responsibility: 'Responsibility', district: 'District',
}
/** Columns the CSVs add: derived from other columns and the source (the context from the topic's text, whether the text states the presentation date), so not stored. */
const derived = new Set(['actions.theme_id', 'budget-amounts.agreement_id', 'actions.context', 'agreements.presented_on_inferred', 'agreements.presented_on_reason'])
/** Tables of the editorial store's published progress: read back against that store in progress-tables.test.ts. */
const editorialTables = new Set(['progress-assessments', 'assessment-evidence', 'target-measurements', 'measurement-evidence', 'progress-publications'])

type Row = Record<string, unknown>
let dir: string
let resources: { name: string; path: string; schema: { fields: { name: string }[]; foreignKeys?: { fields: string[]; reference: { resource?: string } }[] } }[]
const db = new Map<string, Row[]>()

beforeAll(async () => {
  ;({ dir } = await sharedPublication())
  resources = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')).resources
  const store = openTestStore()
  for (const table of Object.values(tableOf)) db.set(table, store.sqlite.prepare(`SELECT * FROM ${table}`).all() as Row[])
  store.sqlite.close()
})

const slugOfAgreement = (id: unknown) => db.get('agreement')!.find((a) => a.id === id)!.slug as string
function globalIdOf(table: string, row: Row): string {
  const node = nodeOf[table]!
  if (node === 'Agreement') return toGlobalId(node, row.slug as string)
  const key = table === 'rule' ? row.position : table === 'budget_total' ? row.year : row.slug
  return toGlobalId(node, slugOfAgreement(row.agreement_id), String(key))
}
function globalIdById(table: string, id: unknown): string {
  return globalIdOf(table, db.get(table)!.find((r) => r.id === id)!)
}

describe('loading the CSVs back', () => {
  it('reproduces every row and column of the database', () => {
    let cells = 0
    expect(resources.filter((r) => editorialTables.has(r.name))).toHaveLength(editorialTables.size)
    for (const resource of resources.filter((r) => !editorialTables.has(r.name))) {
      const table = tableOf[resource.name]!
      const [header, ...body] = parse(readFileSync(join(dir, resource.path))) as string[][]
      const dbColumns = Object.keys(db.get(table)![0]!).filter((c) => !(c === 'id' && !nodeOf[table]))
      for (const column of dbColumns) expect(header, `${resource.name} lacks ${column}`).toContain(column)
      const referenced = new Map((resource.schema.foreignKeys ?? []).map((fk) => [fk.fields[0]!, tableOf[fk.reference.resource ?? resource.name]!]))
      const expected = db.get(table)!.map((row) => header!.map((column) => {
        if (derived.has(`${resource.name}.${column}`)) return null
        if (column === 'id') return globalIdOf(table, row)
        if (referenced.has(column)) {
          // budget_total rows carry agreement_id; link rows are matched whole.
          return row[column] === null ? '' : globalIdById(referenced.get(column)!, row[column])
        }
        const value = row[column]
        if (value === null) return ''
        if (['is_minimum', 'continuing', 'inferred', 'assignment_inferred', 'date_inferred', 'whole_college'].includes(column)) return value === 1 ? 'true' : 'false'
        return String(value)
      }))
      const actual = body.map((r) => r.map((v, i) => (derived.has(`${resource.name}.${header![i]}`) ? null : v)))
      const sort = (rows: (string | null)[][]) => rows.map((r) => JSON.stringify(r)).sort()
      expect(sort(actual), resource.name).toEqual(sort(expected))
      cells += actual.length * header!.length
    }
    expect(cells).toBeGreaterThan(5_000)
  })

  it('derives the convenience columns correctly', () => {
    const [header, ...body] = parse(readFileSync(join(dir, 'csv/actions.csv'))) as string[][]
    const topicIdAt = header!.indexOf('topic_id'), themeIdAt = header!.indexOf('theme_id')
    const topics = db.get('topic')!
    for (const row of body) {
      if (row[topicIdAt] === '') expect(row[themeIdAt]).toBe('')
      else {
        const topic = topics.find((t) => globalIdOf('topic', t) === row[topicIdAt])!
        expect(row[themeIdAt]).toBe(globalIdById('theme', topic.theme_id))
      }
    }
  })
})
