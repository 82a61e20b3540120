import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { executableSchema, printedSchema } from '../../src/api/executable-schema.js'
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql'
import { projectRoot } from '../../src/config.js'

describe('the schema', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    const missing: string[] = []
    let checked = 0
    for (const type of Object.values(executableSchema.getTypeMap())) {
      if (type.name.startsWith('__')) continue
      checked += 1
      if (!type.description?.trim()) missing.push(type.name)
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          checked += 1
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`)
          for (const arg of field.args) {
            checked += 1
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`)
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          checked += 1
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`)
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          checked += 1
          if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`)
        }
      }
    }
    expect(missing).toEqual([])
    expect(checked).toBeGreaterThan(300)
  })

  it('matches the committed schema.graphql (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync(join(projectRoot, 'schema.graphql'), 'utf8')).toBe(printedSchema())
  })

  it('keeps the promised contract', () => {
    const sdl = printedSchema()
    const query = executableSchema.getQueryType()!.getFields()
    const signature = (name: string) => `${name}(${query[name]!.args.map((a) => `${a.name}: ${a.type}`).sort().join(', ')}): ${query[name]!.type}`
    expect(signature('agreements')).toBe('agreements(): [Agreement!]!')
    expect(signature('agreement')).toBe('agreement(slug: String): Agreement')
    expect(signature('themes')).toBe('themes(agreement: String): [Theme!]!')
    expect(signature('theme')).toBe('theme(agreement: String, slug: String!): Theme')
    expect(signature('actions')).toBe('actions(after: String, agreement: String, before: String, filter: ActionFilter, first: Int, last: Int, orderBy: ActionOrder): ActionConnection!')
    expect(signature('budgetLines')).toBe('budgetLines(agreement: String, filter: BudgetLineFilter): [BudgetLine!]!')
    expect(signature('budgetTotals')).toBe('budgetTotals(agreement: String): [BudgetYearTotal!]!')
    expect(signature('rules')).toBe('rules(agreement: String): [Rule!]!')
    expect(signature('portfolios')).toBe('portfolios(agreement: String): [Portfolio!]!')
    expect(signature('districts')).toBe('districts(agreement: String): [District!]!')
    expect(signature('search')).toMatch(/^search\(after: String, agreement: String, .*first: Int, .*query: String!(, theme: \[String!\], types: \[SearchResultType!\])?\): SearchConnection!$/)
    expect(signature('node')).toBe('node(id: ID!): Node')
    expect(signature('nodes')).toBe('nodes(ids: [ID!]!): [Node]!')
    const fields = (type: string) => Object.keys((executableSchema.getType(type) as any).getFields())
    expect(fields('Theme')).toEqual(expect.arrayContaining(['id', 'slug', 'name', 'position', 'vision', 'visionShort', 'topics', 'actions', 'budgetLines']))
    expect(fields('Topic')).toEqual(expect.arrayContaining(['id', 'slug', 'title', 'text', 'theme', 'actions', 'source']))
    expect(fields('Action')).toEqual(expect.arrayContaining(['id', 'text', 'kind', 'theme', 'topic', 'section', 'portfolios', 'budgetLines', 'targets', 'source']))
    expect(fields('BudgetLine')).toEqual(expect.arrayContaining(['id', 'name', 'category', 'amounts', 'total', 'theme', 'actions', 'portfolios']))
    expect(fields('BudgetAmount')).toEqual(expect.arrayContaining(['year', 'amount', 'continuing', 'inferred', 'inferenceReason']))
    expect(fields('BudgetYearTotal')).toEqual(expect.arrayContaining(['year', 'amount', 'computed', 'continuing']))
    expect(fields('Rule')).toEqual(expect.arrayContaining(['id', 'position', 'text']))
    expect(fields('Portfolio')).toEqual(expect.arrayContaining(['id', 'holder', 'party', 'responsibilities', 'districts', 'actions', 'assignmentInferred', 'assignmentReason']))
    expect(fields('District')).toEqual(expect.arrayContaining(['id', 'slug', 'name', 'portfolio']))
    expect(fields('Source')).toEqual(expect.arrayContaining(['endLine', 'startLine', 'text', 'url']))
    expect(fields('SearchHit')).toEqual(expect.arrayContaining(['rank', 'snippet', 'item']))
    expect(sdl).toContain('union SearchItem = Action | BudgetLine | District | Portfolio | Rule | Section | Target | Theme | Topic')
    expect(sdl).toMatch(/amount: Int!/)
  })

  it('documents every action kind with the dataset\'s vocabulary', () => {
    const readme = readFileSync(join(projectRoot, 'db/README.md'), 'utf8')
    const kinds = [...readme.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!)
    const values = (executableSchema.getType('ActionKind') as any).getValues() as { name: string; value: string; description: string }[]
    expect(values.map((v) => v.value).sort()).toEqual(kinds.sort())
    for (const value of values) expect(value.name).toBe(value.value.toUpperCase())
  })
})
