import type { Kysely, SelectQueryBuilder } from 'kysely'
import { cbsCodeSeparator } from '../store/cbs-area-codes.js'
import type { Database } from '../store/database.js'
import type * as R from './records.js'

/** Row shapes come straight from SQLite; each entity maps them to its record. */
type Row = Record<string, any>

interface EntityDefinition<T> {
  /** The base query: the entity's columns, in its documented stable order. */
  query(db: Kysely<Database>): SelectQueryBuilder<Database, any, Row>
  /** Qualified columns that filters apply to. */
  agreementColumn: string
  idColumn?: string
  parentColumns: Record<string, string>
  map(row: Row): T
}

const source = (row: Row) => ({ startLine: row.start_line as number, endLine: row.end_line as number })
const quote = (text: unknown, start: unknown, end: unknown): R.Quote | null =>
  text === null ? null : { text: text as string, source: { startLine: start as number, endLine: end as number } }

function define<T>(definition: EntityDefinition<T>): EntityDefinition<T> {
  return definition
}

/**
 * The read model: every entity the API, the dumps, the reports and the web
 * page read, with its columns, its stable order and its filters.
 */
export const entities = {
  agreement: define<R.AgreementRecord>({
    query: (db) => db.selectFrom('agreement').selectAll().orderBy('presented_on').orderBy('slug'),
    agreementColumn: 'agreement.id', idColumn: 'agreement.id', parentColumns: {},
    map: (r) => ({
      id: r.id, slug: r.slug, title: r.title, subtitle: r.subtitle, municipality: r.municipality, periodStart: r.period_start,
      periodEnd: r.period_end, presentedOn: r.presented_on, sourceFile: r.source_file, sourceSha256: r.source_sha256,
      sourceLineCount: r.source_line_count, dataVersion: r.data_version, license: r.license, language: r.language,
    }),
  }),
  party: define<R.PartyRecord>({
    query: (db) => db.selectFrom('party').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'party.agreement_id', idColumn: 'party.id', parentColumns: {},
    map: (r) => ({ id: r.id, agreementId: r.agreement_id, slug: r.slug, name: r.name, position: r.position }),
  }),
  person: define<R.PersonRecord>({
    query: (db) => db.selectFrom('person').selectAll().orderBy('agreement_id').orderBy('id'),
    agreementColumn: 'person.agreement_id', idColumn: 'person.id', parentColumns: { partyId: 'person.party_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, slug: r.slug, name: r.name, partyId: r.party_id,
      signatoryPosition: r.signatory_position, source: source(r),
    }),
  }),
  section: define<R.SectionRecord>({
    query: (db) => db.selectFrom('section').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'section.agreement_id', idColumn: 'section.id', parentColumns: { parentId: 'section.parent_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, parentId: r.parent_id, slug: r.slug, title: r.title, kind: r.kind,
      position: r.position, text: r.text, source: source(r),
    }),
  }),
  theme: define<R.ThemeRecord>({
    query: (db) => db.selectFrom('theme').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'theme.agreement_id', idColumn: 'theme.id', parentColumns: {},
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, slug: r.slug, name: r.name, position: r.position,
      heading: quote(r.heading_text, r.heading_start_line, r.heading_end_line)!,
      vision: quote(r.vision_text, r.vision_start_line, r.vision_end_line),
      visionShort: quote(r.vision_short_text, r.vision_short_start_line, r.vision_short_end_line),
    }),
  }),
  topic: define<R.TopicRecord>({
    query: (db) => db.selectFrom('topic').innerJoin('theme', 'theme.id', 'topic.theme_id').selectAll('topic')
      .orderBy('topic.agreement_id').orderBy('theme.position').orderBy('topic.position'),
    agreementColumn: 'topic.agreement_id', idColumn: 'topic.id', parentColumns: { themeId: 'topic.theme_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, themeId: r.theme_id, slug: r.slug, title: r.title, position: r.position,
      text: r.text, source: source(r),
    }),
  }),
  action: define<R.ActionRecord>({
    query: (db) => db.selectFrom('action').leftJoin('topic', 'topic.id', 'action.topic_id').selectAll('action')
      .select('topic.theme_id').orderBy('action.agreement_id').orderBy('action.position'),
    agreementColumn: 'action.agreement_id', idColumn: 'action.id',
    parentColumns: { topicId: 'action.topic_id', sectionId: 'action.section_id', themeId: 'topic.theme_id', sameAsId: 'action.same_as_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, topicId: r.topic_id, sectionId: r.section_id, themeId: r.theme_id ?? null,
      slug: r.slug, position: r.position, kind: r.kind, text: r.text, responsibleNote: r.responsible_note,
      wholeCollege: r.whole_college === 1, sameAsId: r.same_as_id, sameAsReason: r.same_as_reason, source: source(r),
    }),
  }),
  target: define<R.TargetRecord>({
    query: (db) => db.selectFrom('target').innerJoin('action', 'action.id', 'target.action_id').selectAll('target')
      .orderBy('target.agreement_id').orderBy('action.position').orderBy('target.start_line').orderBy('target.id'),
    agreementColumn: 'target.agreement_id', idColumn: 'target.id', parentColumns: { actionId: 'target.action_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, actionId: r.action_id, slug: r.slug, description: r.description,
      value: r.value, unit: r.unit, isMinimum: r.is_minimum === 1, deadline: r.deadline, deadlineKind: r.deadline_kind,
      startDate: r.start_date, dateInferred: r.date_inferred === 1, dateReason: r.date_reason,
      frequencyCount: r.frequency_count, frequencyPeriod: r.frequency_period, text: r.text, source: source(r),
    }),
  }),
  budgetCategory: define<R.BudgetCategoryRecord>({
    query: (db) => db.selectFrom('budget_category').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'budget_category.agreement_id', idColumn: 'budget_category.id', parentColumns: {},
    map: (r) => ({ id: r.id, agreementId: r.agreement_id, slug: r.slug, name: r.name, position: r.position, source: source(r) }),
  }),
  budgetLine: define<R.BudgetLineRecord>({
    query: (db) => db.selectFrom('budget_line').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'budget_line.agreement_id', idColumn: 'budget_line.id',
    parentColumns: { categoryId: 'budget_line.category_id', themeId: 'budget_line.theme_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, categoryId: r.category_id, themeId: r.theme_id, slug: r.slug, name: r.name,
      displayName: r.display_name, position: r.position, text: r.text, source: source(r),
    }),
  }),
  budgetAmount: define<R.BudgetAmountRecord>({
    query: (db) => db.selectFrom('budget_amount').innerJoin('budget_line', 'budget_line.id', 'budget_amount.budget_line_id')
      .selectAll('budget_amount').select('budget_line.agreement_id')
      .orderBy('budget_line.agreement_id').orderBy('budget_line.position').orderBy('budget_amount.year'),
    agreementColumn: 'budget_line.agreement_id', parentColumns: { budgetLineId: 'budget_amount.budget_line_id' },
    map: (r) => ({
      budgetLineId: r.budget_line_id, agreementId: r.agreement_id, year: r.year, amount: r.amount,
      continuing: r.continuing === 1, inferred: r.inferred === 1, inferenceReason: r.inference_reason,
    }),
  }),
  budgetTotal: define<R.BudgetTotalRecord>({
    query: (db) => db.selectFrom('budget_total').selectAll().orderBy('agreement_id').orderBy('year'),
    agreementColumn: 'budget_total.agreement_id', parentColumns: {},
    map: (r) => ({
      agreementId: r.agreement_id, year: r.year, amount: r.amount, continuing: r.continuing === 1, label: r.label, heading: r.heading,
      text: r.text, source: source(r),
    }),
  }),
  rule: define<R.RuleRecord>({
    query: (db) => db.selectFrom('rule').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'rule.agreement_id', idColumn: 'rule.id', parentColumns: {},
    map: (r) => ({ id: r.id, agreementId: r.agreement_id, position: r.position, text: r.text, source: source(r) }),
  }),
  portfolio: define<R.PortfolioRecord>({
    query: (db) => db.selectFrom('portfolio').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'portfolio.agreement_id', idColumn: 'portfolio.id', parentColumns: { personId: 'portfolio.person_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, slug: r.slug, personId: r.person_id, position: r.position,
      assignmentInferred: r.assignment_inferred === 1, assignmentReason: r.assignment_reason, source: source(r),
    }),
  }),
  responsibility: define<R.ResponsibilityRecord>({
    query: (db) => db.selectFrom('responsibility').innerJoin('portfolio', 'portfolio.id', 'responsibility.portfolio_id')
      .selectAll('responsibility').orderBy('responsibility.agreement_id').orderBy('portfolio.position').orderBy('responsibility.position'),
    agreementColumn: 'responsibility.agreement_id', idColumn: 'responsibility.id', parentColumns: { portfolioId: 'responsibility.portfolio_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, portfolioId: r.portfolio_id, slug: r.slug, name: r.name, position: r.position,
      source: source(r),
    }),
  }),
  district: define<R.DistrictRecord>({
    query: (db) => db.selectFrom('district').selectAll().orderBy('agreement_id').orderBy('position'),
    agreementColumn: 'district.agreement_id', idColumn: 'district.id', parentColumns: { portfolioId: 'district.portfolio_id' },
    map: (r) => ({
      id: r.id, agreementId: r.agreement_id, portfolioId: r.portfolio_id, slug: r.slug, name: r.name, position: r.position,
      text: r.text, source: source(r), cbsWijkCode: r.cbs_wijk_code, cbsBuurtCodes: r.cbs_buurt_codes?.split(cbsCodeSeparator) ?? [],
      cbsCodeYear: r.cbs_code_year, cbsCodeReason: r.cbs_code_reason,
    }),
  }),
  sourceArtifact: define<R.SourceArtifactRecord>({
    query: (db) => db.selectFrom('source_artifact').selectAll().orderBy('agreement_id').orderBy('start_line'),
    agreementColumn: 'source_artifact.agreement_id', idColumn: 'source_artifact.id', parentColumns: {},
    map: (r) => ({ id: r.id, agreementId: r.agreement_id, kind: r.kind, text: r.text, note: r.note, source: source(r) }),
  }),
  actionPortfolio: define<R.ActionPortfolioLink>({
    query: (db) => db.selectFrom('action_portfolio').innerJoin('action', 'action.id', 'action_portfolio.action_id')
      .innerJoin('responsibility', 'responsibility.id', 'action_portfolio.responsibility_id')
      .selectAll('action_portfolio').select('action.agreement_id')
      .orderBy('action.agreement_id').orderBy('action.position').orderBy('responsibility.portfolio_id').orderBy('responsibility.position'),
    agreementColumn: 'action.agreement_id',
    parentColumns: { actionId: 'action_portfolio.action_id', portfolioId: 'action_portfolio.portfolio_id' },
    map: (r) => ({ agreementId: r.agreement_id, actionId: r.action_id, portfolioId: r.portfolio_id, responsibilityId: r.responsibility_id }),
  }),
  actionDistrict: define<R.ActionDistrictLink>({
    query: (db) => db.selectFrom('action_district').innerJoin('action', 'action.id', 'action_district.action_id')
      .innerJoin('district', 'district.id', 'action_district.district_id')
      .selectAll('action_district').select('action.agreement_id')
      .orderBy('action.agreement_id').orderBy('action.position').orderBy('district.position'),
    agreementColumn: 'action.agreement_id',
    parentColumns: { actionId: 'action_district.action_id', districtId: 'action_district.district_id' },
    map: (r) => ({ agreementId: r.agreement_id, actionId: r.action_id, districtId: r.district_id }),
  }),
  budgetLineTopic: define<R.BudgetLineTopicLink>({
    query: (db) => db.selectFrom('budget_line_topic').innerJoin('budget_line', 'budget_line.id', 'budget_line_topic.budget_line_id')
      .innerJoin('topic', 'topic.id', 'budget_line_topic.topic_id')
      .selectAll('budget_line_topic').select('budget_line.agreement_id')
      .orderBy('budget_line.agreement_id').orderBy('budget_line.position').orderBy('topic.id'),
    agreementColumn: 'budget_line.agreement_id',
    parentColumns: { budgetLineId: 'budget_line_topic.budget_line_id', topicId: 'budget_line_topic.topic_id' },
    map: (r) => ({ agreementId: r.agreement_id, budgetLineId: r.budget_line_id, topicId: r.topic_id }),
  }),
  budgetLineAction: define<R.BudgetLineActionLink>({
    query: (db) => db.selectFrom('budget_line_action').innerJoin('budget_line', 'budget_line.id', 'budget_line_action.budget_line_id')
      .innerJoin('action', 'action.id', 'budget_line_action.action_id')
      .selectAll('budget_line_action').select('budget_line.agreement_id')
      .orderBy('budget_line.agreement_id').orderBy('budget_line.position').orderBy('action.position'),
    agreementColumn: 'budget_line.agreement_id',
    parentColumns: { budgetLineId: 'budget_line_action.budget_line_id', actionId: 'budget_line_action.action_id' },
    map: (r) => ({ agreementId: r.agreement_id, budgetLineId: r.budget_line_id, actionId: r.action_id }),
  }),
  budgetLinePortfolio: define<R.BudgetLinePortfolioLink>({
    query: (db) => db.selectFrom('budget_line_portfolio').innerJoin('budget_line', 'budget_line.id', 'budget_line_portfolio.budget_line_id')
      .innerJoin('portfolio', 'portfolio.id', 'budget_line_portfolio.portfolio_id')
      .selectAll('budget_line_portfolio').select('budget_line.agreement_id')
      .orderBy('budget_line.agreement_id').orderBy('budget_line.position').orderBy('portfolio.position'),
    agreementColumn: 'budget_line.agreement_id',
    parentColumns: { budgetLineId: 'budget_line_portfolio.budget_line_id', portfolioId: 'budget_line_portfolio.portfolio_id' },
    map: (r) => ({ agreementId: r.agreement_id, budgetLineId: r.budget_line_id, portfolioId: r.portfolio_id }),
  }),
}

type Entities = typeof entities
export type EntityName = keyof Entities
/** The record type an entity reads as. */
export type EntityRecord<E extends EntityName> = ReturnType<Entities[E]['map']>
