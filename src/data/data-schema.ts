import { z } from 'zod'
import { actionKinds, artifactKinds, sectionKinds, targetDeadlineKinds, targetFrequencyPeriods } from '../store/database.js'
import { anchored, cbsBuurtCodePattern, cbsWijkCodePattern, wijkOfBuurt } from '../store/cbs-area-codes.js'
import { freeText, licence, textLimits } from './free-text.js'

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case')
// Every free-text field: UTF-8 with no control characters, within a length; names and titles are shorter.
const text = freeText(textLimits.text)
const name = freeText(textLimits.name)
const lines = z
  .tuple([z.number().int().min(1), z.number().int().min(1)])
  .refine(([start, end]) => end >= start, 'end line must not come before start line')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value), 'is not a real date')
const quote = z.object({ lines, text }).strict()

const target = z.object({
  slug,
  description: text,
  // Decimals are allowed (a "3,5 procent" would be 3.5); SQLite keeps such a value as a REAL in the same column.
  value: z.number().finite().nonnegative().nullable(),
  unit: text.nullable(),
  is_minimum: z.boolean(),
  deadline: isoDate.nullable(),
  deadline_kind: z.enum(targetDeadlineKinds).optional(),
  start_date: isoDate.nullable(),
  date_reading: z.object({ inferred: z.boolean(), reason: text }).strict().optional(),
  frequency: z.object({ count: z.number().int().min(1), per: z.enum(targetFrequencyPeriods) }).strict().optional(),
  lines,
  text,
}).strict()
  .refine((t) => (t.value === null) === (t.unit === null), 'value and unit go together: give both or neither')
  .refine((t) => (t.deadline === null && t.start_date === null) === (t.date_reading === undefined), 'a target with a deadline or start_date says how the date was read (date_reading), and one without gives none')
  .refine((t) => t.deadline !== null || t.deadline_kind === undefined, 'deadline_kind needs a deadline')

const action = z.object({
  slug,
  kind: z.enum(actionKinds),
  lines,
  text,
  responsible: z.array(slug).optional(),
  responsible_note: text.optional(),
  // The college as a whole carries the action, not one alderman: it names no portfolio (see db/README.md).
  college: z.literal(true).optional(),
  // A sentence that restates a commitment stated earlier points to that first statement (see db/README.md).
  same_as: slug.optional(),
  same_as_reason: text.optional(),
  // The districts the action is about where its words alone mislead: a city-wide sentence under a district's
  // topic, or one that refers to a district's part without naming it ("hier"); with the reason (db/README.md).
  districts: z.array(slug).optional(),
  districts_reason: text.optional(),
  targets: z.array(target).optional(),
}).strict()
  .refine((a) => (a.districts === undefined) === (a.districts_reason === undefined), 'districts and districts_reason go together: give both or neither')
  .refine((a) => (a.same_as === undefined) === (a.same_as_reason === undefined), 'same_as and same_as_reason go together: give both or neither')
  .refine((a) => !a.college || (a.responsible ?? []).length === 0, 'an action of the whole college names no responsible portfolio')

