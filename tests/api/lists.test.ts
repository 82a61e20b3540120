import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

/** Every node of a connection, paged by `first` with `after` cursors. */
async function pageAll(query: string, pick: (data: any) => any, size: number, variables: Record<string, unknown> = {}) {
  const nodes: any[] = []
  let after: string | null = null
  for (;;) {
    const connection = pick(await app.data(query, { ...variables, first: size, after }))
    nodes.push(...connection.edges.map((e: any) => e.node))
    if (!connection.pageInfo.hasNextPage) return { nodes, totalCount: connection.totalCount }
    after = connection.pageInfo.endCursor
  }
}

describe('nested action connections', () => {
  it('page a portfolio\'s actions as the deprecated list holds them', async () => {
    const { portfolios } = await app.data('{ portfolios { slug actions { slug } } }')
    const big = portfolios.reduce((a: any, b: any) => (b.actions.length > a.actions.length ? b : a))
    expect(big.actions.length).toBeGreaterThan(30)
    const paged = await pageAll(`query($slug: String!, $first: Int, $after: String) { portfolio(slug: $slug) {
      actionsConnection(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } } }`,
    (d) => d.portfolio.actionsConnection, 7, { slug: big.slug })
    expect(paged.nodes.map((n) => n.slug)).toEqual(big.actions.map((a: any) => a.slug))
    expect(paged.totalCount).toBe(big.actions.length)
  })

  it('filter nested lists with the root filter', async () => {
    const { theme } = await app.data(`{ theme(slug: "wonen") { actionsConnection(first: 100, filter: { kind: [NEW] }) { totalCount edges { node { kind theme { slug } } } } } }`)
    const { actions } = await app.data('{ actions(first: 100, filter: { theme: ["wonen"], kind: [NEW] }) { totalCount } }')
    expect(theme.actionsConnection.totalCount).toBe(actions.totalCount)
    for (const e of theme.actionsConnection.edges) expect(e.node).toEqual({ kind: 'NEW', theme: { slug: 'wonen' } })
  })

  it('find the actions of a parent section\'s parts, by filter and nested', async () => {
    const { sections } = await app.data('{ sections { slug children { slug } actions { slug } } }')
    const parent = sections.find((s: any) => s.children.length > 0 && s.children.some((c: any) => sections.find((x: any) => x.slug === c.slug).actions.length > 0))
    const inChildren = parent.children.flatMap((c: any) => sections.find((x: any) => x.slug === c.slug).actions.map((a: any) => a.slug))
    const { actions } = await app.data('query($s: [String!]) { actions(first: 100, filter: { section: $s }) { totalCount edges { node { slug } } } }', { s: [parent.slug] })
    expect(actions.totalCount).toBe(parent.actions.length + inChildren.length)
    expect(actions.edges.map((e: any) => e.node.slug)).toEqual(expect.arrayContaining(inChildren))
    const { section } = await app.data('query($s: String!) { section(slug: $s) { actionsConnection(first: 100) { totalCount } } }', { s: parent.slug })
    expect(section.actionsConnection.totalCount).toBe(actions.totalCount)
  })

  it('keeps the old list fields, deprecated with a reason', async () => {
    for (const type of ['Theme', 'Topic', 'Section', 'Portfolio', 'District', 'Responsibility', 'BudgetLine']) {
      const { __type } = await app.data(`{ __type(name: "${type}") { fields(includeDeprecated: true) { name deprecationReason } } }`)
      expect(__type.fields.find((f: any) => f.name === 'actions').deprecationReason).toMatch(/actionsConnection/)
      expect(__type.fields.find((f: any) => f.name === 'actionsConnection')).toBeTruthy()
    }
  })
})

