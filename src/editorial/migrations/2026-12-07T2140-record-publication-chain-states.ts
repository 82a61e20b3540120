import { sql, type Kysely } from 'kysely'

/**
 * The chain state a publication left behind, for a store that has
 * publications from before this migration: the publication's own link and,
 * when the next link is that publication's accepted audit entry (the store
 * writes it in the same transaction, right after), that one too. A store
 * chained by the migration that introduced the chain put the audit entry of
 * the same moment first, so there the publication's link is the last of its
 * transaction. Exported so the PostgreSQL migration of the same name
 * records the very same states.
 */
export async function backfillChainStates(db: Kysely<any>): Promise<void> {
  const publications = await db.selectFrom('publication').innerJoin('chain_link', (join) => join.onRef('chain_link.row_id', '=', 'publication.id').on('chain_link.kind', '=', 'publication'))
    .select(['publication.id', 'publication.revision_id', 'chain_link.seq']).orderBy('publication.id').execute()
  for (const publication of publications) {
    const next = await db.selectFrom('chain_link').leftJoin('audit_entry', (join) => join.onRef('audit_entry.id', '=', 'chain_link.row_id').on('chain_link.kind', '=', 'audit'))
      .select(['chain_link.seq', 'audit_entry.operation', 'audit_entry.outcome', 'audit_entry.record_id'])
      .where('chain_link.seq', '>', publication.seq).orderBy('chain_link.seq').limit(1).executeTakeFirst()
    const own = next !== undefined && next.operation === 'publishProgress' && next.outcome === 'accepted' && Number(next.record_id) === Number(publication.revision_id)
    const last = own ? next.seq : publication.seq
    const head = await db.selectFrom('chain_link').select('hash').where('seq', '=', last).executeTakeFirstOrThrow()
    const length = await db.selectFrom('chain_link').select((eb) => eb.fn.countAll().as('n')).where('seq', '<=', last).executeTakeFirstOrThrow()
    await db.insertInto('publication_chain_state').values({ publication_id: publication.id, chain_length: Number(length.n), chain_head: head.hash }).execute()
  }
}

/**
 * For each publication, the length and head of the hash chain as its
 * transaction left it (src/editorial/publication-chain-state.ts), so every
 * release states the chain's head at its newest publication and a later
 * release states it unchanged. Append-only, like the chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE publication_chain_state (
    publication_id INTEGER PRIMARY KEY REFERENCES publication (id),
    chain_length INTEGER NOT NULL CHECK (chain_length >= 1),
    chain_head TEXT NOT NULL CHECK (length(chain_head) = 64)
  ) STRICT`).execute(db)
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql.raw(`CREATE TRIGGER publication_chain_state_no_${operation.toLowerCase()} BEFORE ${operation} ON publication_chain_state
      BEGIN SELECT RAISE(ABORT, 'publication_chain_state rows are append-only: ${operation} is refused'); END`).execute(db)
  }
  await backfillChainStates(db)
}
