import { DataError } from './data-error.js'
import type { ActionData } from './data-schema.js'
import type { AgreementData } from './read-agreement-data.js'
import type { SourceDocument } from '../source/source-document.js'

/** A record's place for messages: its file and a label such as "action fonds-jongeren". */
interface Place {
  file: string
  record: string
}

/**
 * Checks what a schema cannot: quotes against the source, unique slugs,
 * references between files, and that the budget reconciles with its totals.
 * Returns every problem found; an empty list means the data is consistent.
 */
export function checkAgreementData(data: AgreementData, source: SourceDocument): DataError[] {
  const errors: DataError[] = []
  const fail = (at: Place, problem: string) => errors.push(new DataError(at.file, at.record, problem))
  const { agreement, themes, portfolios, budget, rules } = data
  const agreementFile = agreement.data

  if (agreementFile.source.sha256 !== source.sha256) {
    fail({ file: agreement.file, record: 'source' }, `sha256 ${agreementFile.source.sha256} does not match ${source.path} (${source.sha256})`)
  }
  if (agreementFile.period.end < agreementFile.period.start) fail({ file: agreement.file, record: 'period' }, 'ends before it starts')

  const checkQuote = (at: Place, text: string, lines: readonly [number, number], tight: boolean) => {
    if (lines[1] > source.lineCount) return fail(at, `lines ${lines[0]}-${lines[1]} are beyond the end of the source (${source.lineCount} lines)`)
    if (!source.quotes(text, lines[0], lines[1], tight)) {
      fail(at, `text is not a verbatim quote of source lines ${lines[0]}-${lines[1]}${tight ? ' (it must start on the first line and end on the last)' : ''}`)
    }
  }
  const within = (at: Place, inner: readonly [number, number], outer: readonly [number, number], what: string) => {
    if (inner[0] < outer[0] || inner[1] > outer[1]) fail(at, `lines ${inner[0]}-${inner[1]} lie outside its ${what} (${outer[0]}-${outer[1]})`)
  }
  const registry = () => {
    const seen = new Map<string, Place>()
    return {
      add(slug: string, at: Place) {
        const earlier = seen.get(slug)
        if (earlier) fail(at, `duplicate slug "${slug}" (also ${earlier.record} in ${earlier.file})`)
        else seen.set(slug, at)
      },
      has: (slug: string) => seen.has(slug),
    }
  }
  const parties = registry(), persons = registry(), sections = registry(), themeSlugs = registry(), topics = registry()
  const actions = registry(), targets = registry(), portfolioSlugs = registry(), responsibilities = registry()
  const districts = registry(), categories = registry(), budgetLines = registry()
  const missing = (at: Place, what: string, slug: string) => fail(at, `refers to unknown ${what} "${slug}"`)

  // Registries first, so references can point forward across files.
  for (const p of agreementFile.parties) parties.add(p.slug, { file: agreement.file, record: `party ${p.slug}` })
  for (const p of portfolios.data.portfolios) {
    const at = { file: portfolios.file, record: `portfolio ${p.slug}` }
    portfolioSlugs.add(p.slug, at)
    for (const r of p.responsibilities) responsibilities.add(r.slug, { file: portfolios.file, record: `responsibility ${r.slug}` })
    for (const d of p.districts) districts.add(d.slug, { file: portfolios.file, record: `district ${d.slug}` })
  }
  // A CBS area joins one district: the same code on two districts would count its statistics twice.
  const cbsCodes = new Map<string, string>()
  for (const d of portfolios.data.portfolios.flatMap((p) => p.districts)) {
    for (const code of [...(d.cbs.wijk_code === null ? [] : [d.cbs.wijk_code]), ...d.cbs.buurt_codes]) {
      const earlier = cbsCodes.get(code)
      if (earlier) fail({ file: portfolios.file, record: `district ${d.slug}` }, `CBS code ${code} is also district ${earlier}'s`)
      else cbsCodes.set(code, d.slug)
    }
  }
  for (const theme of themes) {
    for (const topic of theme.data.topics) topics.add(topic.slug, { file: theme.file, record: `topic ${topic.slug}` })
  }

  const checkActions = (file: string, list: readonly ActionData[], outer: readonly [number, number], defaults: readonly string[], note: string | undefined) => {
    for (const action of list) {
      const at = { file, record: `action ${action.slug}` }
      actions.add(action.slug, at)
      checkQuote(at, action.text, action.lines, true)
      within(at, action.lines, outer, 'topic or section')
      const responsible = action.college ? [] : action.responsible ?? defaults
      for (const r of responsible) if (!responsibilities.has(r)) missing(at, 'responsibility', r)
      for (const d of action.districts ?? []) if (!districts.has(d)) missing(at, 'district', d)
      if (responsible.length === 0 && !action.college && !action.responsible_note && !note) fail(at, 'has no responsible portfolio and no responsible_note saying why')
      for (const target of action.targets ?? []) {
        const tat = { file, record: `target ${target.slug}` }
        targets.add(target.slug, tat)
        checkQuote(tat, target.text, target.lines, true)
        within(tat, target.lines, action.lines, 'action')
        if (target.deadline && target.start_date && target.deadline < target.start_date) fail(tat, 'deadline comes before start_date')
      }
    }
  }

  for (const person of agreementFile.persons) {
    const at = { file: agreement.file, record: `person ${person.slug}` }
    persons.add(person.slug, at)
    if (!parties.has(person.party)) missing(at, 'party', person.party)
    checkQuote(at, person.name, person.lines, false)
  }
  for (const section of agreementFile.sections) {
    const at = { file: agreement.file, record: `section ${section.slug}` }
    sections.add(section.slug, at)
    if (section.parent && !agreementFile.sections.some((s) => s.slug === section.parent)) missing(at, 'parent section', section.parent)
    checkQuote(at, section.text, section.lines, false)
    checkActions(agreement.file, section.actions ?? [], section.lines, [], undefined)
  }
  agreementFile.artifacts.forEach((artifact, i) => checkQuote({ file: agreement.file, record: `artifact ${i + 1}` }, artifact.text, artifact.lines, true))

  for (const theme of themes) {
    const t = theme.data
    const at = { file: theme.file, record: `theme ${t.slug}` }
    themeSlugs.add(t.slug, at)
    checkQuote(at, t.heading.text, t.heading.lines, true)
    if (t.vision) checkQuote({ ...at, record: `${at.record} vision` }, t.vision.text, t.vision.lines, true)
    if (t.vision_short) checkQuote({ ...at, record: `${at.record} vision_short` }, t.vision_short.text, t.vision_short.lines, true)
    for (const topic of t.topics) {
      const tat = { file: theme.file, record: `topic ${topic.slug}` }
      checkQuote(tat, topic.text, topic.lines, false)
      for (const r of topic.responsible) if (!responsibilities.has(r)) missing(tat, 'responsibility', r)
      checkActions(theme.file, topic.actions, topic.lines, topic.responsible, topic.responsible_note)
    }
  }

  checkSameAs(agreementFile.sections.flatMap((s) => (s.actions ?? []).map((a) => ({ file: agreement.file, action: a })))
    .concat(themes.flatMap((t) => t.data.topics.flatMap((topic) => topic.actions.map((a) => ({ file: t.file, action: a }))))), fail)

  for (const p of portfolios.data.portfolios) {
    const at = { file: portfolios.file, record: `portfolio ${p.slug}` }
    if (!persons.has(p.person)) missing(at, 'person', p.person)
    for (const r of p.responsibilities) checkQuote({ file: portfolios.file, record: `responsibility ${r.slug}` }, r.name, r.lines, true)
    for (const d of p.districts) {
      checkQuote({ file: portfolios.file, record: `district ${d.slug}` }, d.name, d.lines, true)
      for (const part of d.parts ?? []) checkQuote({ file: portfolios.file, record: `district ${d.slug}, part ${part.name}` }, part.name, part.lines, false)
    }
  }

  const years = new Set(budget.data.years.map((y) => String(y.year)))
  const sums = new Map<string, number>()
  for (const category of budget.data.categories) {
    categories.add(category.slug, { file: budget.file, record: `budget category ${category.slug}` })
    checkQuote({ file: budget.file, record: `budget category ${category.slug}` }, category.name, category.lines, true)
    for (const line of category.budget_lines) {
      const at = { file: budget.file, record: `budget line ${line.slug}` }
      budgetLines.add(line.slug, at)
      checkQuote(at, line.text, line.lines, true)
      if (!line.text.startsWith(line.name)) fail(at, `text does not start with the line's name "${line.name}"`)
      if (line.theme && !themeSlugs.has(line.theme)) missing(at, 'theme', line.theme)
      for (const s of line.topics) if (!topics.has(s)) missing(at, 'topic', s)
      for (const s of line.actions) if (!actions.has(s)) missing(at, 'action', s)
      for (const s of line.portfolios) if (!portfolioSlugs.has(s)) missing(at, 'portfolio', s)
      const entries = Object.entries(line.amounts).sort(([a], [b]) => a.localeCompare(b))
      if (entries.length === 0) fail(at, 'has no amounts')
      for (const [year, amount] of entries) {
        if (!years.has(year)) fail(at, `amount for ${year}, which is not a column of the table`)
        sums.set(year, (sums.get(year) ?? 0) + amount)
      }
      const printed = line.text.slice(line.name.length).trim()
      const expected = entries.map(([, amount]) => formatThousands(amount)).join(' ')
      if (printed !== expected) fail(at, `amounts ${expected} (in thousands) do not match the printed "${printed}"`)
    }
  }
  const totals = budget.data.totals
  checkQuote({ file: budget.file, record: 'totals' }, totals.text, totals.lines, true)
  checkQuote({ file: budget.file, record: 'totals label' }, totals.label, totals.label_lines, true)
  const printedTotals = Object.entries(totals.amounts).sort(([a], [b]) => a.localeCompare(b)).map(([, a]) => formatThousands(a)).join(' ')
  if (printedTotals !== totals.text) fail({ file: budget.file, record: 'totals' }, `amounts ${printedTotals} do not match the printed "${totals.text}"`)
  for (const year of years) {
    const published = totals.amounts[year]
    const computed = sums.get(year) ?? 0
    if (published === undefined) fail({ file: budget.file, record: 'totals' }, `no published total for ${year}`)
    else if (published !== computed) fail({ file: budget.file, record: `totals ${year}` }, `the lines sum to ${computed} but the published total is ${published}`)
  }

  rules.data.rules.forEach((rule, i) => {
    const at = { file: rules.file, record: `rule ${rule.position}` }
    if (rule.position !== i + 1) fail(at, `is at place ${i + 1}; rules must be numbered 1, 2, 3, ... in order`)
    checkQuote(at, rule.text, rule.lines, true)
  })
  return errors
}

