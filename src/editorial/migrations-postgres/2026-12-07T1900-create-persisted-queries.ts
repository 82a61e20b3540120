import { sql, type Kysely } from 'kysely'

/**
 * The documents clients registered through automatic persisted queries,
 * shared by every server over this PostgreSQL store (on SQLite each process
 * keeps its own in memory). A cache, not history: rows are replaced and the
 * least recently registered evicted, so it is not append-only. There is no
 * SQLite counterpart of this migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TABLE persisted_query (
    hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
    body text NOT NULL CHECK (octet_length(body) <= 1000000),
    used_at timestamptz NOT NULL DEFAULT now()
  )`).execute(db)
  await sql.raw('CREATE INDEX persisted_query_used ON persisted_query (used_at)').execute(db)
}
