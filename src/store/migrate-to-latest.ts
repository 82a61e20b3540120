import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as createAgreementTables from './migrations/2026-11-28T1540-create-agreement-tables.js'
import * as scopeSearchIndex from './migrations/2026-11-28T1730-scope-search-index.js'
import * as targetDatesAndRecurrence from './migrations/2026-12-01T2330-target-dates-and-recurrence.js'
import * as addBudgetTotalHeading from './migrations/2026-12-02T0030-add-budget-total-heading.js'
import * as addDistrictParts from './migrations/2026-12-02T0300-add-district-parts.js'
import * as actionSameAsAndWholeCollege from './migrations/2026-12-07T1500-action-same-as-and-whole-college.js'
import * as agreementScopedSearchTokens from './migrations/2026-12-07T1500-agreement-scoped-search-tokens.js'
import * as districtCbsCodes from './migrations/2026-12-07T2100-district-cbs-codes.js'

/** The migrations in order; a shipped migration is never edited, only followed by a new one. */
const migrations: Record<string, Migration> = {
  '2026-11-28T1540-create-agreement-tables': createAgreementTables,
  '2026-11-28T1730-scope-search-index': scopeSearchIndex,
  '2026-12-01T2330-target-dates-and-recurrence': targetDatesAndRecurrence,
  '2026-12-02T0030-add-budget-total-heading': addBudgetTotalHeading,
  '2026-12-02T0300-add-district-parts': addDistrictParts,
  '2026-12-07T1500-action-same-as-and-whole-college': actionSameAsAndWholeCollege,
  '2026-12-07T1500-agreement-scoped-search-tokens': agreementScopedSearchTokens,
  '2026-12-07T2100-district-cbs-codes': districtCbsCodes,
}

/** The names of the migrations, in order: a database built by this version has run exactly these. */
export const migrationNames: readonly string[] = Object.keys(migrations)

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Brings a store up to the latest schema, throwing the first migration error. */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
}
