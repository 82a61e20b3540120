import { summarizeBudget, type BudgetGroup, type BudgetGrouping } from '../../read-model/budget-summary.js'
import type { AgreementSnapshot } from '../../read-model/agreement-snapshot.js'
import { agreementArgDescription, snapshotFromArg } from '../agreement-arg.js'
import { builder } from '../builder.js'
import { MoneyRef, useMoneyInstead } from './money.js'
import { BudgetCategoryRef, BudgetLineRef, PortfolioRef, ThemeRef } from './refs.js'

interface YearSum { year: number; amount: number }
interface GroupShape { snapshot: AgreementSnapshot; group: BudgetGroup; grouping: BudgetGrouping }
interface SummaryShape { snapshot: AgreementSnapshot; grouping: BudgetGrouping }

const BudgetGroupingEnum = builder.enumType('BudgetGrouping', {
  description: 'What a budget summary groups the lines of the financial table by.',
  values: {
    THEME: { value: 'theme', description: 'By the theme a line serves; the lines that serve no single theme form one group with `theme` null.' },
    CATEGORY: { value: 'category', description: 'By the category a line is listed under.' },
    PORTFOLIO: {
      value: 'portfolio',
      description: 'By the portfolios responsible for a line. A line shared by several portfolios is not split or counted twice: it forms a group of '
        + 'its own whose `portfolios` lists all of them; lines without a portfolio form a group with `portfolios` empty.',
    },
  } as const,
})

/** The published totals row summed over the term (the continuing column counted once, as printed). */
const publishedTermTotal = (snapshot: AgreementSnapshot): number => snapshot.list('budgetTotal').reduce((sum, total) => sum + total.amount, 0)
/** The lines' sums over the term, counted as the published total is. */
const computedTermTotal = (snapshot: AgreementSnapshot): number => [...snapshot.budgetSums.values()].reduce((sum, v) => sum + v, 0)
const toYearSums = (amounts: ReadonlyMap<number, number>): YearSum[] => [...amounts].map(([year, amount]) => ({ year, amount }))

const BudgetYearSum = builder.objectRef<YearSum>('BudgetYearSum').implement({
  description: 'A sum of budget amounts in one year.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The budget year ("2026" is the "2026 ev" column: continuing in later years).' }),
    amount: t.exposeInt('amount', { description: 'Whole euros.', deprecationReason: useMoneyInstead('money') }),
    money: t.field({ type: MoneyRef, description: 'The sum with its currency.', resolve: (s) => s.amount }),
  }),
})

const BudgetGroupRef = builder.objectRef<GroupShape>('BudgetGroup').implement({
  description: 'One group of a budget summary: its lines and their sums per year. Every line is in exactly one group.',
  fields: (t) => ({
    theme: t.field({
      type: ThemeRef, nullable: true, description: 'Grouped by THEME: the theme; null for the lines that serve no single theme, and for other groupings.',
      resolve: ({ snapshot, group, grouping }) => (grouping === 'theme' && group.ids[0] !== undefined ? snapshot.byId('theme', group.ids[0]) : null),
    }),
    category: t.field({
      type: BudgetCategoryRef, nullable: true, description: 'Grouped by CATEGORY: the category; null for other groupings.',
      resolve: ({ snapshot, group, grouping }) => (grouping === 'category' ? snapshot.byId('budgetCategory', group.ids[0]!) : null),
    }),
    portfolios: t.field({
      type: [PortfolioRef], description: 'Grouped by PORTFOLIO: the portfolios that share the group\'s lines, in portfolio order (several for a shared line, none for unassigned lines); empty for other groupings.',
      resolve: ({ snapshot, group, grouping }) => (grouping === 'portfolio' ? group.ids.map((id) => snapshot.byId('portfolio', id)!) : []),
    }),
    lines: t.field({
      type: [BudgetLineRef], description: 'The group\'s lines, in table order.', complexity: { field: 1, multiplier: 10 },
      resolve: ({ group }) => group.lines,
    }),
    amounts: t.field({ type: [BudgetYearSum], description: 'The sum of the group\'s lines per year, by year; years without an amount are left out.', resolve: ({ group }) => toYearSums(group.amounts) }),
    total: t.int({ description: 'The sum over the term: every printed year, a continuing amount counted once; whole euros.', deprecationReason: useMoneyInstead('totalMoney'), resolve: ({ group }) => group.total }),
    totalMoney: t.field({ type: MoneyRef, description: 'The sum over the term (every printed year, a continuing amount counted once) with its currency.', resolve: ({ group }) => group.total }),
  }),
})

const BudgetSummaryRef = builder.objectRef<SummaryShape>('BudgetSummary').implement({
  description: 'The financial table summed by group. The groups add up, euro for euro, to `computed` in each year; `published` is the printed totals row beside it, so any difference shows.',
  fields: (t) => ({
    groupBy: t.field({ type: BudgetGroupingEnum, description: 'What the lines are grouped by.', resolve: (s) => s.grouping }),
    groups: t.field({
      type: [BudgetGroupRef], description: 'The groups, in table order of their first line.', complexity: { field: 1, multiplier: 10 },
      resolve: ({ snapshot, grouping }) => summarizeBudget(snapshot, grouping).map((group) => ({ snapshot, group, grouping })),
    }),
    computed: t.field({ type: [BudgetYearSum], description: 'The sum of all lines per year, by year.', resolve: ({ snapshot }) => toYearSums(new Map([...snapshot.budgetSums].sort(([a], [b]) => a - b))) }),
    published: t.field({
      type: [BudgetYearSum], description: 'The published totals row per year, by year.',
      resolve: ({ snapshot }) => snapshot.list('budgetTotal').map((total) => ({ year: total.year, amount: total.amount })),
    }),
    publishedTotal: t.int({
      description: 'The published totals over the term: every printed year, the continuing "2026 ev" column counted once; whole euros.',
      deprecationReason: useMoneyInstead('publishedTotalMoney'), resolve: ({ snapshot }) => publishedTermTotal(snapshot),
    }),
    publishedTotalMoney: t.field({
      type: MoneyRef, description: 'The published totals over the term (every printed year, the continuing "2026 ev" column counted once) with its currency.',
      resolve: ({ snapshot }) => publishedTermTotal(snapshot),
    }),
    computedTotal: t.int({
      description: 'The sum of all lines over the term, counted as publishedTotal is; whole euros.',
      deprecationReason: useMoneyInstead('computedTotalMoney'), resolve: ({ snapshot }) => computedTermTotal(snapshot),
    }),
    computedTotalMoney: t.field({
      type: MoneyRef, description: 'The sum of all lines over the term, counted as publishedTotalMoney is, with its currency.',
      resolve: ({ snapshot }) => computedTermTotal(snapshot),
    }),
  }),
})

builder.queryFields((t) => ({
  budgetSummary: t.field({
    type: BudgetSummaryRef, description: 'The financial table of an agreement summed per theme, category or portfolio, per year and over the term.',
    args: {
      agreement: t.arg.string({ description: agreementArgDescription }),
      groupBy: t.arg({ type: BudgetGroupingEnum, required: true, description: 'What to group the lines by.' }),
    },
    resolve: (_root, args, ctx) => ({ snapshot: snapshotFromArg(ctx, args.agreement), grouping: args.groupBy }),
  }),
}))
