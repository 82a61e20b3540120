import type { Kysely } from 'kysely'
import type { Database } from '../store/database.js'
import { listDistrictParts } from './list-district-parts.js'
import { listRecords } from './list-records.js'
import type * as R from './records.js'
import { groupBy } from './group-by.js'

/** A portfolio with its holder, party, responsibilities and districts resolved. */
export interface PortfolioView {
  portfolio: R.PortfolioRecord
  holder: R.PersonRecord
  party: R.PartyRecord
  responsibilities: R.ResponsibilityRecord[]
  districts: R.DistrictRecord[]
}

/** An action with its targets, responsible portfolios, districts and funding lines. */
export interface ActionView {
  action: R.ActionRecord
  targets: R.TargetRecord[]
  portfolios: PortfolioView[]
  districts: R.DistrictRecord[]
  budgetLines: R.BudgetLineRecord[]
}

export interface TopicView {
  topic: R.TopicRecord
  actions: ActionView[]
  budgetLines: R.BudgetLineRecord[]
}

export interface BudgetLineView {
  line: R.BudgetLineRecord
  category: R.BudgetCategoryRecord
  amounts: R.BudgetAmountRecord[]
  /** Sum of the amounts, whole euros. */
  total: number
  theme: R.ThemeRecord | null
  topics: R.TopicRecord[]
  actions: R.ActionRecord[]
  portfolios: PortfolioView[]
}

export interface ThemeView {
  theme: R.ThemeRecord
  topics: TopicView[]
  budgetLines: BudgetLineView[]
  /** The portfolios responsible for at least one of the theme's actions, in portfolio order. */
  portfolios: PortfolioView[]
}

export interface SectionView {
  section: R.SectionRecord
  children: SectionView[]
  actions: ActionView[]
}

interface BudgetYearView {
  year: number
  /** The published total. */
  amount: number
  /** The sum of the lines. */
  computed: number
  continuing: boolean
}

/**
 * One agreement read whole and nested: the shape the reports, the JSON dump
 * and the web page render. It costs a fixed number of queries, whatever the size.
 */
export interface AgreementView {
  agreement: R.AgreementRecord
  parties: R.PartyRecord[]
  signatories: R.PersonRecord[]
  sections: SectionView[]
  themes: ThemeView[]
  actions: ActionView[]
  portfolios: PortfolioView[]
  districts: R.DistrictRecord[]
  /** The parts of the districts the text names, in district order. */
  districtParts: R.DistrictPartRecord[]
  budget: { categories: { category: R.BudgetCategoryRecord; lines: BudgetLineView[] }[]; lines: BudgetLineView[]; years: BudgetYearView[] }
  rules: R.RuleRecord[]
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)]

