import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as createEditorialTables from './migrations/2026-12-01T2330-create-editorial-tables.js'
import * as createSessionsAndReturns from './migrations/2026-12-02T0230-create-sessions-and-returns.js'
import * as createReportingRounds from './migrations/2026-12-07T1520-create-reporting-rounds.js'
import * as chainAuditAndPublications from './migrations/2026-12-07T1600-chain-audit-and-publications.js'
import * as createDraftSupersessions from './migrations/2026-12-07T1900-create-draft-supersessions.js'

/** The editorial store's migrations in order; a shipped migration is never edited, only followed by a new one. */
const migrations: Record<string, Migration> = {
  '2026-12-01T2330-create-editorial-tables': createEditorialTables,
  '2026-12-02T0230-create-sessions-and-returns': createSessionsAndReturns,
  '2026-12-07T1520-create-reporting-rounds': createReportingRounds,
  '2026-12-07T1600-chain-audit-and-publications': chainAuditAndPublications,
  '2026-12-07T1900-create-draft-supersessions': createDraftSupersessions,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Brings the editorial store up to the latest schema (only ever adds), throwing the first migration error. */
export async function migrateEditorialStore(db: Kysely<any>): Promise<void> {
  const { error } = await new Migrator({ db, provider, migrationTableName: 'editorial_migration', migrationLockTableName: 'editorial_migration_lock' }).migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
}
