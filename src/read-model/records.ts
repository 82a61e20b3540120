import type { ActionKind, ArtifactKind, SectionKind, TargetDeadlineKind, TargetFrequencyPeriod } from '../store/database.js'

/** Where a record stands in the source text: 1-based inclusive lines. */
export interface SourceRange {
  startLine: number
  endLine: number
}

export interface AgreementRecord {
  id: number
  slug: string
  title: string
  subtitle: string
  municipality: string
  periodStart: number
  periodEnd: number
  presentedOn: string
  sourceFile: string
  sourceSha256: string
  sourceLineCount: number
  dataVersion: string
  license: string
  language: string
}

interface Scoped {
  id: number
  agreementId: number
}

export interface PartyRecord extends Scoped {
  slug: string
  name: string
  position: number
}

export interface PersonRecord extends Scoped {
  slug: string
  name: string
  partyId: number
  signatoryPosition: number | null
  source: SourceRange
}

export interface SectionRecord extends Scoped {
  parentId: number | null
  slug: string
  title: string
  kind: SectionKind
  position: number
  text: string
  source: SourceRange
}

/** A quoted text with its place in the source. */
export interface Quote {
  text: string
  source: SourceRange
}

export interface ThemeRecord extends Scoped {
  slug: string
  name: string
  position: number
  heading: Quote
  /** The "Assen in 2030..." block inside the theme. */
  vision: Quote | null
  /** The shorter text in the opening "Visie Assen 2030". */
  visionShort: Quote | null
}

export interface TopicRecord extends Scoped {
  themeId: number
  slug: string
  title: string
  position: number
  text: string
  source: SourceRange
}

export interface ActionRecord extends Scoped {
  topicId: number | null
  sectionId: number | null
  /** The theme of the action's topic; null for actions in a section. */
  themeId: number | null
  slug: string
  position: number
  kind: ActionKind
  text: string
  /** Why no portfolio is responsible (the mayor, the college as a whole); null when one is. */
  responsibleNote: string | null
  /** The college as a whole carries the action, not one alderman; it then has no portfolio. */
  wholeCollege: boolean
  /** The first statement of the same commitment when this sentence restates it; null for a canonical action. */
  sameAsId: number | null
  /** Why this sentence and its canonical action are one commitment; null for a canonical action. */
  sameAsReason: string | null
  source: SourceRange
}

export interface TargetRecord extends Scoped {
  actionId: number
  slug: string
  description: string
  value: number | null
  unit: string | null
  isMinimum: boolean
  deadline: string | null
  deadlineKind: TargetDeadlineKind | null
  startDate: string | null
  dateInferred: boolean
  dateReason: string | null
  frequencyCount: number | null
  frequencyPeriod: TargetFrequencyPeriod | null
  text: string
  source: SourceRange
}

export interface BudgetCategoryRecord extends Scoped {
  slug: string
  name: string
  position: number
  source: SourceRange
}

export interface BudgetLineRecord extends Scoped {
  categoryId: number
  themeId: number | null
  slug: string
  /** Verbatim from the source, misspellings included. */
  name: string
  /** Corrected for display ("milieupark" where the source says "mileupark"). */
  displayName: string
  position: number
  text: string
  source: SourceRange
}

export interface BudgetAmountRecord {
  budgetLineId: number
  agreementId: number
  year: number
  /** Whole euros. */
  amount: number
  /** The "2026 ev" column: the amount continues in later years. */
  continuing: boolean
  inferred: boolean
  inferenceReason: string | null
}

export interface BudgetTotalRecord {
  agreementId: number
  year: number
  /** The published total, whole euros. */
  amount: number
  continuing: boolean
  /** The totals row's label, the same for every year. */
  label: string
  /** The column heading of the year, as printed. */
  heading: string
  text: string
  source: SourceRange
}

export interface RuleRecord extends Scoped {
  position: number
  text: string
  source: SourceRange
}

export interface PortfolioRecord extends Scoped {
  slug: string
  personId: number
  position: number
  assignmentInferred: boolean
  assignmentReason: string
  source: SourceRange
}

export interface ResponsibilityRecord extends Scoped {
  portfolioId: number
  slug: string
  name: string
  position: number
  source: SourceRange
}

export interface DistrictRecord extends Scoped {
  portfolioId: number
  slug: string
  name: string
  position: number
  text: string
  source: SourceRange
  /** CBS wijk code (`WK0106dd`), checked against the CBS list of cbsCodeYear; null while there is none. */
  cbsWijkCode: string | null
  /** CBS buurt codes (`BU0106dddd`) of the district, in the curators' order; empty while there are none. */
  cbsBuurtCodes: string[]
  /** The year of the CBS list the codes were checked against; null without codes. */
  cbsCodeYear: number | null
  /** Why the district has no CBS codes yet (Dutch); null once it has them, unless the curators explain the mapping. */
  cbsCodeReason: string | null
}

/** A part of a district the text names (the binnenstad of Centrum), with why the curators count it to the district. */
export interface DistrictPartRecord extends Scoped {
  districtId: number
  position: number
  name: string
  inferred: boolean
  reason: string
  source: SourceRange
}

export interface SourceArtifactRecord extends Scoped {
  kind: ArtifactKind
  text: string
  note: string
  source: SourceRange
}

/** Link records (many-to-many), each with the agreement they belong to. */
export interface ActionPortfolioLink {
  agreementId: number
  actionId: number
  portfolioId: number
  responsibilityId: number
}
export interface ActionDistrictLink {
  agreementId: number
  actionId: number
  districtId: number
}
export interface BudgetLineTopicLink {
  agreementId: number
  budgetLineId: number
  topicId: number
}
export interface BudgetLineActionLink {
  agreementId: number
  budgetLineId: number
  actionId: number
}
export interface BudgetLinePortfolioLink {
  agreementId: number
  budgetLineId: number
  portfolioId: number
}
