import type DataLoader from 'dataloader'
import type { EntityRecord } from '../read-model/entities.js'
import type { IdEntity, LinkEntity, Loaders } from './loaders.js'

/**
 * Loads records by id through a batch loader and returns those found, in the
 * order of the ids. A failed batch rethrows its error instead of hiding it.
 */
export async function loadAll<T>(loader: DataLoader<number, T | null>, ids: readonly number[]): Promise<T[]> {
  const results = await loader.loadMany([...new Set(ids)])
  return results.filter((r): r is T | Error => r !== null).map((r) => {
    if (r instanceof Error) throw r
    return r
  })
}

/** Sorts records by their position (document or table order). */
export function byPosition<T extends { position: number }>(records: T[]): T[] {
  return records.sort((a, b) => a.position - b.position)
}

/**
 * The records a link table points to from one record (the portfolios of an
 * action, the actions of a district, ...), in link order: one batched read of
 * the links and one of the records, however many parents ask at once.
 */
export async function loadLinked<L extends LinkEntity, T extends IdEntity>(
  loaders: Loaders, link: L, from: keyof EntityRecord<L> & string, id: number, target: T, to: keyof EntityRecord<L> & string,
): Promise<EntityRecord<T>[]> {
  const links = await loaders.childrenOf(link, from).load(id)
  return loadAll(loaders.byId(target), links.map((l) => l[to] as number)) as Promise<EntityRecord<T>[]>
}
