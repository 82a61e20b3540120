import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDatabase } from '../../src/build/build-database.js'
import { projectRoot } from '../../src/config.js'
import { buildAgreementCopies, createTestApp, temporaryDir } from './support.js'

const app = createTestApp()
afterAll(() => app.close())

const money = '{ amount currencyCode }'

describe('money with its currency', () => {
  it('gives every amount as Money in euros, equal to the deprecated Int beside it, and adding up to the published term total', async () => {
    const data = await app.data(`{
      budgetLines { total totalMoney ${money} amounts { amount money ${money} } }
      budgetTotals { amount money ${money} computed computedMoney ${money} }
      budgetSummary(groupBy: THEME) { groups { total totalMoney ${money} amounts { amount money ${money} } }
        publishedTotal publishedTotalMoney ${money} computedTotal computedTotalMoney ${money} published { amount money ${money} } } }`)
    const pairs: [number, { amount: number; currencyCode: string }][] = [
      ...data.budgetLines.flatMap((line: any) => [[line.total, line.totalMoney], ...line.amounts.map((a: any) => [a.amount, a.money])]),
      ...data.budgetTotals.flatMap((t: any) => [[t.amount, t.money], [t.computed, t.computedMoney]]),
      ...data.budgetSummary.groups.flatMap((g: any) => [[g.total, g.totalMoney], ...g.amounts.map((a: any) => [a.amount, a.money])]),
      [data.budgetSummary.publishedTotal, data.budgetSummary.publishedTotalMoney], [data.budgetSummary.computedTotal, data.budgetSummary.computedTotalMoney],
      ...data.budgetSummary.published.map((p: any) => [p.amount, p.money]),
    ]
    expect(pairs.length).toBeGreaterThan(100)
    for (const [int, value] of pairs) expect(value).toEqual({ amount: int, currencyCode: 'EUR' })
    // The published total over the term, as the agreement prints it: € 29.603.000.
    expect(data.budgetSummary.publishedTotalMoney.amount).toBe(29_603_000)
  })

  it('marks the plain Int amounts deprecated, naming the Money field to use', async () => {
    const { __type } = await app.data('{ __type(name: "BudgetYearTotal") { fields(includeDeprecated: true) { name isDeprecated deprecationReason type { name ofType { name } } } } }')
    const field = (name: string) => __type.fields.find((f: any) => f.name === name)
    expect(field('amount')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`money`') })
    expect(field('computed')).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringContaining('`computedMoney`') })
    expect(field('money')).toMatchObject({ isDeprecated: false, type: { ofType: { name: 'Money' } } })
  })
})

describe('dates, moments and decimals', () => {
  it('types dates as LocalDate, moments as DateTime and target values as Float, with the same JSON as before', async () => {
    const typeOf = async (type: string, field: string) => {
      const { __type } = await app.data(`{ __type(name: "${type}") { fields { name type { name ofType { name } } } } }`)
      const f = __type.fields.find((x: any) => x.name === field)
      return f.type.name ?? f.type.ofType.name
    }
    expect(await typeOf('Agreement', 'presentedOn')).toBe('LocalDate')
    expect(await typeOf('Target', 'deadline')).toBe('LocalDate')
    expect(await typeOf('Target', 'value')).toBe('Float')
    expect(await typeOf('ProgressAssessment', 'recordedAt')).toBe('DateTime')
    expect(await typeOf('ProgressAssessment', 'asOf')).toBe('LocalDate')
    const { agreement, targets } = await app.data('{ agreement { presentedOn } targets(first: 100) { edges { node { deadline value } } } }')
    expect(agreement.presentedOn).toBe('2022-06-16')
    for (const { node } of targets.edges) {
      if (node.deadline !== null) expect(node.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (node.value !== null) expect(Number.isInteger(node.value)).toBe(true)
    }
  })

  it('keeps a decimal target value through the build and the API', { timeout: 300_000 }, async () => {
    const folder = temporaryDir('decimal-target')
    try {
      const dataDir = join(folder.dir, 'data')
      const databasePath = join(folder.dir, 'content.sqlite')
      const themeFile = (dir: string) => join(dir, 'assen-2022-2026', 'themes', '02-opgroeien-onderwijs-en-bewegen.yaml')
      await buildAgreementCopies(dataDir, databasePath, ['assen-2022-2026'])
      writeFileSync(themeFile(dataDir), readFileSync(themeFile(dataDir), 'utf8').replace('value: 1000000\n', 'value: 2.5\n'))
      await buildDatabase({ dataDir, databasePath, root: projectRoot })
      const decimalApp = createTestApp({ databasePath })
      try {
        const { targets } = await decimalApp.data('{ targets(first: 100) { edges { node { value } } } }')
        expect(targets.edges.map((e: any) => e.node.value)).toContain(2.5)
      } finally {
        // Only its own database: the editorial store is the file's shared one, closed with `app`.
        decimalApp.stores.closeAll()
      }
    } finally {
      folder.remove()
    }
  })
})
