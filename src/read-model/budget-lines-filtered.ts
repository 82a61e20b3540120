import { sql, type Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { entities } from './entities.js'
import type { BudgetLineRecord } from './records.js'

/**
 * Which budget lines to list, with slugs already resolved to ids. Each set
 * field narrows the list (AND); a list matches any of its values (OR).
 */
export interface BudgetLineFilterIds {
  categoryIds?: readonly number[]
  themeIds?: readonly number[]
  portfolioIds?: readonly number[]
  /** Only lines with an amount in this year. */
  year?: number
  /** Whole euros: the amount in `year` when a year is given, otherwise the line's total, is at least this. */
  minAmount?: number
}

/** Reads an agreement's budget lines that pass the filter, in the order of the published table. */
export async function findBudgetLines(db: Kysely<Database>, agreementId: number, filter: BudgetLineFilterIds): Promise<BudgetLineRecord[]> {
  const nonEmpty = (ids: readonly number[]) => (ids.length ? [...ids] : [-1])
  let q = entities.budgetLine.query(db).where('budget_line.agreement_id', '=', agreementId)
  if (filter.categoryIds) q = q.where('budget_line.category_id', 'in', nonEmpty(filter.categoryIds))
  if (filter.themeIds) q = q.where('budget_line.theme_id', 'in', nonEmpty(filter.themeIds))
  if (filter.portfolioIds) {
    const ids = nonEmpty(filter.portfolioIds)
    q = q.where('budget_line.id', 'in', (eb) => eb.selectFrom('budget_line_portfolio')
      .select('budget_line_portfolio.budget_line_id').where('budget_line_portfolio.portfolio_id', 'in', ids))
  }
  if (filter.year !== undefined) {
    const year = filter.year
    const minimum = filter.minAmount ?? 0
    q = q.where('budget_line.id', 'in', (eb) => eb.selectFrom('budget_amount').select('budget_amount.budget_line_id')
      .where('budget_amount.year', '=', year).where('budget_amount.amount', '>=', minimum))
  } else if (filter.minAmount !== undefined) {
    const minimum = filter.minAmount
    q = q.where('budget_line.id', 'in', (eb) => eb.selectFrom('budget_amount').select('budget_amount.budget_line_id')
      .groupBy('budget_amount.budget_line_id').having(sql`sum(budget_amount.amount)`, '>=', minimum))
  }
  const rows = await q.execute()
  return rows.map((row) => entities.budgetLine.map(row))
}
