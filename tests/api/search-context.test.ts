import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

describe('search snippets in context', () => {
  it('shows, for each hit found through its heading, the matched words with the hit\'s own text', async () => {
    const { search } = await app.data(`{ search(query: "zwembad", types: [ACTION], first: 20) {
      edges { node { snippet excerpt highlights { start length } item { ... on Action { slug text } } } } } }`)
    const hits = search.edges.map((e: any) => e.node)
    expect(hits.length).toBeGreaterThan(1)
    for (const hit of hits) {
      expect(hit.snippet).toMatch(/<mark>[Zz]wembad/)
      // The hit's own words stand beside the match: the first words of its text are in the excerpt.
      const opening = hit.item.text.split(/\s+/).slice(0, 4).join(' ')
      expect(hit.excerpt, hit.item.slug).toContain(opening)
      for (const range of hit.highlights) expect(hit.excerpt.slice(range.start, range.start + range.length).toLowerCase()).toContain('zwemb')
    }
    // No two hits share a snippet: each can be told apart.
    expect(new Set(hits.map((h: any) => h.snippet)).size).toBe(hits.length)
  })
})
