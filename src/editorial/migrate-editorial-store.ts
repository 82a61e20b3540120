import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as createEditorialTables from './migrations/2026-12-01T2330-create-editorial-tables.js'
import * as createSessionsAndReturns from './migrations/2026-12-02T0230-create-sessions-and-returns.js'
import * as createReportingRounds from './migrations/2026-12-07T1520-create-reporting-rounds.js'
import * as chainAuditAndPublications from './migrations/2026-12-07T1600-chain-audit-and-publications.js'
import * as createDraftSupersessions from './migrations/2026-12-07T1900-create-draft-supersessions.js'
import * as recordPublicationChainStates from './migrations/2026-12-07T2140-record-publication-chain-states.js'
import * as pgCreateEditorialTables from './migrations-postgres/2026-12-01T2330-create-editorial-tables.js'
import * as pgCreateSessionsAndReturns from './migrations-postgres/2026-12-02T0230-create-sessions-and-returns.js'
import * as pgCreateReportingRounds from './migrations-postgres/2026-12-07T1520-create-reporting-rounds.js'
import * as pgChainAuditAndPublications from './migrations-postgres/2026-12-07T1600-chain-audit-and-publications.js'
import * as pgCreateReleaseArchive from './migrations-postgres/2026-12-07T1800-create-release-archive.js'
import * as pgCreateDraftSupersessions from './migrations-postgres/2026-12-07T1900-create-draft-supersessions.js'
import * as pgCreatePersistedQueries from './migrations-postgres/2026-12-07T1900-create-persisted-queries.js'
import * as pgRecordPublicationChainStates from './migrations-postgres/2026-12-07T2140-record-publication-chain-states.js'
import type { EditorialEngine } from './open-editorial-store.js'

/**
 * The editorial store's migrations in order, one folder per engine with the
 * same names (src/editorial/migrations for SQLite, migrations-postgres for
 * PostgreSQL): each pair makes the same tables, columns, constraints and
 * guards (PostgreSQL adds the shared persisted-query table). A shipped migration is never edited, only followed by a new pair.
 */
const migrations: Record<EditorialEngine, Record<string, Migration>> = {
  sqlite: {
    '2026-12-01T2330-create-editorial-tables': createEditorialTables,
    '2026-12-02T0230-create-sessions-and-returns': createSessionsAndReturns,
    '2026-12-07T1520-create-reporting-rounds': createReportingRounds,
    '2026-12-07T1600-chain-audit-and-publications': chainAuditAndPublications,
    '2026-12-07T1900-create-draft-supersessions': createDraftSupersessions,
    '2026-12-07T2140-record-publication-chain-states': recordPublicationChainStates,
  },
  postgres: {
    '2026-12-01T2330-create-editorial-tables': pgCreateEditorialTables,
    '2026-12-02T0230-create-sessions-and-returns': pgCreateSessionsAndReturns,
    '2026-12-07T1520-create-reporting-rounds': pgCreateReportingRounds,
    '2026-12-07T1600-chain-audit-and-publications': pgChainAuditAndPublications,
    // PostgreSQL only: replicas without a shared disk keep the open-data releases here (SQLite's server has its folder).
    '2026-12-07T1800-create-release-archive': pgCreateReleaseArchive,
    '2026-12-07T1900-create-draft-supersessions': pgCreateDraftSupersessions,
    // PostgreSQL only: the automatic persisted queries every server shares.
    '2026-12-07T1900-create-persisted-queries': pgCreatePersistedQueries,
    '2026-12-07T2140-record-publication-chain-states': pgRecordPublicationChainStates,
  },
}

/** The migrations this code knows for an engine, in order: /readyz compares them with those applied. */
export const migrationNames = (engine: EditorialEngine): string[] => Object.keys(migrations[engine]).sort()

/**
 * Brings the editorial store up to the latest schema (only ever adds),
 * throwing the first migration error. On PostgreSQL, Kysely's Migrator holds
 * an advisory lock, so replicas starting together migrate once.
 */
export async function migrateEditorialStore(db: Kysely<any>, engine: EditorialEngine): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations[engine] }
  const { error } = await new Migrator({ db, provider, migrationTableName: 'editorial_migration', migrationLockTableName: 'editorial_migration_lock' }).migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
}
