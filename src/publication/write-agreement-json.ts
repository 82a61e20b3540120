import { presentationDateReading } from './presentation-date.js'
import { join } from 'node:path'
import { commitmentSubject } from './commitment-subject.js'
import { canonicalSlugs } from '../read-model/canonical-action.js'
import { toGlobalId, type NodeType } from '../model/global-id.js'
import { loadAgreementView, type ActionView, type AgreementView, type BudgetLineView, type PortfolioView, type SectionView } from '../read-model/agreement-view.js'
import type { AgreementRecord } from '../read-model/records.js'
import { quoteContext, type Passage } from '../read-model/text-paragraphs.js'
import { actionProgressJson, targetMeasurementsJson } from './progress-json.js'
import type { ProgressRows } from './published-progress-rows.js'
import type { TableSources } from './table-sources.js'
import type { FileDigest } from './text-file.js'
import { writePrettyJson } from './write-pretty-json.js'

/** Where an agreement's nested document lives inside the publication. */
export const agreementJsonPath = (slug: string): string => `json/${slug}.json`

/** Builds the nested document of one agreement, with the same global IDs as the CSVs and the API. */
function agreementDocument(view: AgreementView, progress: ProgressRows): Record<string, unknown> {
  const slug = view.agreement.slug
  const contextOf = (passage: Passage, text: string): string | null => {
    try {
      return quoteContext(view.agreement, passage, text)
    } catch {
      // The source file is not at hand (a synthetic database): the document goes without paragraphs.
      return null
    }
  }
  const id = (type: NodeType, key: string | number) => toGlobalId(type, slug, String(key))
  const canonical = canonicalSlugs(view.actions.map((a) => a.action))
  const ref = (type: NodeType, record: { slug: string }) => ({ id: id(type, record.slug), slug: record.slug })
  const portfolio = (v: PortfolioView) => ({
    id: id('Portfolio', v.portfolio.slug), slug: v.portfolio.slug, position: v.portfolio.position,
    holder: { id: id('Person', v.holder.slug), name: v.holder.name, party: { id: id('Party', v.party.slug), name: v.party.name } },
    assignmentInferred: v.portfolio.assignmentInferred, assignmentReason: v.portfolio.assignmentReason,
    responsibilities: v.responsibilities.map((r) => ({ id: id('Responsibility', r.slug), slug: r.slug, name: r.name, source: r.source })),
    districts: v.districts.map((d) => ({
      id: id('District', d.slug), slug: d.slug, name: d.name, text: d.text, source: d.source,
      cbs: { wijkCode: d.cbsWijkCode, buurtCodes: d.cbsBuurtCodes, year: d.cbsCodeYear, reason: d.cbsCodeReason },
    })),
    source: v.portfolio.source,
  })
  const action = (v: ActionView, passage: Passage) => ({
    id: id('Action', v.action.slug), slug: v.action.slug, position: v.action.position, kind: v.action.kind, text: v.action.text,
    context: contextOf(passage, v.action.text), source: v.action.source, wholeCollege: v.action.wholeCollege,
    // A sentence that restates a commitment names its canonical action; every sentence carries the commitment's progress.
    sameAs: canonical.has(v.action.slug) ? { id: id('Action', canonical.get(v.action.slug)!), slug: canonical.get(v.action.slug)!, reason: v.action.sameAsReason } : null,
    progress: actionProgressJson(progress, slug, commitmentSubject(progress, slug, v.action.slug, canonical)),
    targets: v.targets.map((t) => ({
      id: id('Target', t.slug), slug: t.slug, description: t.description, value: t.value, unit: t.unit, isMinimum: t.isMinimum,
      deadline: t.deadline, startDate: t.startDate, text: t.text, source: t.source, measurements: targetMeasurementsJson(progress, slug, t.slug),
    })),
    portfolios: v.portfolios.map((p) => ({ ...ref('Portfolio', p.portfolio), holder: p.holder.name })),
    districts: v.districts.map((d) => ({ ...ref('District', d), name: d.name })),
    budgetLines: v.budgetLines.map((l) => ref('BudgetLine', l)),
  })
  const section = (v: SectionView): Record<string, unknown> => ({
    id: id('Section', v.section.slug), slug: v.section.slug, title: v.section.title, kind: v.section.kind, position: v.section.position,
    text: v.section.text, source: v.section.source, actions: v.actions.map((a) => action(a, v.section)), children: v.children.map(section),
  })
  const budgetLine = (v: BudgetLineView) => ({
    id: id('BudgetLine', v.line.slug), slug: v.line.slug, name: v.line.name, displayName: v.line.displayName, position: v.line.position,
    text: v.line.text, source: v.line.source, total: v.total,
    amounts: v.amounts.map((a) => ({ year: a.year, amount: a.amount, continuing: a.continuing, inferred: a.inferred, inferenceReason: a.inferenceReason })),
    theme: v.theme && ref('Theme', v.theme), topics: v.topics.map((t) => ref('Topic', t)), actions: v.actions.map((a) => ref('Action', a)),
    portfolios: v.portfolios.map((p) => ref('Portfolio', p.portfolio)),
  })
  const a = view.agreement
  return {
    id: toGlobalId('Agreement', slug), slug, title: a.title, subtitle: a.subtitle, municipality: a.municipality,
    period: { start: a.periodStart, end: a.periodEnd }, presentedOn: a.presentedOn, ...presentationDateReading(a), dataVersion: a.dataVersion,
    license: a.license, language: a.language,
    source: { file: a.sourceFile, sha256: a.sourceSha256, lineCount: a.sourceLineCount },
    parties: view.parties.map((p) => ({ ...ref('Party', p), name: p.name, position: p.position })),
    signatories: view.signatories.map((p) => ({ ...ref('Person', p), name: p.name, signatoryPosition: p.signatoryPosition, source: p.source })),
    themes: view.themes.map((t) => ({
      id: id('Theme', t.theme.slug), slug: t.theme.slug, name: t.theme.name, position: t.theme.position,
      heading: t.theme.heading, vision: t.theme.vision, visionShort: t.theme.visionShort,
      topics: t.topics.map((topic) => ({
        id: id('Topic', topic.topic.slug), slug: topic.topic.slug, title: topic.topic.title, position: topic.topic.position,
        text: topic.topic.text, source: topic.topic.source, actions: topic.actions.map((a) => action(a, topic.topic)),
        budgetLines: topic.budgetLines.map((l) => ref('BudgetLine', l)),
      })),
      budgetLines: t.budgetLines.map((l) => ref('BudgetLine', l.line)),
      portfolios: t.portfolios.map((p) => ref('Portfolio', p.portfolio)),
    })),
    sections: view.sections.map(section),
    budget: {
      currency: 'EUR',
      categories: view.budget.categories.map((c) => ({
        id: id('BudgetCategory', c.category.slug), slug: c.category.slug, name: c.category.name, source: c.category.source,
        lines: c.lines.map(budgetLine),
      })),
      years: view.budget.years.map((y) => ({ id: id('BudgetYearTotal', y.year), ...y })),
    },
    rules: view.rules.map((r) => ({ id: id('Rule', r.position), position: r.position, text: r.text, source: r.source })),
    portfolios: view.portfolios.map(portfolio),
  }
}

/**
 * Writes one agreement as a nested JSON document (themes, topics, actions
 * with their paragraph, progress, targets (with measurements) and portfolios, sections, budget, rules, portfolios). Unlike
 * the tables it is built from the agreement's view, read whole: a nested
 * document of one agreement is as large as that agreement, not the database.
 */
export async function writeAgreementJson(sources: TableSources, directory: string, agreement: AgreementRecord): Promise<FileDigest> {
  const document = agreementDocument(await loadAgreementView(sources.db, agreement), sources.progress)
  return writePrettyJson(join(directory, agreementJsonPath(agreement.slug)), document)
}
