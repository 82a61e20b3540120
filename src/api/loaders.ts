import DataLoader from 'dataloader'
import type { Kysely } from 'kysely'
import { findAgreementsBySlug } from '../read-model/agreements-by-slug.js'
import { sumBudgetLinesByYear, type BudgetYearSum } from '../read-model/budget-year-sums.js'
import type { EntityName, EntityRecord } from '../read-model/entities.js'
import { findAgreement } from '../read-model/find-agreement.js'
import { listRecords } from '../read-model/list-records.js'
import { findRecordsByKey, recordKey, type KeyedEntity } from '../read-model/record-keys.js'
import { listRecordsOfAgreements } from '../read-model/records-of-agreements.js'
import type { AgreementRecord } from '../read-model/records.js'
import type { Database } from '../store/database.js'
import { groupBy } from '../read-model/group-by.js'

/** Entities read by row id (all but the link tables, amounts and totals). */
/** The link tables (many-to-many). */
export type LinkEntity = 'actionPortfolio' | 'actionDistrict' | 'budgetLineTopic' | 'budgetLineAction' | 'budgetLinePortfolio'
export type IdEntity = Exclude<EntityName, 'budgetAmount' | 'budgetTotal' | LinkEntity>


/**
 * The per-request batch loaders. Every relation of the schema is read through
 * one of these, so a nested query costs one statement per relation and level,
 * however many parents there are. Loaders are made on first use: a request
 * pays only for the relations it asks for.
 */
export class Loaders {
  private readonly made = new Map<string, DataLoader<any, any>>()
  private current: Promise<AgreementRecord | null> | undefined
  private all: Promise<AgreementRecord[]> | undefined

  constructor(private readonly db: Kysely<Database>) {}

  private memo<K, V>(name: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.made.get(name)
    if (!loader) {
      loader = make()
      this.made.set(name, loader)
    }
    return loader as DataLoader<K, V>
  }

  /** The current agreement: the most recently presented one (read once per request). */
  currentAgreement(): Promise<AgreementRecord | null> {
    this.current ??= findAgreement(this.db, null)
    return this.current
  }

  /** Every agreement, oldest first (read once per request). */
  allAgreements(): Promise<AgreementRecord[]> {
    this.all ??= listRecords(this.db, 'agreement')
    return this.all
  }

  /** Agreements by slug. */
  get agreementBySlug(): DataLoader<string, AgreementRecord | null> {
    return this.memo('agreementBySlug', () => new DataLoader(async (slugs: readonly string[]) => {
      const found = new Map((await findAgreementsBySlug(this.db, slugs)).map((a) => [a.slug, a]))
      return slugs.map((slug) => found.get(slug) ?? null)
    }))
  }

  /** Records by row id. */
  byId<E extends IdEntity>(entity: E): DataLoader<number, EntityRecord<E> | null> {
    return this.memo(`id:${entity}`, () => new DataLoader(async (ids: readonly number[]) => {
      const found = new Map((await listRecords(this.db, entity, { ids })).map((r) => [(r as { id: number }).id, r]))
      return ids.map((id) => found.get(id) ?? null)
    }))
  }

  /** The records whose parent column (a property of the record, such as themeId) holds the given id, in stable order. */
  childrenOf<E extends EntityName>(entity: E, column: keyof EntityRecord<E> & string): DataLoader<number, EntityRecord<E>[]> {
    return this.memo(`children:${entity}:${column}`, () => new DataLoader(async (ids: readonly number[]) => {
      const groups = groupBy(await listRecords(this.db, entity, { parent: { column, ids } }), (r): unknown => r[column])
      return ids.map((id) => groups.get(id) ?? [])
    }))
  }

  /** All records of an entity in an agreement, in stable order. */
  ofAgreement<E extends EntityName>(entity: E): DataLoader<number, EntityRecord<E>[]> {
    return this.memo(`agreement:${entity}`, () => new DataLoader(async (ids: readonly number[]) => {
      const groups = groupBy(await listRecordsOfAgreements(this.db, entity, ids), (r) => (r as { agreementId: number }).agreementId)
      return ids.map((id) => groups.get(id) ?? [])
    }))
  }

  /** Records by agreement id and stable key (the parts of a global ID), keyed "agreementId/key". */
  byKey<E extends KeyedEntity>(entity: E): DataLoader<string, EntityRecord<E> | null> {
    return this.memo(`key:${entity}`, () => new DataLoader(async (refs: readonly string[]) => {
      const parsed = refs.map((ref) => {
        const slash = ref.indexOf('/')
        return { agreementId: Number(ref.slice(0, slash)), key: ref.slice(slash + 1) }
      })
      const records = await findRecordsByKey(this.db, entity, parsed)
      const found = new Map(records.map((r) => [`${(r as { agreementId: number }).agreementId}/${recordKey(entity, r)}`, r]))
      return refs.map((ref) => found.get(ref) ?? null)
    }))
  }

  /** The computed sums of the budget lines per year, by agreement id. */
  get budgetSums(): DataLoader<number, BudgetYearSum[]> {
    return this.memo('budgetSums', () => new DataLoader(async (ids: readonly number[]) => {
      const groups = groupBy(await sumBudgetLinesByYear(this.db, ids), (s) => s.agreementId)
      return ids.map((id) => groups.get(id) ?? [])
    }))
  }
}