/** Reads one agreement whole into an AgreementView. */
export async function loadAgreementView(db: Kysely<Database>, agreement: R.AgreementRecord): Promise<AgreementView> {
  const f = { agreementId: agreement.id }
  const [parties, persons, sections, themes, topics, actions, targets, categories, lines, amounts, totals, rules,
    portfolios, responsibilities, districts, actionPortfolios, actionDistricts, lineTopics, lineActions, linePortfolios] = await Promise.all([
    listRecords(db, 'party', f), listRecords(db, 'person', f), listRecords(db, 'section', f), listRecords(db, 'theme', f),
    listRecords(db, 'topic', f), listRecords(db, 'action', f), listRecords(db, 'target', f), listRecords(db, 'budgetCategory', f),
    listRecords(db, 'budgetLine', f), listRecords(db, 'budgetAmount', f), listRecords(db, 'budgetTotal', f), listRecords(db, 'rule', f),
    listRecords(db, 'portfolio', f), listRecords(db, 'responsibility', f), listRecords(db, 'district', f),
    listRecords(db, 'actionPortfolio', f), listRecords(db, 'actionDistrict', f), listRecords(db, 'budgetLineTopic', f),
    listRecords(db, 'budgetLineAction', f), listRecords(db, 'budgetLinePortfolio', f),
  ])
  const districtParts = await listDistrictParts(db, agreement.id)
  const byId = <T extends { id: number }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]))
  const personById = byId(persons), partyById = byId(parties), themeById = byId(themes), topicById = byId(topics)
  const actionById = byId(actions), districtById = byId(districts), categoryById = byId(categories), lineById = byId(lines)

  const responsibilitiesOf = groupBy(responsibilities, (r) => r.portfolioId)
  const districtsOf = groupBy(districts, (d) => d.portfolioId)
  const portfolioViews = portfolios.map((portfolio): PortfolioView => {
    const holder = personById.get(portfolio.personId)!
    return {
      portfolio, holder, party: partyById.get(holder.partyId)!,
      responsibilities: responsibilitiesOf.get(portfolio.id) ?? [], districts: districtsOf.get(portfolio.id) ?? [],
    }
  })
  const portfolioViewById = new Map(portfolioViews.map((v) => [v.portfolio.id, v]))
  const portfolioOrder = (ids: number[]) => unique(ids).sort((a, b) => portfolioViewById.get(a)!.portfolio.position - portfolioViewById.get(b)!.portfolio.position)
    .map((id) => portfolioViewById.get(id)!)

  const amountsOf = groupBy(amounts, (a) => a.budgetLineId)
  const lineViews = lines.map((line): BudgetLineView => {
    const lineAmounts = amountsOf.get(line.id) ?? []
    return {
      line, category: categoryById.get(line.categoryId)!, amounts: lineAmounts,
      total: lineAmounts.reduce((sum, a) => sum + a.amount, 0),
      theme: line.themeId === null ? null : themeById.get(line.themeId)!,
      topics: lineTopics.filter((l) => l.budgetLineId === line.id).map((l) => topicById.get(l.topicId)!),
      actions: lineActions.filter((l) => l.budgetLineId === line.id).map((l) => actionById.get(l.actionId)!),
      portfolios: portfolioOrder(linePortfolios.filter((l) => l.budgetLineId === line.id).map((l) => l.portfolioId)),
    }
  })

  const targetsOf = groupBy(targets, (t) => t.actionId)
  const portfoliosOf = groupBy(actionPortfolios, (l) => l.actionId)
  const districtsOfAction = groupBy(actionDistricts, (l) => l.actionId)
  const linesOfAction = groupBy(lineActions, (l) => l.actionId)
  const actionViews = actions.map((action): ActionView => ({
    action,
    targets: targetsOf.get(action.id) ?? [],
    portfolios: portfolioOrder((portfoliosOf.get(action.id) ?? []).map((l) => l.portfolioId)),
    districts: (districtsOfAction.get(action.id) ?? []).map((l) => districtById.get(l.districtId)!),
    budgetLines: (linesOfAction.get(action.id) ?? []).map((l) => lineById.get(l.budgetLineId)!),
  }))
  const actionsOfTopic = groupBy(actionViews.filter((v) => v.action.topicId !== null), (v) => v.action.topicId!)
  const actionsOfSection = groupBy(actionViews.filter((v) => v.action.sectionId !== null), (v) => v.action.sectionId!)
  const linesOfTopic = groupBy(lineTopics, (l) => l.topicId)

  const topicsOf = groupBy(topics, (t) => t.themeId)
  const linesOfTheme = groupBy(lineViews.filter((v) => v.line.themeId !== null), (v) => v.line.themeId!)
  const themeViews = themes.map((theme): ThemeView => {
    const topicViews = (topicsOf.get(theme.id) ?? []).map((topic): TopicView => ({
      topic,
      actions: actionsOfTopic.get(topic.id) ?? [],
      budgetLines: (linesOfTopic.get(topic.id) ?? []).map((l) => lineById.get(l.budgetLineId)!),
    }))
    return {
      theme, topics: topicViews, budgetLines: linesOfTheme.get(theme.id) ?? [],
      portfolios: portfolioOrder(topicViews.flatMap((t) => t.actions.flatMap((a) => a.portfolios.map((p) => p.portfolio.id)))),
    }
  })

  const childrenOf = groupBy(sections.filter((s) => s.parentId !== null), (s) => s.parentId!)
  const sectionView = (section: R.SectionRecord): SectionView => ({
    section, children: (childrenOf.get(section.id) ?? []).map(sectionView), actions: actionsOfSection.get(section.id) ?? [],
  })
  const computed = new Map<number, number>()
  for (const a of amounts) computed.set(a.year, (computed.get(a.year) ?? 0) + a.amount)

  return {
    agreement,
    parties,
    signatories: persons.filter((p) => p.signatoryPosition !== null).sort((a, b) => a.signatoryPosition! - b.signatoryPosition!),
    sections: sections.filter((s) => s.parentId === null).map(sectionView),
    themes: themeViews,
    actions: actionViews,
    portfolios: portfolioViews,
    districts,
    districtParts,
    budget: {
      categories: categories.map((category) => ({ category, lines: lineViews.filter((v) => v.line.categoryId === category.id) })),
      lines: lineViews,
      years: totals.map((t) => ({ year: t.year, amount: t.amount, computed: computed.get(t.year) ?? 0, continuing: t.continuing })),
    },
    rules,
  }
}