/**
 * A copy points to the first statement of its commitment: an action that exists, comes earlier in the
 * text, and is itself no copy, so every commitment has exactly one canonical record.
 */
function checkSameAs(list: readonly { file: string; action: ActionData }[], fail: (at: Place, problem: string) => void): void {
  const bySlug = new Map(list.map((x) => [x.action.slug, x.action]))
  const order = new Map(list.map((x, i) => [x.action.slug, i]))
  for (const { file, action } of list) {
    if (action.same_as === undefined) continue
    const at = { file, record: `action ${action.slug}` }
    const canonical = bySlug.get(action.same_as)
    if (!canonical) fail(at, `same_as refers to unknown action "${action.same_as}"`)
    else if (canonical.same_as !== undefined) fail(at, `same_as points to "${canonical.slug}", which is itself a copy of "${canonical.same_as}"; point to the canonical action`)
    else if (order.get(canonical.slug)! >= order.get(action.slug)!) fail(at, `same_as points to "${canonical.slug}", which does not come earlier in the text; the first statement is the canonical one`)
  }
}

/** Whole euros as the table prints them: thousands with a dot ("11.515"). */
function formatThousands(amount: number): string {
  if (amount % 1000 !== 0) return `${amount / 1000}`
  return String(amount / 1000).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}
