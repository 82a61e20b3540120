import type { Kysely } from 'kysely'
import type { AgreementData } from '../data/read-agreement-data.js'
import type { ActionData } from '../data/data-schema.js'
import type { SourceDocument } from '../source/source-document.js'
import { cbsCodeSeparator } from './cbs-area-codes.js'
import type { Database } from './database.js'
import { insertReturningId, insertRows } from './insert-rows.js'

/** The note of an action the college carries as a whole, where the data gives none of its own. */
const wholeCollegeNote = 'Toezegging van het college als geheel: geen wethouder is er alleen verantwoordelijk voor.'

/**
 * Writes one checked agreement into the store. Call it inside a transaction;
 * it assumes checkAgreementData found no problems, so every reference resolves.
 */
export async function insertAgreement(db: Kysely<Database>, data: AgreementData, source: SourceDocument): Promise<number> {
  const a = data.agreement.data
  const agreementId = await insertReturningId(db, 'agreement', {
    slug: a.slug, title: a.title, subtitle: a.subtitle, municipality: a.municipality,
    period_start: a.period.start, period_end: a.period.end, presented_on: a.presented_on,
    source_file: a.source.file, source_sha256: a.source.sha256, source_line_count: source.lineCount,
    data_version: a.data_version, license: a.license, language: a.language,
  })
  const ids = {
    party: new Map<string, number>(), person: new Map<string, number>(), section: new Map<string, number>(),
    theme: new Map<string, number>(), topic: new Map<string, number>(), portfolio: new Map<string, number>(),
    responsibility: new Map<string, number>(), action: new Map<string, number>(),
  }
  const responsibilityPortfolio = new Map<string, number>()

  for (const [i, p] of a.parties.entries()) {
    ids.party.set(p.slug, await insertReturningId(db, 'party', { agreement_id: agreementId, slug: p.slug, name: p.name, position: i + 1 }))
  }
  let signatory = 0
  for (const p of a.persons) {
    ids.person.set(p.slug, await insertReturningId(db, 'person', {
      agreement_id: agreementId, slug: p.slug, name: p.name, party_id: ids.party.get(p.party)!,
      signatory_position: p.signatory ? ++signatory : null, start_line: p.lines[0], end_line: p.lines[1],
    }))
  }
  for (const [i, s] of a.sections.entries()) {
    ids.section.set(s.slug, await insertReturningId(db, 'section', {
      agreement_id: agreementId, parent_id: s.parent ? ids.section.get(s.parent)! : null, slug: s.slug, title: s.title,
      kind: s.kind, position: i + 1, text: s.text, start_line: s.lines[0], end_line: s.lines[1],
    }))
  }
  await insertRows(db, 'source_artifact', a.artifacts.map((x) => ({
    agreement_id: agreementId, kind: x.kind, text: x.text, note: x.note, start_line: x.lines[0], end_line: x.lines[1],
  })))

  for (const [i, p] of data.portfolios.data.portfolios.entries()) {
    const portfolioId = await insertReturningId(db, 'portfolio', {
      agreement_id: agreementId, slug: p.slug, person_id: ids.person.get(p.person)!, position: i + 1,
      assignment_inferred: p.assignment.inferred ? 1 : 0, assignment_reason: p.assignment.reason,
      start_line: p.lines[0], end_line: p.lines[1],
    })
    ids.portfolio.set(p.slug, portfolioId)
    for (const [j, r] of p.responsibilities.entries()) {
      ids.responsibility.set(r.slug, await insertReturningId(db, 'responsibility', {
        agreement_id: agreementId, portfolio_id: portfolioId, slug: r.slug, name: r.name, position: j + 1,
        start_line: r.lines[0], end_line: r.lines[1],
      }))
      responsibilityPortfolio.set(r.slug, portfolioId)
    }
  }
  let districtPosition = 0
  await insertRows(db, 'district', data.portfolios.data.portfolios.flatMap((p) => p.districts.map((d) => ({
    agreement_id: agreementId, portfolio_id: ids.portfolio.get(p.slug)!, slug: d.slug, name: d.name,
    // The district's text is its verbatim bullet, which names both districts of the alderman.
    position: ++districtPosition, text: source.text(d.lines[0], d.lines[1]).replace(/^• /, ''), start_line: d.lines[0], end_line: d.lines[1],
    cbs_wijk_code: d.cbs.wijk_code, cbs_buurt_codes: d.cbs.buurt_codes.length > 0 ? d.cbs.buurt_codes.join(cbsCodeSeparator) : null,
    cbs_code_year: d.cbs.list_year, cbs_code_reason: d.cbs.reason,
  }))))
  const districtIds = new Map((await db.selectFrom('district').select(['id', 'slug']).where('agreement_id', '=', agreementId).execute()).map((d) => [d.slug, d.id]))
  await insertRows(db, 'district_part', data.portfolios.data.portfolios.flatMap((p) => p.districts.flatMap((d) => (d.parts ?? []).map((part, i) => ({
    district_id: districtIds.get(d.slug)!, position: i + 1, name: part.name, inferred: part.inferred ? 1 : 0, reason: part.reason,
    start_line: part.lines[0], end_line: part.lines[1],
  })))))

  let actionPosition = 0
  // Copies are linked once every action has its id: the canonical may stand in a file read later.
  const copies: { actionId: number; canonical: string }[] = []
  const insertActions = async (
    list: readonly ActionData[], parent: { topic_id: number } | { section_id: number }, defaults: readonly string[], note: string | undefined,
  ) => {
    for (const action of list) {
      const responsible = action.college ? [] : action.responsible ?? defaults
      const actionId = await insertReturningId(db, 'action', {
        agreement_id: agreementId, topic_id: null, section_id: null, ...parent, slug: action.slug,
        position: ++actionPosition, kind: action.kind, text: action.text, start_line: action.lines[0], end_line: action.lines[1],
        responsible_note: action.responsible_note ?? (action.college ? wholeCollegeNote : responsible.length === 0 ? note ?? null : null),
        whole_college: action.college ? 1 : 0, same_as_id: null, same_as_reason: action.same_as_reason ?? null,
      })
      ids.action.set(action.slug, actionId)
      if (action.same_as) copies.push({ actionId, canonical: action.same_as })
      await insertRows(db, 'action_portfolio', responsible.map((r) => ({
        action_id: actionId, portfolio_id: responsibilityPortfolio.get(r)!, responsibility_id: ids.responsibility.get(r)!,
      })))
      await insertRows(db, 'target', (action.targets ?? []).map((t) => ({
        agreement_id: agreementId, action_id: actionId, slug: t.slug, description: t.description, value: t.value,
        unit: t.unit, is_minimum: t.is_minimum ? 1 : 0, deadline: t.deadline,
        deadline_kind: t.deadline === null ? null : t.deadline_kind ?? 'date', start_date: t.start_date,
        date_inferred: t.date_reading?.inferred ? 1 : 0, date_reason: t.date_reading?.reason ?? null,
        frequency_count: t.frequency?.count ?? null, frequency_period: t.frequency?.per ?? null, text: t.text,
        start_line: t.lines[0], end_line: t.lines[1],
      })))
    }
  }
  for (const s of a.sections) await insertActions(s.actions ?? [], { section_id: ids.section.get(s.slug)! }, [], undefined)

  for (const [i, { data: t }] of data.themes.entries()) {
    const themeId = await insertReturningId(db, 'theme', {
      agreement_id: agreementId, slug: t.slug, name: t.name, position: i + 1,
      heading_text: t.heading.text, heading_start_line: t.heading.lines[0], heading_end_line: t.heading.lines[1],
      vision_text: t.vision?.text ?? null, vision_start_line: t.vision?.lines[0] ?? null, vision_end_line: t.vision?.lines[1] ?? null,
      vision_short_text: t.vision_short?.text ?? null, vision_short_start_line: t.vision_short?.lines[0] ?? null,
      vision_short_end_line: t.vision_short?.lines[1] ?? null,
    })
    ids.theme.set(t.slug, themeId)
    for (const [j, topic] of t.topics.entries()) {
      const topicId = await insertReturningId(db, 'topic', {
        agreement_id: agreementId, theme_id: themeId, slug: topic.slug, title: topic.title, position: j + 1,
        text: topic.text, start_line: topic.lines[0], end_line: topic.lines[1],
      })
      ids.topic.set(topic.slug, topicId)
      await insertActions(topic.actions, { topic_id: topicId }, topic.responsible, topic.responsible_note)
    }
  }

  for (const { actionId, canonical } of copies) {
    await db.updateTable('action').set({ same_as_id: ids.action.get(canonical)! }).where('id', '=', actionId).execute()
  }

  const budget = data.budget.data
  const continuing = new Map(budget.years.map((y) => [String(y.year), y.continuing]))
  const headings = new Map(budget.years.map((y) => [String(y.year), y.label]))
  let linePosition = 0
  for (const [i, c] of budget.categories.entries()) {
    const categoryId = await insertReturningId(db, 'budget_category', {
      agreement_id: agreementId, slug: c.slug, name: c.name, position: i + 1, start_line: c.lines[0], end_line: c.lines[1],
    })
    for (const line of c.budget_lines) {
      const lineId = await insertReturningId(db, 'budget_line', {
        agreement_id: agreementId, category_id: categoryId, theme_id: line.theme ? ids.theme.get(line.theme)! : null,
        slug: line.slug, name: line.name, display_name: line.display_name, position: ++linePosition, text: line.text,
        start_line: line.lines[0], end_line: line.lines[1],
      })
      await insertRows(db, 'budget_amount', Object.entries(line.amounts).map(([year, amount]) => ({
        budget_line_id: lineId, year: Number(year), amount, continuing: continuing.get(year) ? 1 : 0,
        inferred: line.placement.inferred ? 1 : 0, inference_reason: line.placement.inferred ? line.placement.reason : null,
      })))
      await insertRows(db, 'budget_line_topic', line.topics.map((s) => ({ budget_line_id: lineId, topic_id: ids.topic.get(s)! })))
      await insertRows(db, 'budget_line_action', line.actions.map((s) => ({ budget_line_id: lineId, action_id: ids.action.get(s)! })))
      await insertRows(db, 'budget_line_portfolio', line.portfolios.map((s) => ({ budget_line_id: lineId, portfolio_id: ids.portfolio.get(s)! })))
    }
  }
  await insertRows(db, 'budget_total', Object.entries(budget.totals.amounts).map(([year, amount]) => ({
    agreement_id: agreementId, year: Number(year), amount, continuing: continuing.get(year) ? 1 : 0,
    label: budget.totals.label, heading: headings.get(year) ?? year, text: budget.totals.text, start_line: budget.totals.lines[0], end_line: budget.totals.lines[1],
  })))
  await insertRows(db, 'rule', data.rules.data.rules.map((r) => ({
    agreement_id: agreementId, position: r.position, text: r.text, start_line: r.lines[0], end_line: r.lines[1],
  })))
  return agreementId
}