describe('action filters and order', () => {
  it('filter by budget line, responsibility and the lack of a portfolio', async () => {
    const { budgetLine } = await app.data('{ budgetLine(slug: "onderzoek-openluchtzwembad") { actions { slug } } }')
    const { actions: byLine } = await app.data('{ actions(filter: { budgetLine: ["onderzoek-openluchtzwembad"] }) { edges { node { slug } } } }')
    expect(byLine.edges.map((e: any) => e.node.slug).sort()).toEqual(budgetLine.actions.map((a: any) => a.slug).sort())
    const { portfolios } = await app.data('{ portfolios { responsibilities { slug actions { slug } } } }')
    const responsibility = portfolios[0].responsibilities.find((r: any) => r.actions.length > 0)
    const { actions: byResponsibility } = await app.data('query($r: [String!]) { actions(first: 100, filter: { responsibility: $r }) { edges { node { slug } } } }', { r: [responsibility.slug] })
    expect(byResponsibility.edges.map((e: any) => e.node.slug)).toEqual(responsibility.actions.map((a: any) => a.slug))
    const { actions: none } = await app.data('{ actions(first: 100, filter: { hasPortfolio: false }) { totalCount edges { node { portfolios { slug } } } } }')
    expect(none.totalCount).toBeGreaterThan(0)
    for (const e of none.edges) expect(e.node.portfolios).toEqual([])
  })

  it('sorts by deadline across pages, refusing a cursor of another order', async () => {
    const query = `query($first: Int, $after: String) { actions(first: $first, after: $after, orderBy: DEADLINE, filter: { hasTarget: true }) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { slug position targets { deadline } } } } }`
    const { nodes, totalCount } = await pageAll(query, (d) => d.actions, 9)
    expect(nodes).toHaveLength(totalCount)
    const earliest = (n: any) => n.targets.map((t: any) => t.deadline).filter(Boolean).sort()[0] ?? '9999'
    const keys = nodes.map((n) => `${earliest(n)} ${String(n.position).padStart(4, '0')}`)
    expect(keys).toEqual([...keys].sort())
    const { actions } = await app.data('{ actions(first: 1) { pageInfo { endCursor } } }')
    const answer = await app.gql(query, { first: 5, after: actions.pageInfo.endCursor })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' })
  })
})

describe('root lists of targets, topics and persons', () => {
  it('lists targets in a deadline range, of a kind and theme, soonest first', async () => {
    const { targets } = await app.data(`{ targets(first: 100, orderBy: DEADLINE, filter: { deadlineFrom: "2023-01-01", deadlineTo: "2026-12-31", kind: [DATED] }) {
      totalCount edges { node { slug deadline action { theme { slug } } } } } }`)
    expect(targets.totalCount).toBeGreaterThan(0)
    const deadlines = targets.edges.map((e: any) => e.node.deadline)
    expect(deadlines).toEqual([...deadlines].sort())
    for (const d of deadlines) expect(d >= '2023-01-01' && d <= '2026-12-31').toBe(true)
    const theme = targets.edges[0].node.action.theme?.slug ?? 'wonen'
    const { targets: byTheme } = await app.data('query($t: [String!]) { targets(first: 100, filter: { theme: $t }) { edges { node { action { theme { slug } } } } } }', { t: [theme] })
    for (const e of byTheme.edges) expect(e.node.action.theme.slug).toBe(theme)
    const bad = await app.gql('query($from: LocalDate) { targets(filter: { deadlineFrom: $from }) { totalCount } }', { from: '2026-02-30' })
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    const reversed = await app.gql('{ targets(filter: { deadlineFrom: "2026-01-01", deadlineTo: "2025-01-01" }) { totalCount } }')
    expect(reversed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.deadlineTo' })
  })

  it('pages topics and persons, filtered by theme and party', async () => {
    const { themes } = await app.data('{ themes { slug topics { slug } } }')
    const all = await pageAll('query($first: Int, $after: String) { topics(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }', (d) => d.topics, 10)
    expect(all.nodes.map((n) => n.slug)).toEqual(themes.flatMap((t: any) => t.topics.map((x: any) => x.slug)))
    const { topics } = await app.data('{ topics(first: 100, theme: ["wonen"]) { edges { node { theme { slug } } } } }')
    for (const e of topics.edges) expect(e.node.theme.slug).toBe('wonen')
    const { persons, parties } = await app.data('{ parties { slug } persons(first: 100) { totalCount edges { node { slug party { slug } } } } }')
    expect(persons.totalCount).toBeGreaterThan(0)
    const party = parties[0].slug
    const { persons: ofParty } = await app.data('query($p: [String!]) { persons(first: 100, party: $p) { totalCount edges { node { party { slug } } } } }', { p: [party] })
    expect(ofParty.totalCount).toBe(persons.edges.filter((e: any) => e.node.party.slug === party).length)
  })
})
