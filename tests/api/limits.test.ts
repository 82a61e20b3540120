import { afterAll, describe, expect, it } from 'vitest'
import { exampleQueries } from '../../src/api/graphiql-page.js'
import { testConfig, createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())
const limits = testConfig().limits

/** A refused query: status 400, no data (it never ran), one QUERY_TOO_COMPLEX error naming the limit. */
async function expectRefused(query: string, limit: string, variables?: Record<string, unknown>) {
  const answer = await app.gql(query, variables)
  expect(answer.status).toBe(400)
  expect(answer.body.data).toBeUndefined()
  expect(answer.body.extensions?.sqlStatements).toBeUndefined()
  expect(answer.body.errors).toHaveLength(1)
  expect(answer.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit })
  expect(answer.body.errors[0].message).toContain(limit)
  return answer.body.errors[0]
}

describe('query limits', () => {
  it('refuses a query deeper than MAX_DEPTH', async () => {
    let selection = 'slug'
    for (let i = 0; i < limits.maxDepth; i += 1) selection = `parent { ${selection} }`
    const error = await expectRefused(`{ section(slug: "uitnodiging") { ${selection} } }`, 'MAX_DEPTH')
    expect(error.message).toContain(`= ${limits.maxDepth}`)
    let allowed = 'slug'
    for (let i = 0; i < limits.maxDepth - 2; i += 1) allowed = `parent { ${allowed} }`
    expect((await app.gql(`{ section(slug: "uitnodiging") { ${allowed} } }`)).body.errors).toBeUndefined()
  })

  it('refuses more aliases than MAX_ALIASES', async () => {
    const aliases = Array.from({ length: limits.maxAliases + 1 }, (_, i) => `a${i}: theme(slug: "t${i}") { name }`).join(' ')
    await expectRefused(`{ ${aliases} }`, 'MAX_ALIASES')
  })

  it('refuses more directives than MAX_DIRECTIVES', async () => {
    const fields = Array.from({ length: limits.maxDirectives + 1 }, (_, i) => `r${i}: theme(slug: "t${i}") @include(if: true) { name }`).join(' ')
    await expectRefused(`{ ${fields} }`, 'MAX_DIRECTIVES')
  })

  it('refuses more tokens than MAX_TOKENS while parsing', async () => {
    const fields = Array.from({ length: limits.maxTokens }, () => 'position').join(' ')
    await expectRefused(`{ rules { ${fields} } }`, 'MAX_TOKENS')
  })

  it('refuses a query whose estimated cost exceeds MAX_COST, and reports the cost of an accepted one', async () => {
    const costly = '{ actions(first: 100) { edges { node { portfolios { actions { budgetLines { amounts { amount } } } } } } } }'
    const error = await expectRefused(costly, 'MAX_COST')
    expect(error.extensions.cost).toBeGreaterThan(limits.maxCost)
    const answer = await app.gql('{ actions(first: 10) { edges { node { text } } } }')
    // actions 1, plus 10 (the page size) times (node 1 + text 1); edges cost nothing of their own. Ten actions came back.
    expect(answer.body.extensions.cost).toEqual({ requestedQueryCost: 1 + 10 * 2, actualQueryCost: 1 + 10 * 2, maximum: limits.maxCost, estimated: 1 + 10 * 2 })
  })

  it('estimates the cost from the variables a query is sent with', async () => {
    const query = 'query($n: Int) { actions(first: $n) { edges { node { portfolios { actions { text } } } } } }'
    // Both orders: a refusal must not be remembered for the document, nor an acceptance.
    expect((await app.gql(query, { n: 5 })).body.errors).toBeUndefined()
    await expectRefused(query, 'MAX_COST', { n: 100 })
    expect((await app.gql(query, { n: 5 })).body.errors).toBeUndefined()
  })

  it('estimates a variable left out at its default, list arguments and required arguments too', async () => {
    await expectRefused('query($n: Int = 100) { actions(first: $n) { edges { node { portfolios { actions { text } } } } } }', 'MAX_COST')
    const slugs = Array.from({ length: 300 }, (_, i) => `"s${i}"`).join(', ')
    const byDefault = await app.gql(`query($themes: [String!] = [${slugs}]) { topics(theme: $themes) { totalCount } }`)
    const inline = await app.gql(`{ topics(theme: [${slugs}]) { totalCount } }`)
    expect(byDefault.body.extensions.cost.estimated).toBeGreaterThan(300)
    expect(byDefault.body.extensions.cost).toEqual(inline.body.extensions.cost)
    const withDefault = await app.gql('query($n: Int = 10, $by: BudgetGrouping = THEME) { actions(first: $n) { edges { node { text } } } budgetSummary(groupBy: $by) { publishedTotal } }')
    expect(withDefault.body.errors).toBeUndefined()
    expect(withDefault.body.extensions.cost.estimated).toBe((await app.gql('{ actions(first: 10) { edges { node { text } } } budgetSummary(groupBy: THEME) { publishedTotal } }')).body.extensions.cost.estimated)
  })

  it('accepts a whole theme page (a theme, its topics, actions and who is responsible) at the default limit', async () => {
    // Every theme at once multiplies the longest lists of each level (an upper bound): page the themes' actionsConnection instead.
    const answer = await app.gql('{ theme(slug: "wonen") { slug name vision topics { title text actions { kind text portfolios { holder { name } party { name } } budgetLines { displayName } } } } }')
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.extensions.cost.estimated).toBeLessThan(limits.maxCost)
  })

  it('accepts every example query GraphiQL opens with', async () => {
    for (const example of exampleQueries) {
      const answer = await app.gql(example.query, example.variables)
      expect(answer.body.errors, example.name).toBeUndefined()
      expect(answer.body.extensions.cost.estimated).toBeLessThanOrEqual(limits.maxCost)
    }
  })

  it('lets the introspection query GraphiQL sends through', async () => {
    const { getIntrospectionQuery } = await import('graphql')
    const answer = await app.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.__schema.types.length).toBeGreaterThan(30)
  })
})
