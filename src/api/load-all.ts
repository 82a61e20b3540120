import type DataLoader from 'dataloader'

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
