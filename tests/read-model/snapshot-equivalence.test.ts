import { afterAll, describe, expect, it } from 'vitest'
import { countActions, findActionsPage, type ActionFilterIds, type ActionWindow } from '../../src/read-model/actions-page.js'
import type { ScopedEntity } from '../../src/read-model/agreement-records.js'
import type { IdEntity, LinkEntity } from '../../src/read-model/agreement-snapshot.js'
import { findBudgetLines, type BudgetLineFilterIds } from '../../src/read-model/budget-lines-filtered.js'
import { sumBudgetLinesByYear } from '../../src/read-model/budget-year-sums.js'
import { entities, type EntityRecord } from '../../src/read-model/entities.js'
import { listRecords } from '../../src/read-model/list-records.js'
import { recordLocations } from '../../src/read-model/record-locations.js'
import { findRecordsByKey, recordKey, recordKeyColumns, type KeyedEntity } from '../../src/read-model/record-keys.js'
import { ReadSnapshot } from '../../src/read-model/read-snapshot.js'
import { actionsPageOf, filterActions } from '../../src/read-model/snapshot-actions.js'
import { filterBudgetLines } from '../../src/read-model/snapshot-budget-lines.js'
import { locationOf } from '../../src/read-model/snapshot-locations.js'
import { openTestStore } from '../helpers.js'

// The oracle is SQL: the read model's own statements (the ones the API ran before the snapshot), run on the same file.
const store = openTestStore()
const db = store.db
const readSnapshot = new ReadSnapshot(store)
const snapshot = readSnapshot.agreement(readSnapshot.current!.id)
const agreementId = snapshot.agreement.id
afterAll(() => store.sqlite.close())

const scoped = (Object.keys(entities) as (keyof typeof entities)[]).filter((e): e is ScopedEntity => e !== 'agreement')
const byPosition = <T extends { position: number }>(records: T[]) => [...records].sort((a, b) => a.position - b.position)

