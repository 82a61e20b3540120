import { sql } from 'kysely'
import type { EditorialStore } from './open-editorial-store.js'

/** How many registered documents the shared table keeps: the least recently registered beyond it are evicted. */
const sharedDocumentCap = 10_000

/**
 * Automatic persisted queries shared between servers through the PostgreSQL
 * editorial store: a hash one server registered is found by every other one
 * on its first miss. The table is bounded: every hundredth registration
 * evicts the least recently registered beyond the cap.
 */
export class SharedDocuments {
  private registrations = 0

  constructor(private readonly store: EditorialStore, private readonly cap = sharedDocumentCap) {}

  /** The document registered under a hash, if any server registered it. */
  async find(hash: string): Promise<string | undefined> {
    return (await this.store.first(this.store.db.selectFrom('persisted_query').select('body').where('hash', '=', hash)))?.body
  }

  /** Keeps a document (the caller checked that the hash is the text's), or marks it used again. */
  async register(hash: string, text: string): Promise<void> {
    await this.store.run(this.store.db.insertInto('persisted_query').values({ hash, body: text })
      .onConflict((oc) => oc.column('hash').doUpdateSet({ used_at: sql`now()` })))
    this.registrations += 1
    if (this.registrations % 100 === 0) {
      await this.store.run(this.store.db.deleteFrom('persisted_query').where('hash', 'in',
        this.store.db.selectFrom('persisted_query').select('hash').orderBy('used_at', 'desc').offset(this.cap)))
    }
  }
}

/** The shared documents of a PostgreSQL store; none for SQLite, whose processes keep their own. */
export function sharedDocumentsOf(store: EditorialStore): SharedDocuments | undefined {
  return store.engine === 'postgres' ? new SharedDocuments(store) : undefined
}
