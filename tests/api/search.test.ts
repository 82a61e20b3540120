import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

const search = `query S($query: String!, $first: Int) { search(query: $query, first: $first) {
  totalCount edges { node { rank title snippet excerpt highlights { start length }
    item { __typename ... on Theme { name } ... on Topic { title } ... on Action { text } ... on Target { text }
      ... on BudgetLine { name } ... on Rule { text } ... on Section { title } ... on Portfolio { slug } ... on District { name } } } } } }`

// 50 hits: each may hold up to 32 highlights, which the cost estimate counts (docs/api.md, Cost model).
const hits = async (query: string, first = 50) => (await app.data(search, { query, first })).search

describe('search', () => {
  it('folds diacritics: "financien" finds "Financiën"', async () => {
    const result = await hits('financien')
    expect(result.totalCount).toBeGreaterThan(0)
    const texts = result.edges.map((e: any) => `${e.node.title} ${e.node.excerpt}`)
    expect(texts.some((t: string) => t.includes('Financiën') || t.includes('financiën'))).toBe(true)
    expect(result.edges.some((e: any) => e.node.snippet.includes('<mark>financiën</mark>') || e.node.snippet.includes('<mark>Financiën</mark>'))).toBe(true)
  })

  it('folds diacritics: "geisoleerd" finds "geïsoleerd"', async () => {
    const result = await hits('geisoleerd')
    expect(result.totalCount).toBeGreaterThan(0)
    expect(result.edges[0].node.snippet).toContain('<mark>geïsoleerd</mark>')
  })

  it('stems Dutch: "woningen" and "woning" find each other', async () => {
    const plural = await hits('woningen')
    const singular = await hits('woning')
    const items = (result: any) => result.edges.map((e: any) => `${e.node.item.__typename}:${e.node.title}:${e.node.excerpt}`).sort()
    expect(singular.totalCount).toBeGreaterThan(10)
    expect(items(plural)).toEqual(items(singular))
    expect(singular.edges.some((e: any) => /\bwoningen\b/.test(e.node.excerpt))).toBe(true)
    // Through the stem, "woningen" also finds texts without that word ("woningbouw"), and the snippet marks them,
    // which FTS5's own snippet() could not (the match is in the stems column).
    const stemOnly = plural.edges.filter((e: any) => !/woningen/i.test(`${e.node.title} ${e.node.excerpt}`))
    expect(stemOnly.length).toBeGreaterThan(0)
    for (const edge of stemOnly) expect(edge.node.snippet).toMatch(/<mark>[Ww]oning/)
  })

  it('matches prefixes: "zwemb" finds the Zwembad topic', async () => {
    const result = await hits('zwemb')
    expect(result.edges.some((e: any) => e.node.item.__typename === 'Topic' && e.node.item.title === 'Zwembad')).toBe(true)
    expect(result.edges.every((e: any) => /zwemb/i.test(`${e.node.title} ${e.node.excerpt}`))).toBe(true)
  })

  it('requires every word, ranks best first, and returns each kind of record', async () => {
    const both = await hits('sociale huur')
    const one = await hits('huur')
    expect(both.totalCount).toBeGreaterThan(0)
    expect(both.totalCount).toBeLessThanOrEqual(one.totalCount)
    const ranks = one.edges.map((e: any) => e.node.rank)
    expect([...ranks].sort((a: number, b: number) => b - a)).toEqual(ranks)
    const kinds = new Set<string>()
    for (const word of ['wonen', 'spelregel', 'peelo', 'staal', 'basisbanen', 'raad', '3000']) {
      for (const edge of (await hits(word)).edges) kinds.add(edge.node.item.__typename)
    }
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['Action', 'BudgetLine', 'District', 'Portfolio', 'Rule', 'Section', 'Target', 'Theme', 'Topic']))
  })

  it('highlights the matched words in the plain excerpt', async () => {
    const result = await hits('zwembad')
    for (const { node } of result.edges) {
      expect(node.highlights.length).toBeGreaterThan(0)
      for (const h of node.highlights) expect(node.excerpt.slice(h.start, h.start + h.length).toLowerCase()).toContain('zwembad')
    }
  })

  it('escapes the snippet as HTML', async () => {
    const result = await hits('organisatie')
    const html = result.edges.map((e: any) => e.node.snippet).join(' ')
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  })

  const hostile = [
    '"', '""', '"woning', '*', 'woning*', 'NEAR(woning huur)', 'NEAR(', 'title:woning', 'stems:woning', '^woning', '(', ')', '((woning',
    'woning AND', 'OR', 'NOT woning', 'woning OR huur', '-woning', '+', ':', '{title}: x', "'; DROP TABLE search_fts; --", '\\', '\u0000woning',
    '🏠 woning', 'a'.repeat(500), 'x'.repeat(10_000), 'w '.repeat(300), 'é',
  ]

  it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))('answers hostile input %s with results or BAD_USER_INPUT', async (_label, query) => {
    const answer = await app.gql(search, { query, first: 5 })
    expect(answer.status).toBe(200)
    if (answer.body.errors) {
      expect(answer.body.errors).toHaveLength(1)
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' })
      expect(answer.body.errors[0].message.length).toBeLessThan(300)
    } else {
      expect(answer.body.data.search.totalCount).toBeGreaterThanOrEqual(0)
    }
  })

  it('searches operator words as plain text', async () => {
    // "NEAR(woning huur)" means the words near, woning and huur: no FTS5 NEAR group.
    const near = await hits('NEAR(woning huur)')
    const plain = await hits('near woning huur')
    expect(near.totalCount).toBe(plain.totalCount)
    const quoted = await hits('"sociale huur"')
    expect(quoted.totalCount).toBe((await hits('sociale huur')).totalCount)
  })

  it('refuses queries without words, and overlong ones, saying why', async () => {
    const empty = await app.gql(search, { query: '*** ()' })
    expect(empty.body.errors[0].message).toMatch(/holds no word/)
    const long = await app.gql(search, { query: 'x'.repeat(10_000) })
    expect(long.body.errors[0].message).toMatch(/10000 characters long; at most 500/)
    expect(long.body.errors[0].message).not.toContain('x'.repeat(100))
  })
})
