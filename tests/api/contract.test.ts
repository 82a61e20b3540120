import { afterAll, describe, expect, it } from 'vitest'
import { readSource } from '../helpers.js'
import { createTestApp } from './support.js'

const app = createTestApp()
afterAll(() => app.close())
const source = readSource()

describe('the public contract', () => {
  it('lists the agreements and picks the current one', async () => {
    const data = await app.data(`{
      agreements { slug title subtitle municipality periodStart periodEnd presentedOn isCurrent }
      agreement { slug }
      named: agreement(slug: "assen-2022-2026") { slug }
      unknown: agreement(slug: "nowhere-1900-1904") { slug }
    }`)
    expect(data.agreements).toEqual([{
      slug: 'assen-2022-2026', title: 'Dichtbij & Daadkrachtig', subtitle: 'Bestuursakkoord 2022-2026', municipality: 'Assen',
      periodStart: 2022, periodEnd: 2026, presentedOn: '2022-06-16', isCurrent: true,
    }])
    expect(data.agreement.slug).toBe('assen-2022-2026')
    expect(data.named.slug).toBe('assen-2022-2026')
    expect(data.unknown).toBeNull()
  })

  it('serves the seven themes with their visions, topics and actions', async () => {
    const data = await app.data(`{ themes { id slug name position heading vision visionShort
      visionSource { startLine endLine text } visionShortSource { startLine endLine text } source { startLine endLine text }
      topics { slug title theme { slug } actions { slug } } actions { slug } budgetLines { slug } } }`)
    expect(data.themes).toHaveLength(7)
    expect(data.themes.map((t: any) => t.position)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(data.themes.map((t: any) => t.slug)).toContain('wonen')
    for (const theme of data.themes) {
      expect(source.quotes(theme.heading, theme.source.startLine, theme.source.endLine)).toBe(true)
      for (const topic of theme.topics) expect(topic.theme.slug).toBe(theme.slug)
      // A theme's actions are exactly its topics' actions, in the same order.
      expect(theme.actions.map((a: any) => a.slug)).toEqual(theme.topics.flatMap((t: any) => t.actions.map((a: any) => a.slug)))
      if (theme.vision) expect(source.quotes(theme.vision, theme.visionSource.startLine, theme.visionSource.endLine)).toBe(true)
      if (theme.visionShort) expect(theme.visionShortSource.text).toBe(theme.visionShort)
    }
    expect(data.themes.filter((t: any) => t.vision !== null).length).toBeGreaterThan(0)
    expect(data.themes.filter((t: any) => t.visionShort !== null).length).toBeGreaterThan(0)
  })

  it('finds one theme by slug, and null for an unknown slug', async () => {
    const data = await app.data('{ wonen: theme(slug: "wonen") { name topics { slug } } none: theme(slug: "nope") { name } }')
    expect(data.wonen.topics.length).toBeGreaterThan(0)
    expect(data.none).toBeNull()
  })

  it('serves 185 actions, each from a topic or a governance section, with a kind and a quoted source', async () => {
    const data = await app.data(`{ actions(first: 100) { totalCount edges { node { slug text kind theme { slug } topic { slug theme { slug } } section { slug kind }
      source { startLine endLine text } } } } }`)
    expect(data.actions.totalCount).toBe(185)
    for (const { node } of data.actions.edges) {
      expect(['NEW', 'CONTINUE', 'INTENSIFY', 'INVESTIGATE', 'ADVOCATE', 'CONSULT', 'SUPPORT']).toContain(node.kind)
      expect(node.source.text).toBe(node.text)
      expect(source.quotes(node.text, node.source.startLine, node.source.endLine, true)).toBe(true)
      if (node.section) {
        expect(node.topic).toBeNull()
        expect(node.theme).toBeNull()
        expect(node.section.kind).toBe('GOVERNANCE_PART')
      } else {
        expect(node.theme.slug).toBe(node.topic.theme.slug)
      }
    }
    expect(data.actions.edges.some((e: any) => e.node.section !== null)).toBe(true)
  })

  it('serves 27 budget lines with amounts, totals, inference and links', async () => {
    const data = await app.data(`{ budgetLines { slug name displayName total category { slug }
      amounts { year amount continuing inferred inferenceReason } theme { slug } actions { slug } portfolios { slug } source { startLine endLine text } } }`)
    expect(data.budgetLines).toHaveLength(27)
    for (const line of data.budgetLines) {
      expect(line.total).toBe(line.amounts.reduce((sum: number, a: any) => sum + a.amount, 0))
      for (const amount of line.amounts) {
        expect(Number.isInteger(amount.amount)).toBe(true)
        expect(amount.inferred ? typeof amount.inferenceReason : amount.inferenceReason).toBe(amount.inferred ? 'string' : null)
      }
      expect(source.quotes(line.source.text, line.source.startLine, line.source.endLine)).toBe(true)
    }
    const basisbanen = data.budgetLines.find((l: any) => l.slug === 'realisatie-basisbanen')
    expect(basisbanen.amounts.map((a: any) => [a.year, a.amount, a.continuing])).toEqual([[2023, 150000, false], [2024, 150000, false], [2025, 150000, false], [2026, 150000, true]])
    expect(basisbanen.actions.map((a: any) => a.slug)).toEqual(['pilot-basisbanen-structureel'])
    expect(basisbanen.portfolios.map((p: any) => p.slug)).toEqual(['staal'])
    expect(data.budgetLines.some((l: any) => l.amounts.some((a: any) => a.inferred))).toBe(true)
  })

  it('serves the published totals beside the computed sums', async () => {
    const data = await app.data('{ budgetTotals { id year label amount computed continuing source { startLine endLine text } } }')
    expect(data.budgetTotals.map((t: any) => [t.year, t.amount])).toEqual([[2022, 568000], [2023, 11515000], [2024, 6740000], [2025, 5390000], [2026, 5390000]])
    expect(data.budgetTotals.map((t: any) => t.continuing)).toEqual([false, false, false, false, true])
    for (const total of data.budgetTotals) expect(total.computed).toBeGreaterThan(0)
    expect(data.budgetTotals[0].source.text).toBe('568 11.515 6.740 5.390 5.390')
  })

  it('serves the 14 rules in order', async () => {
    const data = await app.data('{ rules { position text source { startLine endLine text } } }')
    expect(data.rules.map((r: any) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    for (const rule of data.rules) expect(source.quotes(rule.text, rule.source.startLine, rule.source.endLine, true)).toBe(true)
  })

  it('serves the 5 portfolios with holder, party, inference, responsibilities, districts and actions', async () => {
    const data = await app.data(`{ portfolios { slug holder { name party { name } } party { name } assignmentInferred assignmentReason
      responsibilities { name portfolio { slug } } districts { slug name portfolio { slug } } actions { slug } budgetLines { slug } source { startLine endLine text } } }`)
    expect(data.portfolios).toHaveLength(5)
    expect(data.portfolios.map((p: any) => p.holder.name)).toEqual(['Bert Jan ten Oever', 'Cor Staal', 'Albert Smit', 'Martin Rasker', 'Jan Broekema'])
    for (const portfolio of data.portfolios) {
      expect(portfolio.party.name).toBe(portfolio.holder.party.name)
      expect(portfolio.assignmentReason.length).toBeGreaterThan(10)
      expect(portfolio.districts).toHaveLength(2)
      for (const r of portfolio.responsibilities) expect(r.portfolio.slug).toBe(portfolio.slug)
      // A portfolio quotes its list; Broekema's name stands apart from it, at the top of the page (db/README.md).
      expect(portfolio.source.text).toContain(portfolio.responsibilities[0].name)
      expect(portfolio.source.text).toContain(`Wijkwethouder van ${portfolio.districts[0].name}`)
    }
    const smit = data.portfolios.find((p: any) => p.slug === 'smit')
    expect(smit.assignmentInferred).toBe(true)
    expect(smit.responsibilities.map((r: any) => r.name)).toContain('Financiën')
    expect(data.portfolios.find((p: any) => p.slug === 'staal').assignmentInferred).toBe(false)
  })

  it('serves the 10 districts with their wijkwethouder', async () => {
    const data = await app.data('{ districts { slug name portfolio { holder { name } } source { text } } peelo: district(slug: "peelo") { portfolio { slug } } }')
    expect(data.districts).toHaveLength(10)
    expect(data.peelo.portfolio.slug).toBe('staal')
    expect(data.districts.find((d: any) => d.slug === 'kloosterveen').portfolio.holder.name).toBe('Bert Jan ten Oever')
  })

  it('serves the sections and their governance actions', async () => {
    const data = await app.data(`{ sections { slug kind parent { slug } children { slug } actions { slug section { slug } } }
      agreement { sections { slug } signatories { name } parties { name members { name } } budgetCategories { slug lines { slug } } } }`)
    const governance = data.sections.find((s: any) => s.kind === 'GOVERNANCE')
    expect(governance.children.length).toBe(5)
    const actions = data.sections.flatMap((s: any) => s.actions)
    expect(actions).toHaveLength(18)
    for (const action of actions) expect(data.sections.find((s: any) => s.slug === action.section.slug).kind).toBe('GOVERNANCE_PART')
    expect(data.agreement.sections.map((s: any) => s.slug)).not.toContain('luisteren-naar-de-stad')
    expect(data.agreement.signatories).toHaveLength(5)
    expect(data.agreement.parties).toHaveLength(5)
    expect(data.agreement.budgetCategories.flatMap((c: any) => c.lines)).toHaveLength(27)
  })

  it('links targets to their actions', async () => {
    const data = await app.data('{ actions(first: 100, filter: { hasTarget: true }) { totalCount edges { node { slug targets { slug value unit isMinimum deadline action { slug } source { text } } } } } }')
    const targets = data.actions.edges.flatMap((e: any) => e.node.targets.map((t: any) => ({ ...t, owner: e.node.slug })))
    expect(targets).toHaveLength(15)
    for (const target of targets) expect(target.action.slug).toBe(target.owner)
    expect(targets.some((t: any) => t.value === 3000 && t.isMinimum)).toBe(true)
  })

  it('reports an unknown agreement as NOT_FOUND naming the argument', async () => {
    const answer = await app.gql('{ themes(agreement: "utrecht-1900-1904") { name } }')
    expect(answer.body.errors[0].extensions.code).toBe('NOT_FOUND')
    expect(answer.body.errors[0].message).toContain('agreement')
    expect(answer.body.errors[0].message).toContain('utrecht-1900-1904')
  })

  it('reports the cost and the SQL statements in extensions', async () => {
    const answer = await app.gql('{ themes { name } }')
    // Requested: themes 1, plus 8 (its expected length) times name 1; actual: the same for the themes there are.
    const themes = answer.body.data.themes.length
    expect(answer.body.extensions.cost).toEqual({ requestedQueryCost: 9, actualQueryCost: 1 + themes, maximum: 5000, estimated: 9 })
    // Read from the snapshot of the database, made when it was opened: no SQL.
    expect(answer.body.extensions.sqlStatements).toBe(0)
  })
})

describe('the database handle', () => {
  it('is opened read-only', async () => {
    const lease = app.stores.acquire()
    try {
      expect(lease.store.sqlite.readonly).toBe(true)
      expect(() => lease.store.sqlite.exec('DELETE FROM rule')).toThrow(/readonly/)
    } finally {
      lease.release()
    }
  })
})
