import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getIntrospectionQuery } from 'graphql'
import { costFigures, listMultipliers } from '../../src/api/cost-figures.js'
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
    expect(cost).toEqual({ requestedQueryCost: 3401, actualQueryCost: answerFields(answer.body.data), maximum: testConfig().limits.maxCost, estimated: 3401 })
    expect(costModel).toContain(`| \`ActionsPage\` (src/api/operations), 100 actions | ${cost.requestedQueryCost} |`)
    expect(cost.actualQueryCost).toBeLessThan(cost.requestedQueryCost)
  })

  it('counts the actual cost of lists by what they returned, fragments on a union once per field', async () => {
    const answer = await app.gql(`{ search(query: "zwembad", first: 10) { totalCount edges { node { item {
      __typename ... on Action { slug theme { name } } ... on BudgetLine { slug theme { name } } ... on Topic { slug } } } } } }`)
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.extensions.cost.actualQueryCost).toBe(answerFields(answer.body.data))
  })

  it('documents the cost figures as the server computes them (`npm run schema` writes them)', () => {
    expect(docs).toContain(costFigures(executableSchema))
    for (const [multiplier, fields] of listMultipliers(executableSchema)) expect(costModel).toContain(`| ${multiplier} | ${fields.join(', ')} |`)
  })

  it('estimates the documented requests at least at what their answers cost, a connection of `first: 0` included', async () => {
    const recipe = docs.slice(docs.indexOf('query KindsByTheme'), docs.indexOf('```', docs.indexOf('query KindsByTheme')))
    const answer = await app.gql(recipe)
    expect(answer.body.errors).toBeUndefined()
    const cost = answer.body.extensions.cost
    expect(cost.actualQueryCost).toBe(answerFields(answer.body.data))
    expect(cost.requestedQueryCost).toBeGreaterThanOrEqual(cost.actualQueryCost)
    expect(costModel).toContain(`| \`KindsByTheme\` (Recipes, below) | ${cost.requestedQueryCost} |`)
    // totalCount and facets are computed over the whole list: a page of none costs them once.
    const empty = (await app.gql('{ actions(first: 0) { totalCount facets { kinds { kind count } } } }')).body.extensions.cost
    expect(empty.actualQueryCost).toBeGreaterThan(3)
    expect(empty.requestedQueryCost).toBeGreaterThanOrEqual(empty.actualQueryCost)
  })

  it('reports the full introspection at the cost the docs give', async () => {
    const answer = await app.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))
    expect(costModel).toContain(`| GraphiQL's full introspection query | ${answer.body.extensions.cost.requestedQueryCost} |`)
})
})
