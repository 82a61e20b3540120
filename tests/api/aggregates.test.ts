import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

const facets = `facets {
  themes { theme { slug } count } kinds { kind count } portfolios { portfolio { slug } count } districts { district { slug } count }
}`

describe('facet counts on the actions connection', () => {
  it('count every action once per theme and kind, the same as a filter per value', async () => {
    const { actions } = await app.data(`{ actions(first: 0) { totalCount ${facets} } }`)
    const sum = (buckets: { count: number }[]) => buckets.reduce((s, b) => s + b.count, 0)
    expect(sum(actions.facets.themes)).toBe(actions.totalCount)
    expect(sum(actions.facets.kinds)).toBe(actions.totalCount)
    for (const bucket of actions.facets.themes.filter((b: any) => b.theme)) {
      const { actions: one } = await app.data('query($t: [String!]) { actions(filter: { theme: $t }) { totalCount } }', { t: [bucket.theme.slug] })
      expect(bucket.count).toBe(one.totalCount)
    }
    const none = actions.facets.portfolios.find((b: any) => b.portfolio === null)
    const { actions: unassigned } = await app.data('{ actions(filter: { hasPortfolio: false }) { totalCount } }')
    expect(none?.count ?? 0).toBe(unassigned.totalCount)
    expect(actions.facets.portfolios.at(-1).portfolio).toBeNull()
  })

  it('count progress statuses, matching the status filter', async () => {
    const { actions } = await app.data('{ actions(first: 0, filter: { theme: ["wonen"] }) { totalCount facets { progressStatuses { status count } } } }')
    expect(actions.facets.progressStatuses.reduce((s: number, b: any) => s + b.count, 0)).toBe(actions.totalCount)
    for (const { status, count } of actions.facets.progressStatuses) {
      const { actions: one } = await app.data('query($s: [ProgressStatus!]) { actions(filter: { theme: ["wonen"], progressStatus: $s }) { totalCount } }', { s: [status] })
      expect(one.totalCount).toBe(count)
    }
  })

  it('respect the active filter', async () => {
    const { actions } = await app.data(`{ actions(first: 1, filter: { theme: ["wonen"], kind: [NEW, CONTINUE] }) { totalCount ${facets} } }`)
    expect(actions.facets.themes).toEqual([{ theme: { slug: 'wonen' }, count: actions.totalCount }])
    expect(actions.facets.kinds.map((k: any) => k.kind).every((k: string) => ['NEW', 'CONTINUE'].includes(k))).toBe(true)
    expect(actions.facets.kinds.reduce((s: number, k: any) => s + k.count, 0)).toBe(actions.totalCount)
  })

  it('make a kinds-by-theme table in one query without aliases', async () => {
    const { themes, actions } = await app.data(`{ themes { slug actionsConnection(first: 0) { totalCount facets { kinds { kind count } } } }
      actions(first: 0, filter: { hasPortfolio: true }) { totalCount } }`)
    expect(themes.length).toBeGreaterThan(5)
    for (const theme of themes) {
      const row = theme.actionsConnection.facets.kinds
      expect(row.reduce((s: number, k: any) => s + k.count, 0)).toBe(theme.actionsConnection.totalCount)
    }
    expect(actions.totalCount).toBeGreaterThan(0)
  })
})

describe('budget summary', () => {
  const summary = (groupBy: string) => app.data(`{ budgetSummary(groupBy: ${groupBy}) {
    groupBy publishedTotal computedTotal published { year amount } computed { year amount }
    groups { theme { slug } category { slug } portfolios { slug } lines { slug } amounts { year amount } total }
  } }`).then((d) => d.budgetSummary)

  it.each(['THEME', 'CATEGORY', 'PORTFOLIO'])('by %s: every line in one group, the groups adding up to the published totals each year', async (groupBy) => {
    const s = await summary(groupBy)
    const lines = s.groups.flatMap((g: any) => g.lines.map((l: any) => l.slug))
    expect(new Set(lines).size).toBe(lines.length)
    const { budgetLines } = await app.data('{ budgetLines { slug } }')
    expect(lines.length).toBe(budgetLines.length)
    for (const { year, amount } of s.published) {
      const sum = s.groups.reduce((total: number, g: any) => total + (g.amounts.find((a: any) => a.year === year)?.amount ?? 0), 0)
      expect(sum).toBe(amount)
    }
    expect(s.groups.reduce((t: number, g: any) => t + g.total, 0)).toBe(s.publishedTotal)
    expect(s.computed).toEqual(s.published)
    expect(s.computedTotal).toBe(s.publishedTotal)
  })

  it('by portfolio: a shared line forms a group of its portfolios, so 2023 adds up to 11.515.000, not more', async () => {
    const s = await summary('PORTFOLIO')
    expect(s.published.find((p: any) => p.year === 2023).amount).toBe(11_515_000)
    const shared = s.groups.filter((g: any) => g.portfolios.length > 1)
    expect(shared.length).toBeGreaterThan(0)
    const { budgetLines } = await app.data('{ budgetLines { slug portfolios { slug } } }')
    for (const group of shared) {
      for (const line of group.lines) {
        expect(budgetLines.find((l: any) => l.slug === line.slug).portfolios.map((p: any) => p.slug)).toEqual(group.portfolios.map((p: any) => p.slug))
      }
    }
    expect(s.groups.every((g: any) => g.theme === null && g.category === null)).toBe(true)
  })

  it('refuses a budget year outside the table, as it refuses an unknown slug', async () => {
    const answer = await app.gql('{ budgetLines(filter: { year: 2030 }) { slug } }')
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.year' })
    expect(answer.body.errors[0].message).toContain('2022-2026')
  })
})
