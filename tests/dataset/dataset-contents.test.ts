import { afterAll, describe, expect, it } from 'vitest'
import { findAgreement } from '../../src/read-model/find-agreement.js'
import { loadAgreementView, type AgreementView } from '../../src/read-model/agreement-view.js'
import { openTestStore } from '../helpers.js'

const store = openTestStore()
afterAll(() => store.db.destroy())
const view = async (): Promise<AgreementView> => loadAgreementView(store.db, (await findAgreement(store.db))!)

describe('the curated agreement', () => {
  it('describes the agreement as published', async () => {
    const { agreement, parties, signatories } = await view()
    expect(agreement).toMatchObject({
      slug: 'assen-2022-2026', title: 'Dichtbij & Daadkrachtig', municipality: 'Assen', periodStart: 2022, periodEnd: 2026,
      presentedOn: '2022-06-16', sourceSha256: '5b29bacfb07aa7f7867942efb1e082fef8dc5096e7baf8ce0e6cce12d53e454d', license: 'CC0-1.0',
    })
    expect(parties.map((p) => p.name)).toEqual(['Stadspartij PLOP', 'ChristenUnie', 'ASSEN CENTRAAL', 'VVD', 'SP'])
    expect(signatories.map((p) => p.name)).toEqual(['Bert Jan ten Oever', 'Cor Staal', 'Albert Smit', 'Martin Rasker', 'Jan Broekema'])
  })

  it('has the seven themes in document order, each vision theme with both vision texts', async () => {
    const { themes } = await view()
    expect(themes.map((t) => t.theme.name)).toEqual([
      'Ontmoeten', 'Opgroeien, onderwijs & bewegen', 'Meedoen', 'Ondernemen', 'Verduurzamen', 'Wonen', 'Organisatie & financiën',
    ])
    for (const { theme } of themes.slice(0, 6)) {
      expect(theme.vision?.text, theme.slug).toBeTruthy()
      expect(theme.visionShort?.text, theme.slug).toBeTruthy()
      expect(theme.vision!.text).not.toEqual(theme.visionShort!.text)
    }
    expect(themes[6]!.theme.vision).toBeNull()
  })

  it('holds the sections that are not themes, with the governance parts under Bestuursstijl', async () => {
    const { sections } = await view()
    expect(sections.map((s) => s.section.slug)).toEqual(expect.arrayContaining(['beste-assenaren', 'visie-assen-2030', 'bestuursstijl', 'contact']))
    const style = sections.find((s) => s.section.slug === 'bestuursstijl')!
    expect(style.children.map((c) => c.section.title)).toEqual([
      'Luisteren naar de stad', 'Ruimte voor maatwerk', 'Netwerken gebruiken', 'Ruimte voor de raad', 'Uitnodiging',
    ])
  })

  it('has topics with full text, and no layout label taken for a topic', async () => {
    const { themes } = await view()
    const titles = themes.flatMap((t) => t.topics.map((topic) => topic.topic.title))
    expect(titles).toEqual(expect.arrayContaining(['Werken vanuit de wijk', 'Zwembad', 'Basisbanen', 'Kloosterveen', 'Algemene spelregels',
      'Schuldhulpverlening en armoedebestrijding', 'Verduurzaming gemeentelijk vastgoed']))
    expect(titles.some((t) => /Wat gaan we|Assen in 2030/.test(t))).toBe(false)
    expect(titles).toHaveLength(42)
  })

  it('has every commitment as an action with a kind, a place and a responsible portfolio or a reason', async () => {
    const { actions } = await view()
    expect(actions.length).toBeGreaterThanOrEqual(150)
    expect(actions.length).toBeLessThanOrEqual(250)
    expect(actions.find((a) => a.action.text === 'We maken de pilot basisbanen structureel.')).toBeTruthy()
    for (const a of actions) expect((a.action.topicId === null) !== (a.action.sectionId === null)).toBe(true)
    const kinds = new Set(actions.map((a) => a.action.kind))
    expect([...kinds].sort()).toEqual(['advocate', 'consult', 'continue', 'intensify', 'investigate', 'new', 'support'])
    const basisbanen = actions.find((a) => a.action.slug === 'pilot-basisbanen-structureel')!
    expect(basisbanen.portfolios.map((p) => p.holder.name)).toEqual(['Cor Staal'])
  })

  it('has the quantified and dated targets the text gives', async () => {
    const { actions } = await view()
    const targets = actions.flatMap((a) => a.targets)
    const find = (value: number | null, unit: string | null) => targets.filter((t) => t.value === value && t.unit === unit)
    expect(find(3000, 'woningen')[0]).toMatchObject({ isMinimum: true, deadline: '2030-12-31' })
    expect(find(30, 'procent')).toHaveLength(1)
    expect(find(500, 'woningen')[0]).toMatchObject({ isMinimum: true })
    expect(find(5000, 'banen')).toHaveLength(1)
    expect(find(1_000_000, 'euro')).toHaveLength(1)
    expect(find(4_000_000, 'euro')).toHaveLength(1)
    expect(targets.find((t) => t.startDate === '2022-07-01' && /1 juli 2022/.test(t.text))).toMatchObject({ value: null })
    expect(targets.find((t) => /deze raadsperiode/.test(t.text))).toMatchObject({ deadline: '2026-03-18' })
    expect(targets.find((t) => /na twee jaar/.test(t.text))).toMatchObject({ deadline: null, startDate: '2024-06-16' })
    expect(targets.find((t) => t.startDate === '2025-01-01' && /CO2-neutraal/.test(t.text))).toBeTruthy()
  })

  it('has 5 portfolios, each with one list of responsibilities and two of the ten districts', async () => {
    const { portfolios, districts } = await view()
    expect(portfolios).toHaveLength(5)
    expect(districts).toHaveLength(10)
    for (const p of portfolios) {
      expect(p.districts, p.holder.name).toHaveLength(2)
      expect(p.responsibilities.length).toBeGreaterThan(0)
    }
    const byHolder = Object.fromEntries(portfolios.map((p) => [p.holder.name, p]))
    expect(byHolder['Bert Jan ten Oever']!.districts.map((d) => d.name)).toEqual(['Kloosterveen', 'de Lariks'])
    expect(byHolder['Albert Smit']!.responsibilities[0]!.name).toBe('Financiën')
    expect(byHolder['Jan Broekema']!.districts.map((d) => d.name)).toEqual(['Noorderpark', 'Pittelo'])
    expect(byHolder['Jan Broekema']!.portfolio.assignmentInferred).toBe(true)
    expect(byHolder['Jan Broekema']!.portfolio.assignmentReason).toMatch(/^.{40,}$/s)
  })

  it('has the 14 financial rules in order', async () => {
    const { rules } = await view()
    expect(rules.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(rules[0]!.text).toBe('Het uitgangspunt is repressief financieel toezicht door de toezichthouder.')
    expect(rules[13]!.text).toMatch(/^Tegenvallers in grondexploitaties/)
  })
})

describe('the budget', () => {
  it('has 27 lines in the four categories of the table', async () => {
    const { budget } = await view()
    expect(budget.lines).toHaveLength(27)
    expect(budget.categories.map((c) => [c.category.name, c.lines.length])).toEqual([
      ['Van incidenteel beleid naar structureel beleid', 5], ['Intensivering bestaand beleid', 4],
      ['Voortzetting incidenteel beleid', 8], ['Nieuw beleid', 10],
    ])
  })

  it('sums per year to the published totals row, in whole euros', async () => {
    const { budget } = await view()
    expect(budget.years.map((y) => [y.year, y.amount, y.continuing])).toEqual([
      [2022, 568_000, false], [2023, 11_515_000, false], [2024, 6_740_000, false], [2025, 5_390_000, false], [2026, 5_390_000, true],
    ])
    for (const year of budget.years) expect(year.computed, String(year.year)).toBe(year.amount)
    for (const line of budget.lines) for (const a of line.amounts) expect(Number.isSafeInteger(a.amount)).toBe(true)
  })

  it('marks every year placement the lost columns left open as inferred, with a reason', async () => {
    const { budget } = await view()
    for (const line of budget.lines) {
      const openPlacement = line.amounts.length < 4
      for (const a of line.amounts) {
        expect(a.inferred, line.line.slug).toBe(openPlacement)
        if (a.inferred) expect(a.inferenceReason).toMatch(/^.{40,}$/s)
      }
    }
  })

  it('keeps the misspelled line verbatim with a corrected display name', async () => {
    const { budget } = await view()
    const line = budget.lines.find((l) => l.line.name === 'onderzoek mileupark')!
    expect(line.line.displayName).toBe('Onderzoek milieupark')
    expect(line.topics.map((t) => t.slug)).toEqual(['vernieuwing-milieupark'])
  })

  it('links budget lines to the topics and actions they fund', async () => {
    const { budget } = await view()
    const bySlug = Object.fromEntries(budget.lines.map((l) => [l.line.slug, l]))
    expect(bySlug['vorming-preventiereserve']!.actions.map((a) => a.slug)).toContain('vervolg-preventiefonds')
    expect(bySlug['vorming-reserve-jongerenbeleid']!.actions.map((a) => a.slug)).toContain('fonds-jongereninitiatieven')
    expect(bySlug['onderzoek-openluchtzwembad']!.topics.map((t) => t.slug)).toEqual(['zwembad'])
    expect(bySlug['uitvoering-woonvisie']!.portfolios.map((p) => p.holder.name)).toEqual(['Cor Staal'])
  })
})
