import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { executableSchema } from '../../src/api/executable-schema.js'
import { possibleTypesSource } from '../../src/api/possible-types.js'
import { projectRoot } from '../../src/config.js'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

// The recipes as a reader sees them: the fenced blocks of docs/api.md between "## Recipes" and the next section.
const docs = readFileSync(join(projectRoot, 'docs/api.md'), 'utf8')
const section = docs.slice(docs.indexOf('## Recipes'), docs.indexOf('\n## ', docs.indexOf('## Recipes') + 1))
const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }))

/** Each graphql block, with the json block that follows it as its variables. */
const queries = blocks.flatMap((block, i) => (block.lang === 'graphql'
  ? [{ query: block.text, variables: blocks[i + 1]?.lang === 'json' ? JSON.parse(blocks[i + 1]!.text) : {} }] : []))

describe('the recipes of docs/api.md', () => {
  it('has the recipes the issue asks for', () => {
    for (const heading of ['Apollo Client setup', 'Cursor paging', 'Facets', 'Budget sums', 'Persisted queries']) expect(section).toContain(`### ${heading}`)
    expect(queries.length).toBeGreaterThanOrEqual(3)
  })

  it.each(queries.map((q) => [q.query.match(/query (\w+)/)?.[1] ?? 'query', q] as const))('%s runs without errors and finds data', async (_name, { query, variables }) => {
    const answer = await app.gql(query, variables)
    expect(answer.body.errors).toBeUndefined()
    const values = JSON.stringify(answer.body.data)
    expect(values).not.toMatch(/^\{("[^"]+":null,?)*\}$/)
  })

  it('lists the possibleTypes Apollo Client needs, every union and interface, as the server introspects them', async () => {
    const setup = blocks.find((b) => b.lang === 'js')!.text
    expect(setup).toContain(possibleTypesSource(executableSchema))
    const listed = (name: string) => JSON.parse(`[${new RegExp(`  ${name}: \\[([^\\]]*)\\]`).exec(setup)![1]!.replaceAll("'", '"')}]`)
    const { __schema } = await app.data('{ __schema { types { name kind possibleTypes { name } } } }')
    const abstract = __schema.types.filter((t: any) => (t.kind === 'UNION' || t.kind === 'INTERFACE') && !t.name.startsWith('__'))
    expect(abstract.map((t: any) => t.name)).toEqual(expect.arrayContaining(['Node', 'ProgressRevision', 'SearchItem']))
    for (const type of abstract) expect(listed(type.name)).toEqual(type.possibleTypes.map((t: any) => t.name).sort())
  })

  it('walks through the persisted-query protocol as the recipe shows it: not found, registered, then found; a trusted document by id', async () => {
    const requests = blocks.filter((b) => b.lang === 'http').map((b) => {
      const [line, body] = b.text.trim().split('\n')
      const [method, path] = line!.split(' ') as [string, string]
      return async (): Promise<any> => (await app.yoga.fetch(new URL(path, 'http://localhost').href, {
        method, headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) }, body,
      })).json()
    })
    expect(requests).toHaveLength(3)
    const [byHash, register, byId] = requests as [() => Promise<any>, () => Promise<any>, () => Promise<any>]
    const query = /For the query `([^`]+)`/.exec(section)![1]!
    expect(section).toContain(createHash('sha256').update(query).digest('hex'))
    expect(await byHash()).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] })
    const registered = await register()
    expect(registered.data.themes.length).toBeGreaterThan(5)
    expect((await byHash()).data).toEqual(registered.data)
    const trusted = await byId()
    expect(trusted.errors).toBeUndefined()
    expect(trusted.data.themes.length).toBeGreaterThan(5)
  })

  it('keeps the promise of the budget recipe: the groups add up to the published totals', async () => {
    const budget = queries.find((q) => q.query.includes('budgetSummary'))!
    const { budgetSummary } = await app.data(budget.query, budget.variables)
    for (const { year, money } of budgetSummary.published) {
      expect(budgetSummary.groups.reduce((s: number, g: any) => s + (g.amounts.find((a: any) => a.year === year)?.money.amount ?? 0), 0)).toBe(money.amount)
    }
    expect(budgetSummary.groups.reduce((s: number, g: any) => s + g.totalMoney.amount, 0)).toBe(budgetSummary.publishedTotalMoney.amount)
    expect(budgetSummary.publishedTotalMoney).toEqual({ amount: 29_603_000, currencyCode: 'EUR' })
  })
})
