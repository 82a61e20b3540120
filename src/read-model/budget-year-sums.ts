import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'

/** The sum of an agreement's budget lines in one year, whole euros. */
export interface BudgetYearSum {
  agreementId: number
  year: number
  sum: number
}

/**
 * Sums the budget lines per agreement and year in one statement: the computed
 * counterpart of the published totals row, so the two can be compared.
 */
export async function sumBudgetLinesByYear(db: Kysely<Database>, agreementIds: readonly number[]): Promise<BudgetYearSum[]> {
  const rows = await db.selectFrom('budget_amount')
    .innerJoin('budget_line', 'budget_line.id', 'budget_amount.budget_line_id')
    .select(['budget_line.agreement_id', 'budget_amount.year'])
    .select((eb) => eb.fn.sum<number>('budget_amount.amount').as('sum'))
    .where('budget_line.agreement_id', 'in', agreementIds.length ? [...agreementIds] : [-1])
    .groupBy(['budget_line.agreement_id', 'budget_amount.year'])
    .orderBy('budget_line.agreement_id').orderBy('budget_amount.year')
    .execute()
  return rows.map((row) => ({ agreementId: row.agreement_id, year: row.year, sum: Number(row.sum) }))
}
