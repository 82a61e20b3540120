import { sql, type Kysely } from 'kysely'

/**
 * The release archive (PostgreSQL only): every build of the open-data
 * publication, file by file, so replicas without a shared disk serve the same
 * bytes (src/publication/release-archive.ts). A build is written once, in one
 * transaction, and never changed: triggers refuse UPDATE, DELETE and TRUNCATE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('release_build')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('publication_generation', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('release_build_version').on('release_build').columns(['version', 'id']).execute()
  await db.schema.createTable('release_file')
    .addColumn('build_id', 'bigint', (c) => c.notNull().references('release_build.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mtime_ms', 'double precision', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_file_key', ['build_id', 'path'])
    .execute()
  await sql`CREATE FUNCTION release_archive_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the release archive is append-only: % on % refused', TG_OP, TG_TABLE_NAME; END $$`.execute(db)
  for (const table of ['release_build', 'release_file']) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION release_archive_append_only()`.execute(db)
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION release_archive_append_only()`.execute(db)
  }
}

export async function down(): Promise<void> {
  throw new Error('the release archive is never dropped')
}
