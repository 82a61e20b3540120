import type { Generated } from 'kysely'

/** Provenance columns shared by every record quoted from the source text. */
interface SourceLines {
  start_line: number
  end_line: number
}

interface AgreementTable {
  id: Generated<number>
  slug: string
  title: string
  subtitle: string
  municipality: string
  period_start: number
  period_end: number
  presented_on: string
  source_file: string
  source_sha256: string
  source_line_count: number
  data_version: string
  license: string
  language: string
}

interface PartyTable {
  id: Generated<number>
  agreement_id: number
  slug: string
  name: string
  position: number
}

interface PersonTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  slug: string
  name: string
  party_id: number
  signatory_position: number | null
}

export const sectionKinds = ['foreword', 'vision', 'governance', 'governance_part', 'signatories', 'budget', 'portfolios', 'contact'] as const
export type SectionKind = (typeof sectionKinds)[number]

interface SectionTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  parent_id: number | null
  slug: string
  title: string
  kind: SectionKind
  position: number
  text: string
}

interface ThemeTable {
  id: Generated<number>
  agreement_id: number
  slug: string
  name: string
  position: number
  heading_text: string
  heading_start_line: number
  heading_end_line: number
  vision_text: string | null
  vision_start_line: number | null
  vision_end_line: number | null
  vision_short_text: string | null
  vision_short_start_line: number | null
  vision_short_end_line: number | null
}

interface TopicTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  theme_id: number
  slug: string
  title: string
  position: number
  text: string
}

interface PortfolioTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  slug: string
  person_id: number
  position: number
  assignment_inferred: number
  assignment_reason: string
}

interface ResponsibilityTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  portfolio_id: number
  slug: string
  name: string
  position: number
}

interface DistrictTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  portfolio_id: number
  slug: string
  name: string
  position: number
  text: string
  /** CBS wijk code (`WK0106dd`), checked against the CBS list of cbs_code_year; null while there is none. */
  cbs_wijk_code: string | null
  /** CBS buurt codes (`BU0106dddd`) separated by spaces; null when the district maps to no buurten (yet). */
  cbs_buurt_codes: string | null
  cbs_code_year: number | null
  /** Why the district has no CBS codes yet (Dutch); null once it has them. */
  cbs_code_reason: string | null
}

/** A part of a district that the agreement names: a neighbourhood, the binnenstad; see db/README.md. */
interface DistrictPartTable extends SourceLines {
  id: Generated<number>
  district_id: number
  position: number
  name: string
  inferred: number
  reason: string
}

/** The documented vocabulary of action kinds; see db/README.md. */
export const actionKinds = ['new', 'continue', 'intensify', 'investigate', 'advocate', 'consult', 'support'] as const
export type ActionKind = (typeof actionKinds)[number]

interface ActionTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  topic_id: number | null
  section_id: number | null
  slug: string
  position: number
  kind: ActionKind
  text: string
  /** Why no portfolio is responsible (the mayor's public order, the college as a whole); null otherwise. */
  responsible_note: string | null
  /** 1 when the college as a whole carries the action rather than one alderman; it then has no portfolio. */
  whole_college: Generated<number>
  /** The first statement of the same commitment when this sentence restates it; null for a canonical action. */
  same_as_id: number | null
  /** Why the two sentences are one commitment; null for a canonical action. */
  same_as_reason: string | null
}

interface ActionPortfolioTable {
  action_id: number
  portfolio_id: number
  responsibility_id: number
}

interface ActionDistrictTable {
  action_id: number
  district_id: number
}

interface TargetTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  action_id: number
  slug: string
  description: string
  value: number | null
  unit: string | null
  is_minimum: number
  deadline: string | null
  /** What the deadline means: a date the text gives or derives, or the end of the council term. */
  deadline_kind: TargetDeadlineKind | null
  start_date: string | null
  /** 1 when the curators derived a date rather than read it; date_reason then says how. */
  date_inferred: number
  date_reason: string | null
  /** A recurring commitment: frequency_count times per frequency_period. */
  frequency_count: number | null
  frequency_period: TargetFrequencyPeriod | null
  text: string
}

export const targetDeadlineKinds = ['date', 'term_end'] as const
export type TargetDeadlineKind = (typeof targetDeadlineKinds)[number]
export const targetFrequencyPeriods = ['week', 'month', 'year'] as const
export type TargetFrequencyPeriod = (typeof targetFrequencyPeriods)[number]

interface BudgetCategoryTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  slug: string
  name: string
  position: number
}

interface BudgetLineTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  category_id: number
  theme_id: number | null
  slug: string
  name: string
  display_name: string
  position: number
  text: string
}

interface BudgetAmountTable {
  budget_line_id: number
  year: number
  /** Whole euros. */
  amount: number
  continuing: number
  inferred: number
  inference_reason: string | null
}

interface BudgetTotalTable extends SourceLines {
  agreement_id: number
  year: number
  amount: number
  continuing: number
  /** The row's label, the same for every year. */
  label: string
  /** The column heading of the year, as printed ("begroting 2022", "2026 ev"). */
  heading: string
  text: string
}

interface BudgetLineTopicTable {
  budget_line_id: number
  topic_id: number
}

interface BudgetLineActionTable {
  budget_line_id: number
  action_id: number
}

interface BudgetLinePortfolioTable {
  budget_line_id: number
  portfolio_id: number
}

interface RuleTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  position: number
  text: string
}

export const artifactKinds = ['title', 'layout_label', 'page_footer', 'table_header', 'tagline'] as const
export type ArtifactKind = (typeof artifactKinds)[number]

interface SourceArtifactTable extends SourceLines {
  id: Generated<number>
  agreement_id: number
  kind: ArtifactKind
  text: string
  note: string
}

const searchKinds = ['theme', 'topic', 'action', 'target', 'budget_line', 'rule', 'section', 'portfolio', 'district'] as const
export type SearchKind = (typeof searchKinds)[number]

interface SearchDocumentTable {
  id: Generated<number>
  agreement_id: number
  kind: SearchKind
  record_id: number
  title: string
  body: string
  stems: string
  /** One FTS token per agreement ("a17"), so MATCH itself keeps a search inside one agreement. */
  scope: string
}

/** The typed schema of the SQLite store, mirroring the migrations. */
export interface Database {
  agreement: AgreementTable
  party: PartyTable
  person: PersonTable
  section: SectionTable
  theme: ThemeTable
  topic: TopicTable
  portfolio: PortfolioTable
  responsibility: ResponsibilityTable
  district: DistrictTable
  district_part: DistrictPartTable
  action: ActionTable
  action_portfolio: ActionPortfolioTable
  action_district: ActionDistrictTable
  target: TargetTable
  budget_category: BudgetCategoryTable
  budget_line: BudgetLineTable
  budget_amount: BudgetAmountTable
  budget_total: BudgetTotalTable
  budget_line_topic: BudgetLineTopicTable
  budget_line_action: BudgetLineActionTable
  budget_line_portfolio: BudgetLinePortfolioTable
  rule: RuleTable
  source_artifact: SourceArtifactTable
  search_document: SearchDocumentTable
}
