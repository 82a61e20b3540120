import type { Kysely } from 'kysely'
import { snapshotOf } from '../read-model/read-snapshot.js'
import type { Store } from '../store/open-database.js'
import type { Database } from '../store/database.js'
import type { EditorialRequest } from './editorial-context.js'
import { Loaders } from './loaders.js'
import { StatementCounter } from './statement-counter.js'

/** What every resolver gets: the request's database view, its reads and its statement count. */
export interface ApiContext {
  /** The store this request reads, fixed for the whole request even if the server reopens the database meanwhile. */
  store: Store
  /** The store's Kysely, counting this request's statements. */
  db: Kysely<Database>
  /** The request's synchronous reads of the store's snapshot. */
  loaders: Loaders
  counter: StatementCounter
  /** The editorial store, the signed-in account and what the answer used (see editorial-context.ts). */
  editorial: EditorialRequest
}

/** Creates the context of one request over the snapshot of its store, with a statement counter of its own. */
export function createApiContext(store: Store, editorial: EditorialRequest): ApiContext {
  const counter = new StatementCounter()
  const db = store.db.withPlugin(counter)
  return { store, db, loaders: new Loaders(snapshotOf(store), store.db, counter), counter, editorial }
}
