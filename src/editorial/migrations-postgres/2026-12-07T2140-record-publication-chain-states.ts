import { sql, type Kysely } from 'kysely'
import { backfillChainStates } from '../migrations/2026-12-07T2140-record-publication-chain-states.js'
import { appendOnly } from './2026-12-01T2330-create-editorial-tables.js'

/**
 * Each publication's chain state, as the SQLite migration of the same name
 * makes it: the same table, guards by the same names, and the same states
 * recorded for the publications already in the store.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE publication_chain_state (
    publication_id integer PRIMARY KEY REFERENCES publication (id),
    chain_length integer NOT NULL CHECK (chain_length >= 1),
    chain_head text NOT NULL CHECK (char_length(chain_head) = 64)
  )`).execute(db)
  await appendOnly(db, 'publication_chain_state')
  await backfillChainStates(db)
}
