import type { Store } from './open-database.js'

/** A request's hold on a store: the store stays open until every lease on it is released. */
export interface StoreLease {
  readonly store: Store
  /** The generation of the store: it changes each time the database is reopened. */
  readonly generation: number
  release(): void
}
