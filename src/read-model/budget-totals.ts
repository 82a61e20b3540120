import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { listRecords } from './list-records.js'
import type { BudgetTotalRecord } from './records.js'

/**
 * The published totals row of an agreement's budget, one record per year, with
 * its label as printed ("Totaal extra middeleninzet bestuursakkoord 2022-2026"):
 * the AgreementView keeps only the amounts.
 */
export function listBudgetTotals(db: Kysely<Database>, agreementId: number): Promise<BudgetTotalRecord[]> {
  return listRecords(db, 'budgetTotal', { agreementId })
}
