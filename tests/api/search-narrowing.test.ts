import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

const search = `query($q: String!, $types: [SearchResultType!], $theme: [String!], $first: Int, $after: String) {
  search(query: $q, types: $types, theme: $theme, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { item { __typename ... on Action { slug theme { slug } } ... on Topic { parentTheme { slug } } ... on Theme { slug } ... on BudgetLine { theme { slug } } ... on Target { action { theme { slug } } } } } }
  } }`

describe('narrower search', () => {
  it('finds only the result types asked for, and counts only those', async () => {
    const all = (await app.data(search, { q: 'wonen', first: 100 })).search
    const actions = (await app.data(search, { q: 'wonen', types: ['ACTION'], first: 100 })).search
    const inAll = all.edges.filter((e: any) => e.node.item.__typename === 'Action').length
    expect(all.totalCount).toBeLessThanOrEqual(100)
    expect(actions.totalCount).toBe(inAll)
    expect(new Set(actions.edges.map((e: any) => e.node.item.__typename))).toEqual(new Set(['Action']))
    const both = (await app.data(search, { q: 'wonen', types: ['ACTION', 'TOPIC'], first: 100 })).search
    expect(both.totalCount).toBe(inAll + all.edges.filter((e: any) => e.node.item.__typename === 'Topic').length)
  })

  it('finds only what belongs to a theme', async () => {
    const { search: found } = await app.data(search, { q: 'inwoners', theme: ['wonen'], first: 100 })
    expect(found.totalCount).toBeGreaterThan(0)
    for (const { node: { item } } of found.edges) {
      const theme = item.slug && item.__typename === 'Theme' ? item.slug : (item.theme ?? item.parentTheme ?? item.action?.theme)?.slug
      expect(theme).toBe('wonen')
    }
    const unknown = await app.gql(search, { q: 'inwoners', theme: ['wonnen'] })
    expect(unknown.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'theme', index: 0 })
  })

  it('binds a cursor to its search: the next page of the same search works, another search refuses it', async () => {
    const first = (await app.data(search, { q: 'inwoners', first: 3 })).search
    expect(first.pageInfo.hasNextPage).toBe(true)
    const next = await app.gql(search, { q: 'inwoners', first: 3, after: first.pageInfo.endCursor })
    expect(next.body.errors).toBeUndefined()
    for (const variables of [{ q: 'wonen' }, { q: 'inwoners', types: ['ACTION'] }, { q: 'inwoners', theme: ['wonen'] }]) {
      const other = await app.gql(search, { ...variables, first: 3, after: first.pageInfo.endCursor })
      expect(other.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
      expect(other.body.errors[0].message).toContain('another search')
    }
  })
})
