import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadAgreementView, type AgreementView } from '../../src/read-model/agreement-view.js'
import { findAgreement } from '../../src/read-model/find-agreement.js'
import { openTestStore } from '../helpers.js'
import { createTestApp } from './support.js'

// The oracle: the shared read model's whole-agreement view, filtered in plain TypeScript.
const store = openTestStore()
let view: AgreementView
beforeAll(async () => { view = await loadAgreementView(store.db, (await findAgreement(store.db))!) })
const app = createTestApp()
afterAll(async () => { await app.close(); await store.db.destroy() })

const actionSlugs = async (filter: Record<string, unknown>) => {
  const { actions } = await app.data('query($filter: ActionFilter) { actions(first: 100, filter: $filter) { totalCount edges { node { slug } } } }', { filter })
  expect(actions.edges.length).toBe(Math.min(actions.totalCount, 100))
  return actions.edges.map((e: any) => e.node.slug)
}
const expectedSlugs = (keep: (a: AgreementView['actions'][number]) => boolean) => view.actions.filter(keep).map((a) => a.action.slug)
const themeSlugOf = (themeId: number | null) => view.themes.find((t) => t.theme.id === themeId)?.theme.slug

describe('action filters', () => {
  it('filters by theme', async () => {
    const expected = expectedSlugs((a) => themeSlugOf(a.action.themeId) === 'wonen')
    expect(expected.length).toBeGreaterThan(5)
    expect(await actionSlugs({ theme: ['wonen'] })).toEqual(expected)
    expect(await actionSlugs({ theme: 'wonen' })).toEqual(expected)
  })

  it('filters by topic', async () => {
    const topic = view.themes[2]!.topics[0]!.topic
    expect(await actionSlugs({ topic: [topic.slug] })).toEqual(expectedSlugs((a) => a.action.topicId === topic.id))
  })

  it('filters by section', async () => {
    const expected = expectedSlugs((a) => a.action.sectionId !== null && view.sections.flatMap((s) => s.children).find((c) => c.section.id === a.action.sectionId)?.section.slug === 'ruimte-voor-de-raad')
    expect(expected.length).toBeGreaterThan(0)
    expect(await actionSlugs({ section: ['ruimte-voor-de-raad'] })).toEqual(expected)
  })

  it('filters by portfolio and by party', async () => {
    const byPortfolio = expectedSlugs((a) => a.portfolios.some((p) => p.portfolio.slug === 'staal'))
    expect(byPortfolio.length).toBeGreaterThan(10)
    expect(await actionSlugs({ portfolio: ['staal'] })).toEqual(byPortfolio)
    const byParty = expectedSlugs((a) => a.portfolios.some((p) => p.party.slug === 'vvd' || p.party.slug === 'sp'))
    expect(await actionSlugs({ party: ['vvd', 'sp'] })).toEqual(byParty.slice(0, 100))
  })

  it('filters by district', async () => {
    const expected = expectedSlugs((a) => a.districts.some((d) => d.slug === 'kloosterveen'))
    expect(expected.length).toBeGreaterThan(0)
    expect(await actionSlugs({ district: ['kloosterveen'] })).toEqual(expected)
  })

  it('filters by kind', async () => {
    expect(await actionSlugs({ kind: ['ADVOCATE'] })).toEqual(expectedSlugs((a) => a.action.kind === 'advocate'))
    expect((await actionSlugs({ kind: ['ADVOCATE', 'CONSULT'] })).length).toBe(6 + 31)
  })

  it('filters on having a budget and having a target, both ways', async () => {
    const funded = expectedSlugs((a) => a.budgetLines.length > 0)
    expect(funded.length).toBeGreaterThan(10)
    expect(await actionSlugs({ hasBudget: true })).toEqual(funded)
    const unfundedCount = (await app.data('{ actions(filter: { hasBudget: false }) { totalCount } }')).actions.totalCount
    expect(unfundedCount).toBe(185 - funded.length)
    expect(await actionSlugs({ hasTarget: true })).toEqual(expectedSlugs((a) => a.targets.length > 0))
    expect((await app.data('{ actions(filter: { hasTarget: false }) { totalCount } }')).actions.totalCount).toBe(185 - expectedSlugs((a) => a.targets.length > 0).length)
  })

  it('combines filters with AND', async () => {
    const expected = expectedSlugs((a) => themeSlugOf(a.action.themeId) === 'wonen' && a.action.kind === 'new' && a.portfolios.some((p) => p.portfolio.slug === 'staal'))
    expect(await actionSlugs({ theme: ['wonen'], kind: ['NEW'], portfolio: ['staal'] })).toEqual(expected)
  })

  it('reports an unknown slug, naming the filter field and the value', async () => {
    const answer = await app.gql('{ actions(filter: { theme: ["wonen", "mars"] }) { totalCount } }')
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.theme' })
    expect(answer.body.errors[0].message).toContain('"mars"')
    const kind = await app.gql('{ actions(filter: { kind: [SOMETIMES] }) { totalCount } }')
    expect(kind.status).toBe(400)
    expect(kind.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
  })
})

describe('budget line filters', () => {
  const lineSlugs = async (filter: Record<string, unknown>) =>
    (await app.data('query($filter: BudgetLineFilter) { budgetLines(filter: $filter) { slug } }', { filter })).budgetLines.map((l: any) => l.slug)
  const expectedLines = (keep: (l: AgreementView['budget']['lines'][number]) => boolean) => view.budget.lines.filter(keep).map((l) => l.line.slug)

  it('filters by category', async () => {
    const category = view.budget.categories[3]!.category
    const expected = expectedLines((l) => l.category.id === category.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(await lineSlugs({ category: [category.slug] })).toEqual(expected)
  })

  it('filters by year', async () => {
    const expected = expectedLines((l) => l.amounts.some((a) => a.year === 2024))
    expect(expected.length).toBeGreaterThan(5)
    expect(expected.length).toBeLessThan(27)
    expect(await lineSlugs({ year: 2024 })).toEqual(expected)
  })

  it('filters by theme and by portfolio', async () => {
    expect(await lineSlugs({ theme: ['meedoen'] })).toEqual(expectedLines((l) => l.theme?.slug === 'meedoen'))
    const byPortfolio = expectedLines((l) => l.portfolios.some((p) => p.portfolio.slug === 'rasker'))
    expect(byPortfolio.length).toBeGreaterThan(0)
    expect(await lineSlugs({ portfolio: ['rasker'] })).toEqual(byPortfolio)
  })

  it('filters by minimum amount: the total, or the amount in the year given', async () => {
    const byTotal = expectedLines((l) => l.total >= 1_000_000)
    expect(byTotal.length).toBeGreaterThan(0)
    expect(await lineSlugs({ minAmount: 1_000_000 })).toEqual(byTotal)
    const inYear = expectedLines((l) => l.amounts.some((a) => a.year === 2023 && a.amount >= 500_000))
    expect(await lineSlugs({ year: 2023, minAmount: 500_000 })).toEqual(inYear)
    expect(inYear).not.toEqual(byTotal)
  })

  it('refuses impossible values, naming the field', async () => {
    const year = await app.gql('{ budgetLines(filter: { year: 12 }) { slug } }')
    expect(year.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.year' })
    const amount = await app.gql('{ budgetLines(filter: { minAmount: -5 }) { slug } }')
    expect(amount.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.minAmount' })
    const category = await app.gql('{ budgetLines(filter: { category: ["toys"] }) { slug } }')
    expect(category.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.category' })
  })
})
