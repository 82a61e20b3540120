import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

const page = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: ActionFilter) {
  actions(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { position slug } }
  }
}`

describe('action pagination', () => {
  it('returns 20 actions by default, in document order, with totalCount and pageInfo', async () => {
    const { actions } = await app.data(page)
    expect(actions.totalCount).toBe(185)
    expect(actions.edges.map((e: any) => e.node.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(actions.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: actions.edges[0].cursor, endCursor: actions.edges[19].cursor })
  })

  it('walks forwards with first/after through every action exactly once', async () => {
    const seen: number[] = []
    let after: string | null = null
    let pages = 0
    for (;;) {
      const { actions }: any = await app.data(page, { first: 30, after })
      seen.push(...actions.edges.map((e: any) => e.node.position))
      pages += 1
      expect(actions.pageInfo.hasPreviousPage).toBe(after !== null)
      if (!actions.pageInfo.hasNextPage) break
      after = actions.pageInfo.endCursor
    }
    expect(pages).toBe(7)
    expect(seen).toEqual(Array.from({ length: 185 }, (_, i) => i + 1))
  })

  it('walks backwards with last/before through every action exactly once', async () => {
    const seen: number[] = []
    let before: string | null = null
    for (;;) {
      const { actions }: any = await app.data(page, { last: 50, before })
      seen.unshift(...actions.edges.map((e: any) => e.node.position))
      expect(actions.pageInfo.hasNextPage).toBe(before !== null)
      if (!actions.pageInfo.hasPreviousPage) break
      before = actions.pageInfo.startCursor
    }
    expect(seen).toEqual(Array.from({ length: 185 }, (_, i) => i + 1))
  })

  it('pages a filtered list, and counts only what passes the filter', async () => {
    const filter = { kind: ['INVESTIGATE'] }
    const first = await app.data(page, { first: 15, filter })
    expect(first.actions.totalCount).toBe(23)
    const second = await app.data(page, { first: 15, after: first.actions.pageInfo.endCursor, filter })
    expect(second.actions.edges).toHaveLength(8)
    expect(second.actions.pageInfo.hasNextPage).toBe(false)
    const all = [...first.actions.edges, ...second.actions.edges].map((e: any) => e.node.position)
    expect([...all].sort((a, b) => a - b)).toEqual(all)
    expect(new Set(all).size).toBe(23)
  })

  it('accepts 100 and refuses 101, negative sizes and first with last, naming the argument', async () => {
    expect((await app.data(page, { first: 100 })).actions.edges).toHaveLength(100)
    expect((await app.data(page, { first: 0 })).actions.edges).toHaveLength(0)
    for (const [variables, argument] of [[{ first: 101 }, 'first'], [{ last: -1 }, 'last'], [{ first: 5, last: 5 }, 'last']] as const) {
      const answer = await app.gql(page, variables)
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument })
      expect(answer.body.errors[0].message).toContain(`Argument ${argument}`)
    }
  })

  it('refuses a cursor that is not one of this list', async () => {
    for (const after of ['garbage', 'U2VhcmNoSGl0OjM', '', '=='.repeat(40)]) {
      const answer = await app.gql(page, { after })
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
    }
  })

  it('windows between after and before', async () => {
    const { actions } = await app.data(page, { first: 100 })
    const after = actions.edges[9].cursor
    const before = actions.edges[15].cursor
    const window = await app.data(page, { after, before })
    expect(window.actions.edges.map((e: any) => e.node.position)).toEqual([11, 12, 13, 14, 15])
  })
})

describe('search pagination', () => {
  const search = `query S($first: Int, $after: String, $last: Int, $before: String) {
    search(query: "we", first: $first, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } edges { cursor node { item { __typename } rank } } } }`

  it('pages through ranked results forwards and backwards without gaps', async () => {
    const all = await app.data(search, { first: 100 })
    const total = all.search.totalCount
    expect(total).toBeGreaterThan(40)
    const ranks = all.search.edges.map((e: any) => e.node.rank)
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks)
    const first = await app.data(search, { first: 10 })
    const second = await app.data(search, { first: 10, after: first.search.pageInfo.endCursor })
    expect(second.search.pageInfo.hasPreviousPage).toBe(true)
    expect([...first.search.edges, ...second.search.edges].map((e: any) => e.cursor)).toEqual(all.search.edges.slice(0, 20).map((e: any) => e.cursor))
    const back = await app.data(search, { last: 5, before: second.search.pageInfo.startCursor })
    expect(back.search.edges.map((e: any) => e.cursor)).toEqual(first.search.edges.slice(5).map((e: any) => e.cursor))
    expect(back.search.pageInfo.hasNextPage).toBe(true)
    expect((await app.data(search)).search.edges).toHaveLength(20)
  })
})
