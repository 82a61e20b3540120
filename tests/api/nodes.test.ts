import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editorialNodeTypes, nodeTypes, toGlobalId } from '../../src/model/global-id.js'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())
const agreement = 'assen-2022-2026'

// Every node type, how to list its objects, and the field that is its stable key.
const listings: Record<(typeof nodeTypes)[number], { list: string; key: string }> = {
  Agreement: { list: 'agreements { id key: slug }', key: 'slug' },
  Party: { list: 'parties { id key: slug }', key: 'slug' },
  Person: { list: 'agreement { signatories { id key: slug } }', key: 'slug' },
  Section: { list: 'sections { id key: slug }', key: 'slug' },
  Theme: { list: 'themes { id key: slug }', key: 'slug' },
  Topic: { list: 'themes { topics { id key: slug } }', key: 'slug' },
  Action: { list: 'actions(first: 100) { edges { node { id key: slug } } }', key: 'slug' },
  Target: { list: 'actions(first: 100, filter: { hasTarget: true }) { edges { node { targets { id key: slug } } } }', key: 'slug' },
  BudgetCategory: { list: 'budgetCategories { id key: slug }', key: 'slug' },
  BudgetLine: { list: 'budgetLines { id key: slug }', key: 'slug' },
  BudgetYearTotal: { list: 'budgetTotals { id key: year }', key: 'year' },
  Rule: { list: 'rules { id key: position }', key: 'position' },
  Portfolio: { list: 'portfolios { id key: slug }', key: 'slug' },
  Responsibility: { list: 'portfolios { responsibilities { id key: slug } }', key: 'slug' },
  District: { list: 'districts { id key: slug }', key: 'slug' },
}

/** Every { id, key } object anywhere in a result. */
function collect(value: unknown, into: { id: string; key: string | number }[] = []): { id: string; key: string | number }[] {
  if (Array.isArray(value)) value.forEach((v) => collect(v, into))
  else if (value && typeof value === 'object') {
    if ('id' in value && 'key' in value) into.push(value as { id: string; key: string | number })
    else Object.values(value).forEach((v) => collect(v, into))
  }
  return into
}

const objects = new Map<(typeof nodeTypes)[number], { id: string; key: string | number }[]>()
beforeAll(async () => {
  for (const type of nodeTypes) objects.set(type, collect(await app.data(`{ ${listings[type].list} }`)))
})

describe('global IDs and node lookups', () => {
  it('covers every node type of the shared ID scheme', async () => {
    const implementing = (await app.data('{ __type(name: "Node") { possibleTypes { name } } }')).__type.possibleTypes.map((t: any) => t.name)
    expect([...implementing].sort()).toEqual([...nodeTypes, ...editorialNodeTypes].sort())
  })

  it.each([...nodeTypes])('%s: IDs derive from the agreement and stable key, and node()/nodes() round-trip', async (type) => {
    const found = objects.get(type)!
    expect(found.length).toBeGreaterThan(0)
    for (const { id, key } of found) {
      expect(id).toBe(type === 'Agreement' ? toGlobalId('Agreement', agreement) : toGlobalId(type, agreement, String(key)))
    }
    const keyField = listings[type].key
    const ids = found.slice(0, 100).map((o) => o.id)
    const { nodes } = await app.data(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ${type} { ${keyField} } } }`, { ids })
    expect(nodes.map((n: any) => [n.__typename, n.id, n[keyField]])).toEqual(found.slice(0, 100).map((o) => [type, o.id, o.key]))
    const one = await app.data(`query($id: ID!) { node(id: $id) { __typename id ... on ${type} { ${keyField} } } }`, { id: found[0]!.id })
    expect(one.node).toEqual({ __typename: type, id: found[0]!.id, [keyField]: found[0]!.key })
  })

  it('gives every object its own ID', () => {
    const all = [...objects.values()].flat().map((o) => o.id)
    expect(new Set(all).size).toBe(all.length)
  })

  it('returns null for well-formed IDs that name nothing, in place', async () => {
    const theme = objects.get('Theme')![0]!.id
    const ids = [toGlobalId('Theme', agreement, 'atlantis'), theme, toGlobalId('Theme', 'utrecht-1900-1904', 'wonen'), toGlobalId('Rule', agreement, '999'),
      toGlobalId('BudgetYearTotal', agreement, '1901'), toGlobalId('Agreement', 'nowhere')]
    const { nodes } = await app.data('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })
    expect(nodes).toEqual([null, { id: theme }, null, null, null, null])
  })

  it('reports a malformed ID as BAD_USER_INPUT, never as an unexpected error', async () => {
    const malformed = ['', 'abc', '!!!', 'VGhlbWU6', Buffer.from('Theme:assen-2022-2026').toString('base64url'), Buffer.from('Spaceship:x/y').toString('base64url'),
      Buffer.from('Theme:ASSEN/wonen').toString('base64url'), 'x'.repeat(1000), '1']
    for (const id of malformed) {
      const answer = await app.gql('query($id: ID!) { node(id: $id) { id } }', { id })
      expect(answer.body.errors, id).toHaveLength(1)
      expect(answer.body.errors[0].extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' })
      expect(answer.body.data).toEqual({ node: null })
    }
  })

  it('refuses more than 100 IDs at once', async () => {
    const ids = Array.from({ length: 101 }, () => objects.get('Theme')![0]!.id)
    const answer = await app.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids })
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ids' })
  })
})
