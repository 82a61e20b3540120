import type { Kysely } from 'kysely'
import { loadAgreementView } from '../read-model/agreement-view.js'
import { listBudgetTotals } from '../read-model/budget-totals.js'
import { findAgreement } from '../read-model/find-agreement.js'
import type { AgreementRecord } from '../read-model/records.js'
import type { Database } from '../store/database.js'
import type { ReportSource } from './build-report.js'
import { UnknownAgreementError } from './report-errors.js'

/** Finds the agreement (the current one when slug is null) or throws UnknownAgreementError. */
export async function findReportAgreement(db: Kysely<Database>, slug: string | null): Promise<AgreementRecord> {
  const agreement = await findAgreement(db, slug)
  if (!agreement) throw new UnknownAgreementError(slug)
  return agreement
}

/** Reads what the report builders need through the read model: the agreement whole, and the totals row's label. */
export async function loadReportSource(db: Kysely<Database>, agreement: AgreementRecord, baseUrl: string): Promise<ReportSource> {
  const [view, totals] = await Promise.all([loadAgreementView(db, agreement), listBudgetTotals(db, agreement.id)])
  return { view, totalsLabel: totals[0]?.label ?? 'Totaal', baseUrl }
}
