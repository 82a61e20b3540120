import { afterAll, describe, expect, it } from 'vitest'
import { toGlobalId } from '../../src/model/global-id.js'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())
const agreement = 'assen-2022-2026'

describe('budget totals', () => {
  it('labels each year with its column heading and gives the row label apart', async () => {
    const { budgetTotals } = await app.data('{ budgetTotals { year label rowLabel continuing } }')
    expect(budgetTotals.map((t: any) => [t.year, t.label])).toEqual([
      [2022, 'begroting 2022'], [2023, '2023'], [2024, '2024'], [2025, '2025'], [2026, '2026 ev'],
    ])
    expect(new Set(budgetTotals.map((t: any) => t.rowLabel))).toEqual(new Set(['Totaal extra middeleninzet bestuursakkoord 2022-2026']))
    expect(budgetTotals.at(-1).continuing).toBe(true)
  })
})

describe('search results select their fields without aliases', () => {
  it('validates and answers a query selecting theme and kind on every result type', async () => {
    const answer = await app.gql(`{ search(query: "wonen", first: 50) { edges { node { item {
      __typename
      ... on Action { slug kind theme { slug } }
      ... on Topic { slug parentTheme { slug } }
      ... on BudgetLine { slug theme { slug } }
      ... on Section { slug sectionKind }
    } } } } }`)
    expect(answer.body.errors).toBeUndefined()
    const items = answer.body.data.search.edges.map((e: any) => e.node.item)
    const topic = items.find((i: any) => i.__typename === 'Topic')
    expect(topic.parentTheme.slug).toBeTruthy()
    expect(items.find((i: any) => i.__typename === 'Action').kind).toMatch(/^[A-Z]+$/)
  })

  it('keeps Section.kind, deprecated in favour of sectionKind', async () => {
    const { __type } = await app.data('{ __type(name: "Section") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }')
    const kind = __type.fields.find((f: any) => f.name === 'kind')
    expect(kind.isDeprecated).toBe(true)
    expect(kind.deprecationReason).toMatch(/sectionKind/)
    const { sections } = await app.data('{ sections { kind sectionKind } }')
    for (const s of sections) expect(s.kind).toBe(s.sectionKind)
  })
})

describe('request errors carry a code', () => {
  it('codes a variable of the wrong type BAD_USER_INPUT', async () => {
    const answer = await app.gql('query($first: Int) { actions(first: $first) { totalCount } }', { first: 'ten' })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(answer.body.errors[0].message).toMatch(/\$first/)
  })

  it('codes a missing required variable BAD_USER_INPUT', async () => {
    const answer = await app.gql('query($slug: String!) { theme(slug: $slug) { name } }', {})
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
  })

  it('codes an unknown operation name OPERATION_RESOLUTION_FAILURE and a request without a query BAD_REQUEST', async () => {
    const named = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: 'query A { themes { slug } }', operationName: 'B' }),
    })
    expect((await named.json()).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE')
    const empty = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify({}),
    })
    expect(empty.status).toBe(400)
    expect((await empty.json()).errors[0].extensions.code).toBe('BAD_REQUEST')
  })

  it('nulls only the list whose filter has a typo, naming the field and the position of the slug', async () => {
    const answer = await app.gql('{ themes { slug } theme(slug: "wonen") { actionsConnection(filter: { kind: [NEW], portfolio: ["staal", "stal"] }) { totalCount } } }')
    expect(answer.body.data.themes.length).toBeGreaterThan(0)
    expect(answer.body.data.theme).toEqual({ actionsConnection: null })
    expect(answer.body.errors[0]).toMatchObject({ path: ['theme', 'actionsConnection'], extensions: { code: 'BAD_USER_INPUT', argument: 'filter.portfolio', index: 1 } })
    expect(answer.body.errors[0].message).toContain('filter.portfolio[1] "stal"')
    const root = await app.gql('{ actions(filter: { theme: ["wonen", "wonnen"] }) { totalCount } }')
    expect(root.body.errors[0]).toMatchObject({ path: ['actions'], extensions: { code: 'BAD_USER_INPUT', argument: 'filter.theme', index: 1 } })
    expect(root.body.errors[0].message).toContain('filter.theme[1] "wonnen"')
  })
})

describe('node lookups', () => {
  const wonen = toGlobalId('Theme', agreement, 'wonen')
  const agreementId = toGlobalId('Agreement', agreement)

  it('returns the other objects when one ID of nodes(ids) is malformed, with an error at its position', async () => {
    const answer = await app.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [wonen, 'not-an-id', agreementId] })
    expect(answer.body.data.nodes).toEqual([{ id: wonen }, null, { id: agreementId }])
    expect(answer.body.errors).toHaveLength(1)
    expect(answer.body.errors[0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT', argument: 'ids', index: 1 } })
    expect(answer.body.errors[0].message).toContain('ids[1]')
  })

  it('answers the same object reached twice in one request; a repeat inside one nodes(ids) is refused in place', async () => {
    const answer = await app.gql(`query($id: ID!) { node(id: $id) { id ... on Theme { slug } } theme(slug: "wonen") { id name }
      nodes(ids: [$id, $id]) { __typename ... on Theme { name } } }`, { id: wonen })
    expect(answer.body.data.node).toEqual({ id: wonen, slug: 'wonen' })
    expect(answer.body.data.theme.id).toBe(wonen)
    expect(answer.body.data.nodes).toEqual([{ __typename: 'Theme', name: answer.body.data.theme.name }, null])
    expect(answer.body.errors).toHaveLength(1)
    expect(answer.body.errors[0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT', argument: 'ids', index: 1 } })
    expect(answer.body.errors[0].message).toContain('repeats ids[0]')
  })
})

describe('the source text', () => {
  it('gives the URL the server serves the source at, and deprecates the repository path', async () => {
    const { agreement: a } = await app.data('{ agreement { sourceUrl sourceFile } }')
    expect(a.sourceUrl).toBe(`/data/source/${a.sourceFile.split('/').at(-1)}`)
  })
})