describe('the snapshot of an agreement, against SQL', () => {
  it('holds every record of every entity, in the same stable order', async () => {
    for (const entity of scoped) {
      const expected = await listRecords(db, entity, { agreementId })
      expect(snapshot.list(entity), entity).toEqual(expected)
      if (['action', 'topic', 'budgetLine', 'budgetAmount', 'actionPortfolio'].includes(entity)) expect(expected.length, entity).toBeGreaterThan(10)
    }
    expect(readSnapshot.agreements).toEqual(await listRecords(db, 'agreement'))
  })

  it('finds every record by id and by stable key, and nothing for unknown keys', async () => {
    for (const entity of Object.keys(recordKeyColumns) as KeyedEntity[]) {
      const records = snapshot.list(entity) as EntityRecord<KeyedEntity>[]
      const keys = [...records.map((r) => recordKey(entity, r as never)), 'no-such-key', '', '07', '1e3', '2023 ']
      for (const key of keys) {
        const [expected = null] = await findRecordsByKey(db, entity, [{ agreementId, key }])
        expect(snapshot.byKey(entity, key), `${entity} ${JSON.stringify(key)}`).toEqual(expected)
      }
      if (entity !== 'budgetTotal') for (const r of records) expect(snapshot.byId(entity as IdEntity, (r as { id: number }).id)).toBe(r)
    }
    expect(snapshot.byId('action', -1)).toBeNull()
  })

  it('lists the children of every parent as the parent-filtered SQL does', async () => {
    for (const entity of scoped) {
      for (const field of Object.keys(entities[entity].parentColumns)) {
        const values = new Set(snapshot.list(entity).map((r) => (r as unknown as Record<string, unknown>)[field]).filter((v): v is number => typeof v === 'number'))
        for (const id of [...values, -1]) {
          const expected = await listRecords(db, entity, { parent: { column: field, ids: [id] } })
          expect(snapshot.children(entity, field as never, id), `${entity}.${field} = ${id}`).toEqual(expected)
        }
      }
    }
  })

  it('resolves every many-to-many relation both ways, in link order or by position', async () => {
    const relations: [LinkEntity, string, IdEntity, string][] = [
      ['actionPortfolio', 'actionId', 'portfolio', 'portfolioId'], ['actionPortfolio', 'actionId', 'responsibility', 'responsibilityId'],
      ['actionPortfolio', 'portfolioId', 'action', 'actionId'], ['actionDistrict', 'actionId', 'district', 'districtId'],
      ['actionDistrict', 'districtId', 'action', 'actionId'], ['budgetLineTopic', 'budgetLineId', 'topic', 'topicId'],
      ['budgetLineTopic', 'topicId', 'budgetLine', 'budgetLineId'], ['budgetLineAction', 'budgetLineId', 'action', 'actionId'],
      ['budgetLineAction', 'actionId', 'budgetLine', 'budgetLineId'], ['budgetLinePortfolio', 'budgetLineId', 'portfolio', 'portfolioId'],
      ['budgetLinePortfolio', 'portfolioId', 'budgetLine', 'budgetLineId'],
    ]
    for (const [link, from, target, to] of relations) {
      const parents = new Set(snapshot.list(link).map((l) => (l as unknown as Record<string, number>)[from]!))
      for (const id of [...parents, -1]) {
        const links = await listRecords(db, link, { parent: { column: from, ids: [id] } }) as unknown as Record<string, number>[]
        const ids = [...new Set(links.map((l) => l[to]!))]
        const records = await listRecords(db, target, { ids }) as { id: number; position: number }[]
        const inLinkOrder = ids.map((i) => records.find((r) => r.id === i)!)
        const name = `${link} ${from} ${id} -> ${target}`
        expect(snapshot.linked(link, from as never, id, target, to as never), name).toEqual(inLinkOrder)
        expect(snapshot.linked(link, from as never, id, target, to as never, 'byPosition'), name).toEqual(byPosition(inLinkOrder))
      }
    }
  })

  it('derives signatories, top sections, theme portfolios, responsibility actions and budget sums as SQL does', async () => {
    const persons = await listRecords(db, 'person', { agreementId })
    expect(snapshot.signatories).toEqual(persons.filter((p) => p.signatoryPosition !== null).sort((a, b) => a.signatoryPosition! - b.signatoryPosition!))
    expect(snapshot.signatories.length).toBeGreaterThan(2)
    expect(snapshot.topSections).toEqual((await listRecords(db, 'section', { agreementId })).filter((s) => s.parentId === null))
    const links = await listRecords(db, 'actionPortfolio', { agreementId })
    for (const theme of snapshot.list('theme')) {
      const actionIds = new Set((await listRecords(db, 'action', { parent: { column: 'themeId', ids: [theme.id] } })).map((a) => a.id))
      const ids = [...new Set(links.filter((l) => actionIds.has(l.actionId)).map((l) => l.portfolioId))]
      expect(snapshot.portfoliosOfTheme(theme.id)).toEqual(byPosition(await listRecords(db, 'portfolio', { ids })))
    }
    for (const responsibility of snapshot.list('responsibility')) {
      const ids = links.filter((l) => l.portfolioId === responsibility.portfolioId && l.responsibilityId === responsibility.id).map((l) => l.actionId)
      expect(snapshot.actionsOfResponsibility(responsibility.id)).toEqual(byPosition(await listRecords(db, 'action', { ids })))
    }
    const sums = await sumBudgetLinesByYear(db, [agreementId])
    expect([...snapshot.budgetSums].sort(([a], [b]) => a - b)).toEqual(sums.map((s) => [s.year, s.sum]))
    for (const line of snapshot.list('budgetLine')) {
      const amounts = await listRecords(db, 'budgetAmount', { parent: { column: 'budgetLineId', ids: [line.id] } })
      expect(snapshot.lineTotal(line.id)).toBe(amounts.reduce((sum, a) => sum + a.amount, 0))
    }
  })

  it('locates every search document as the SQL does', async () => {
    const documents = await db.selectFrom('search_document').select(['kind', 'record_id as recordId']).where('agreement_id', '=', agreementId).execute()
    expect(documents.length).toBeGreaterThan(200)
    const expected = await recordLocations(db, documents)
    expect(documents.map((d) => locationOf(snapshot, d.kind, d.recordId))).toEqual(expected)
  })
})