export const agreementFileSchema = z.object({
  slug,
  title: name,
  subtitle: name,
  municipality: name,
  period: z.object({ start: z.number().int(), end: z.number().int() }).strict(),
  presented_on: isoDate,
  source: z.object({ file: name, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  data_version: isoDate,
  license: licence,
  language: name,
  parties: z.array(z.object({ slug, name }).strict()).min(1),
  persons: z.array(z.object({ slug, name, party: slug, signatory: z.boolean(), lines }).strict()),
  sections: z.array(z.object({
    slug, title: name, kind: z.enum(sectionKinds), parent: slug.optional(), lines, text,
    actions: z.array(action).optional(),
  }).strict()),
  artifacts: z.array(z.object({ kind: z.enum(artifactKinds), lines, text, note: text }).strict()),
}).strict()

export const themeFileSchema = z.object({
  slug,
  name,
  heading: quote,
  vision_short: quote.optional(),
  vision: quote.optional(),
  topics: z.array(z.object({
    slug,
    title: name,
    lines,
    text,
    responsible: z.array(slug),
    responsible_note: text.optional(),
    actions: z.array(action),
  }).strict()).min(1),
}).strict()

// A district's CBS codes: only codes checked against the CBS list of `list_year` go in; without codes, the reason why.
const cbsCodes = z.object({
  wijk_code: z.string().regex(anchored(cbsWijkCodePattern), `must be a CBS wijk code of Assen (${cbsWijkCodePattern})`).nullable(),
  buurt_codes: z.array(z.string().regex(anchored(cbsBuurtCodePattern), `must be a CBS buurt code of Assen (${cbsBuurtCodePattern})`)),
  // The year of the CBS list (Wijk- en Buurtkaart, Kerncijfers wijken en buurten) the codes were checked against.
  list_year: z.number().int().min(1990).max(2100).nullable(),
  reason: text.nullable(),
}).strict()
  .refine((c) => new Set(c.buurt_codes).size === c.buurt_codes.length, 'buurt_codes lists a code twice')
  .refine((c) => (c.list_year === null) === (c.wijk_code === null && c.buurt_codes.length === 0), 'a code goes with the year of the CBS list it was checked against (list_year), and list_year only with a code')
  .refine((c) => c.wijk_code !== null || c.buurt_codes.length > 0 || c.reason !== null, 'a district without CBS codes says why (reason)')
  .refine((c) => c.wijk_code === null || c.buurt_codes.every((b) => wijkOfBuurt(b) === c.wijk_code), 'every buurt code lies in the district\'s wijk (its digits 5-8 are the wijk code\'s)')

export const portfoliosFileSchema = z.object({
  portfolios: z.array(z.object({
    slug,
    person: slug,
    lines,
    assignment: z.object({ inferred: z.boolean(), reason: text }).strict(),
    responsibilities: z.array(z.object({ slug, name, lines }).strict()).min(1),
    districts: z.array(z.object({
      slug, name, lines,
      // A part the text names (binnenstad, Stadskwartier): `lines` where it is named, and why it counts to the district.
      parts: z.array(z.object({ name, lines, inferred: z.boolean(), reason: text }).strict()).optional(),
      cbs: cbsCodes,
    }).strict()),
  }).strict()),
}).strict()

const wholeEuros = z.number().int('must be whole euros').nonnegative()
const yearAmounts = z.record(z.string().regex(/^\d{4}$/, 'must be a year'), wholeEuros)

export const budgetFileSchema = z.object({
  unit_note: text,
  years: z.array(z.object({ year: z.number().int(), label: name, continuing: z.boolean() }).strict()).min(1),
  categories: z.array(z.object({
    slug,
    name,
    lines,
    budget_lines: z.array(z.object({
      slug,
      name,
      display_name: name,
      lines,
      text,
      theme: slug.nullable(),
      topics: z.array(slug),
      actions: z.array(slug),
      portfolios: z.array(slug),
      placement: z.object({ inferred: z.boolean(), reason: text }).strict(),
      amounts: yearAmounts,
    }).strict()).min(1),
  }).strict()).min(1),
  totals: z.object({ label: name, label_lines: lines, lines, text, amounts: yearAmounts }).strict(),
}).strict()

export const rulesFileSchema = z.object({
  rules: z.array(z.object({ position: z.number().int().min(1), lines, text }).strict()),
}).strict()

export type AgreementFile = z.infer<typeof agreementFileSchema>
export type ThemeFile = z.infer<typeof themeFileSchema>
export type PortfoliosFile = z.infer<typeof portfoliosFileSchema>
export type BudgetFile = z.infer<typeof budgetFileSchema>
export type RulesFile = z.infer<typeof rulesFileSchema>
export type ActionData = z.infer<typeof action>
