import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

describe('Action.context', () => {
  it('gives the paragraph around an action whose sentence leans on the one before ("daarom")', async () => {
    const { action } = await app.data('{ action(slug: "wijkgerichte-aanpak-opgaven") { text context } }')
    expect(action.text).toBe('We kiezen daarom bij veel van onze opgaven voor een wijkgerichte aanpak.')
    expect(action.context).toMatch(/^De inwoner staat voor ons centraal\. We kiezen daarom/)
    expect(action.context).toContain(action.text)
  })

  it('holds every action\'s own sentence, and stays inside one paragraph across a page break', async () => {
    let after: string | null = null
    const contexts: { slug: string; text: string; context: string | null }[] = []
    do {
      const { actions }: { actions: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { slug: string; text: string; context: string | null } }[] } } =
        await app.data('query($after: String) { actions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug text context } } } }', { after })
      contexts.push(...actions.edges.map((e) => e.node))
      after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : null
    } while (after)
    expect(contexts.length).toBeGreaterThan(100)
    for (const a of contexts) expect(a.context, a.slug).toContain(a.text)
    // The source breaks this paragraph over a page in the middle of the sentence.
    const split = contexts.find((a) => a.text.startsWith('Grensoverschrijdend gedrag en straatintimidatie'))!
    expect(split.context).toContain('Voorkomen en handhaven gaan daarbij hand in hand. Grensoverschrijdend gedrag')
    expect(split.context).not.toContain('digitale veiligheid')
  })
})