describe('filters and keyset pages from the snapshot, against SQL', () => {
  const ids = <E extends 'theme' | 'topic' | 'section' | 'portfolio' | 'party' | 'district' | 'budgetCategory'>(entity: E, n: number) =>
    snapshot.list(entity).slice(0, n).map((r) => r.id)
  const actionFilters: ActionFilterIds[] = [
    {}, { themeIds: ids('theme', 1) }, { themeIds: ids('theme', 3) }, { topicIds: ids('topic', 4) }, { sectionIds: ids('section', 12) },
    { portfolioIds: ids('portfolio', 1) }, { portfolioIds: ids('portfolio', 3) }, { partyIds: ids('party', 1) }, { partyIds: ids('party', 2) },
    { districtIds: ids('district', 2) }, { kinds: ['advocate'] }, { kinds: ['consult', 'new', 'continue'] }, { hasBudget: true }, { hasBudget: false },
    { hasTarget: true }, { hasTarget: false }, { themeIds: [] }, { kinds: [] }, { themeIds: [-1] },
    { themeIds: ids('theme', 4), kinds: ['consult', 'advocate'], hasBudget: false }, { partyIds: ids('party', 1), hasTarget: false, districtIds: ids('district', 5) },
  ]

  it('filters, counts and pages the actions exactly as SQL, forward and backward, from every cursor', async () => {
    let compared = 0
    for (const filter of actionFilters) {
      const actions = filterActions(snapshot, filter)
      expect(actions.length).toBe(await countActions(db, agreementId, filter))
      const positions = [undefined, 0, 7, 120, 204, 500]
      for (const limit of [0, 1, 5, 100]) {
        for (const edge of positions) {
          const windows: ActionWindow[] = [
            { direction: 'forward', limit, after: edge }, { direction: 'backward', limit, before: edge },
            { direction: 'forward', limit, after: edge, before: edge === undefined ? undefined : edge + 40 },
            { direction: 'backward', limit, before: edge, after: edge === undefined ? undefined : Math.max(0, edge - 40) },
          ]
          for (const window of windows) {
            expect(actionsPageOf(actions, window), JSON.stringify({ filter, window })).toEqual(await findActionsPage(db, agreementId, filter, window))
            compared += 1
          }
        }
      }
    }
    expect(compared).toBe(actionFilters.length * 4 * 6 * 4)
  })

  it('filters the budget lines exactly as SQL', async () => {
    const filters: BudgetLineFilterIds[] = [
      {}, { categoryIds: ids('budgetCategory', 1) }, { categoryIds: ids('budgetCategory', 3) }, { themeIds: ids('theme', 2) }, { themeIds: [] },
      { portfolioIds: ids('portfolio', 1) }, { portfolioIds: ids('portfolio', 4) }, { year: 2023 }, { year: 2026 }, { year: 1999 },
      { year: 2024, minAmount: 500_000 }, { minAmount: 0 }, { minAmount: 1_000_000 }, { minAmount: 10_000_000_000 },
      { categoryIds: ids('budgetCategory', 2), themeIds: ids('theme', 8), year: 2025, minAmount: 100_000 },
    ]
    for (const filter of filters) {
      const expected = await findBudgetLines(db, agreementId, filter)
      expect(filterBudgetLines(snapshot, filter), JSON.stringify(filter)).toEqual(expected)
    }
  })
})
