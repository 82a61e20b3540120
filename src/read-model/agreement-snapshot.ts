import type { AgreementRecords, ScopedEntity } from './agreement-records.js'
import type { EntityRecord } from './entities.js'
import { groupBy } from './group-by.js'
import { recordKey, recordKeyColumns, type KeyedEntity } from './record-keys.js'
import type { AgreementRecord } from './records.js'

/** The link tables (many-to-many). */
export type LinkEntity = 'actionPortfolio' | 'actionDistrict' | 'budgetLineTopic' | 'budgetLineAction' | 'budgetLinePortfolio'
/** Entities with a row id (all but the link tables, amounts and totals). */
export type IdEntity = Exclude<ScopedEntity, 'budgetAmount' | 'budgetTotal' | LinkEntity>

type Field<E extends ScopedEntity> = keyof EntityRecord<E> & string

const empty: readonly never[] = Object.freeze([])

/** Sorted copy by position (document or table order); the snapshot's own lists are never sorted in place. */
const byPosition = <T extends { position: number }>(records: readonly T[]): readonly T[] =>
  Object.freeze([...records].sort((a, b) => a.position - b.position))

/**
 * One agreement read whole into immutable, indexed structures: records by id,
 * by stable key and by parent, the many-to-many relations resolved, and the
 * derived lists (actions per theme, portfolios per theme, sums per year, ...).
 * Every answer is a synchronous lookup. Indexes are built on first use and
 * then kept: the records never change, so neither do the lists made of them.
 */
export class AgreementSnapshot {
  private readonly indexes = new Map<string, unknown>()

  constructor(readonly agreement: AgreementRecord, private readonly records: AgreementRecords) {}

  /** Builds an index once and keeps it. */
  private derived<T>(name: string, make: () => T): T {
    let value = this.indexes.get(name) as T | undefined
    if (value === undefined) {
      value = make()
      this.indexes.set(name, value)
    }
    return value
  }

  /** Every record of an entity, in its stable order. */
  list<E extends ScopedEntity>(entity: E): readonly EntityRecord<E>[] {
    return this.records[entity] as readonly EntityRecord<E>[]
  }

  /** A record by row id; null when the agreement has none with that id. */
  byId<E extends IdEntity>(entity: E, id: number): EntityRecord<E> | null {
    const index = this.derived(`id:${entity}`, () => new Map(this.list(entity).map((r) => [(r as { id: number }).id, r])))
    return index.get(id) ?? null
  }

  /** A record by its stable key (a slug, or a rule's position or a total's year in decimal); null when none has it. */
  byKey<E extends KeyedEntity>(entity: E, key: string): EntityRecord<E> | null {
    // Numeric keys match as numbers ("07" is rule 7), as the SQL lookup compares them.
    if (recordKeyColumns[entity].numeric) {
      if (!/^\d{1,9}$/.test(key)) return null
      key = String(Number(key))
    }
    const index = this.derived(`key:${entity}`, () => new Map(this.list(entity).map((r) => [recordKey(entity, r), r])))
    return index.get(key) ?? null
  }

  /** The records whose parent field (such as themeId on a topic) holds the id, in stable order. */
  children<E extends ScopedEntity>(entity: E, field: Field<E>, id: number): readonly EntityRecord<E>[] {
    const index = this.derived(`children:${entity}:${field}`, () => groupBy(this.list(entity), (r) => r[field] as unknown))
    return index.get(id) ?? empty
  }

  /**
   * The records a link table points to from one record (the portfolios of an
   * action, the actions of a district, ...), each once, in link order, or by
   * position when `sorted` is set.
   */
  linked<L extends LinkEntity, T extends IdEntity>(
    link: L, from: Field<L>, id: number, target: T, to: Field<L>, sorted: 'byPosition' | 'linkOrder' = 'linkOrder',
  ): readonly EntityRecord<T>[] {
    const index = this.derived(`linked:${link}:${from}:${to}:${sorted}`, () => {
      const lists = new Map<number, readonly EntityRecord<T>[]>()
      for (const [parent, links] of groupBy(this.list(link), (l) => l[from] as unknown as number)) {
        const found = [...new Set(links.map((l) => l[to] as unknown as number))]
          .map((targetId) => this.byId(target, targetId)).filter((r): r is EntityRecord<T> => r !== null)
        lists.set(parent, sorted === 'byPosition' ? byPosition(found as never) as never : Object.freeze(found))
      }
      return lists
    })
    return index.get(id) ?? empty
  }

  /** The actions a responsibility covers, in document order. */
  actionsOfResponsibility(responsibilityId: number): readonly EntityRecord<'action'>[] {
    return this.derived('actionsOfResponsibility', () => {
      const lists = new Map<number, readonly EntityRecord<'action'>[]>()
      for (const [id, links] of groupBy(this.list('actionPortfolio'), (l) => l.responsibilityId)) {
        // A link counts under the responsibility's own portfolio only, as the SQL read of the portfolio's links did.
        const portfolioId = this.byId('responsibility', id)?.portfolioId
        const actionIds = new Set(links.filter((l) => l.portfolioId === portfolioId).map((l) => l.actionId))
        lists.set(id, byPosition([...actionIds].map((a) => this.byId('action', a)).filter((a) => a !== null)))
      }
      return lists
    }).get(responsibilityId) ?? empty
  }

  /** The portfolios responsible for at least one of a theme's actions, in portfolio order. */
  portfoliosOfTheme(themeId: number): readonly EntityRecord<'portfolio'>[] {
    return this.derived(`portfoliosOfTheme:${themeId}`, () => byPosition([...new Set(this.children('action', 'themeId', themeId)
      .flatMap((action) => this.children('actionPortfolio', 'actionId', action.id).map((l) => l.portfolioId)))]
      .map((id) => this.byId('portfolio', id)!)))
  }

  /** An action by its position in document order; null when none has it. */
  actionAt(position: number): EntityRecord<'action'> | null {
    return this.derived('actionAt', () => new Map(this.list('action').map((a) => [a.position, a]))).get(position) ?? null
  }

  /** The people who signed the agreement, in signing order. */
  get signatories(): readonly EntityRecord<'person'>[] {
    return this.derived('signatories', () => Object.freeze(this.list('person').filter((p) => p.signatoryPosition !== null)
      .sort((a, b) => a.signatoryPosition! - b.signatoryPosition!)))
  }

  /** The top-level sections, in document order. */
  get topSections(): readonly EntityRecord<'section'>[] {
    return this.derived('topSections', () => Object.freeze(this.list('section').filter((s) => s.parentId === null)))
  }

  /** The sum of a budget line's amounts, whole euros. */
  lineTotal(budgetLineId: number): number {
    return this.children('budgetAmount', 'budgetLineId', budgetLineId).reduce((sum, a) => sum + a.amount, 0)
  }

  /** The sum of the budget lines' amounts per year, whole euros: the computed counterpart of the totals row. */
  get budgetSums(): ReadonlyMap<number, number> {
    return this.derived('budgetSums', () => {
      const sums = new Map<number, number>()
      for (const amount of this.list('budgetAmount')) sums.set(amount.year, (sums.get(amount.year) ?? 0) + amount.amount)
      return sums
    })
  }

  /** The ids of the actions that a budget line funds. */
  get fundedActions(): ReadonlySet<number> {
    return this.derived('fundedActions', () => new Set(this.list('budgetLineAction').map((l) => l.actionId)))
  }

  /** The ids of the actions with a target. */
  get targetedActions(): ReadonlySet<number> {
    return this.derived('targetedActions', () => new Set(this.list('target').map((t) => t.actionId)))
  }
}
