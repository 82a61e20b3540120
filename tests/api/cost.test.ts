import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isObjectType } from 'graphql'
import { afterAll, describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'
import { operationsDir } from '../../src/api/operation-documents.js'
import { projectRoot } from '../../src/config.js'
import { createTestApp, testConfig } from './support.js'

const app = createTestApp()
afterAll(() => app.close())
const docs = readFileSync(join(projectRoot, 'docs/api.md'), 'utf8')
const costModel = docs.slice(docs.indexOf('### Cost model'), docs.indexOf('What else counts'))

/** Every field of an answer counts 1, `edges` 0: the documented rule, counted on the JSON independently of the server's walk. */
function answerFields(value: unknown, key = ''): number {
  const own = key === '' || key === 'edges' ? 0 : 1
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + answerFields(item), own)
  if (value === null || typeof value !== 'object') return own
  return own + Object.entries(value).reduce((sum, [k, v]) => sum + answerFields(v, k), 0)
}

describe('the cost model', () => {
  it('fits a page of 100 actions with what an app shows, at the cost the documentation works out', async () => {
    const query = readFileSync(join(operationsDir, 'actions-page.graphql'), 'utf8')
    const answer = await app.gql(query, { first: 100 })
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.actions.edges).toHaveLength(100)
    const cost = answer.body.extensions.cost
    expect(costModel).toContain(`**${cost.requestedQueryCost}**`)
    expect(cost).toEqual({ requestedQueryCost: 2701, actualQueryCost: answerFields(answer.body.data), maximum: testConfig().limits.maxCost, estimated: 2701 })
    expect(cost.actualQueryCost).toBeLessThan(cost.requestedQueryCost)
  })

  it('counts the actual cost of lists by what they returned, fragments on a union once per field', async () => {
    const answer = await app.gql(`{ search(query: "zwembad", first: 10) { totalCount edges { node { item {
      __typename ... on Action { slug theme { name } } ... on BudgetLine { slug theme { name } } ... on Topic { slug } } } } } }`)
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.extensions.cost.actualQueryCost).toBe(answerFields(answer.body.data))
  })

  it('documents the expected length of every list that has one, as the schema counts it', () => {
    const groups = new Map<number, string[]>()
    for (const type of Object.values(executableSchema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue
      for (const field of Object.values(type.getFields())) {
        const option = field.extensions?.complexity as { field?: number; multiplier?: number } | undefined
        if (typeof option !== 'object' || option.field !== 1 || option.multiplier === undefined) continue
        groups.set(option.multiplier, [...groups.get(option.multiplier) ?? [], `\`${type.name}.${field.name}\``])
      }
    }
    for (const [multiplier, fields] of groups) expect(costModel).toContain(`| ${multiplier} | ${fields.sort().join(', ')} |`)
  })
})
