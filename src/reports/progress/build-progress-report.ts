import { explanationBlocks } from './explanation-blocks.js'
import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatusDefinitions, progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { ReportingRound } from '../../editorial/reporting-rounds.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import { summarizeCommitments } from '../../read-model/commitment-summary.js'
import { assembleReport } from '../assemble-report.js'
import { describeTarget, formatDate, joinList } from '../dutch-text.js'
import { actionsBlocks, printedUrl } from './progress-action-blocks.js'
import { commitmentsNote } from './commitments-note.js'
import { statusTable } from './progress-summary-tables.js'
import type { ReportContext } from '../report-context.js'
import type { Block, ChartBlock, ListItem, Report, RichText } from '../report-model.js'
import { colophonSection } from '../sections/colophon-section.js'
import { niceStep } from '../sections/budget-chart.js'
import { datePart, evidenceKindLabel, formatMeasurement, statusLabel } from './progress-labels.js'
import type { ProgressReportSubject } from './progress-report-subject.js'

/** A progress report's picture: published progress, and the reporting round it belongs to when there is one. */
export type ProgressPicture = ProgressSnapshot & { round?: ReportingRound | null }

/**
 * The "Voortgangsrapportage" for the council: a cover with the round and its
 * peildatum; a one-page summary (counts per status as a chart with its table,
 * and per theme and per alderman); then per theme and topic each assessed
 * action with its alderman, status, explanation and sources with their printed
 * web addresses, and the rest listed compactly; the targets; what the statuses
 * mean; and the provenance of the data in a named appendix. Published
 * revisions only.
 */
export function buildProgressReport(ctx: ReportContext, subject: ProgressReportSubject, progress: ProgressPicture): Report {
  const { agreement } = ctx.view
  const round = progress.round ?? null
  // Counted per commitment, as the site counts: a sentence that restates an earlier one (same_as) is not counted again.
  const counted = summarizeCommitments(progress, subject.actions)
  const { slugs, counts: summary } = counted
  const assessed = slugs.length - summary.NOT_ASSESSED
  const latest = subject.actions.flatMap((a) => [progress.progressOf(a.action.slug), ...a.targets.map((t) => progress.measurementsOf(t.slug)[0])])
    .map((r) => r?.publication?.publishedAt).filter((d): d is string => !!d).sort().at(-1)
  const label = round ? round.name : 'Voortgangsrapportage'
  const sentences = subject.actions.length === slugs.length ? '' : ` (in ${subject.actions.length} afspraken)`
  const report = assembleReport(ctx, {
    kicker: subject.name === agreement.title ? label : `${label}, ${subject.kicker.replace(/^Voortgangsrapportage\s*/i, '')}`, name: subject.name, label,
    title: `${label} ${subject.name}: ${agreement.subtitle} gemeente ${agreement.municipality}`,
    subject: `Hoe ver de afspraken van het bestuursakkoord van de gemeente ${agreement.municipality} zijn gekomen: ${subject.name}.`,
    keywords: ['voortgang', 'voortgangsrapportage', subject.name, ...(round ? [round.name] : [])],
    coverFacts: [
      ...(round ? [{ term: 'Peildatum', value: formatDate(round.peildatum) }] : []),
      { term: 'Toezeggingen', value: `${slugs.length}${sentences}, waarvan ${assessed} beoordeeld` },
      { term: 'Laatste publicatie', value: latest ? formatDate(datePart(latest)) : 'nog niets gepubliceerd' },
    ],
    body: [
      // The summary fits one page: compact chart and tables, and the chapters start on the next page.
      ctx.heading(1, 'Samenvatting'),
      { kind: 'paragraph', content: [{ text: summarySentence(slugs.length, summary, round) }] },
      ...(sentences ? [{ kind: 'paragraph' as const, variant: 'note' as const, content: [{ text: commitmentsNote(counted)! }] }] : []),
      ...(assessed === 0 ? [] : [statusChart(summary)]),
      ...summaryTables(ctx, subject, progress),
      ...themeChapters(ctx, subject, progress).map((b, i) => (i === 0 && b.kind === 'heading' ? { ...b, newPage: true } : b)),
      ...targetsSection(ctx, subject.actions, progress),
      ...statusDefinitionsSection(ctx),
      ...colophonSection(ctx, 1, 'Bijlage: herkomst van de gegevens'),
    ],
  })
  // No developer terms on the council's pages: the running header names the round, the footer the agreement.
  const cover = { ...report.cover, facts: report.cover.facts.filter((f) => f.term !== 'Dataversie') }
  const dated = { ...report, cover, runningHeader: `${agreement.title} · ${label}`, footerText: `${agreement.subtitle} gemeente ${agreement.municipality}` }
  // A new publication gives a new document: it is dated by the latest publication it shows.
  return latest ? { ...dated, meta: { ...dated.meta, date: new Date(latest) } } : dated
}

function summarySentence(total: number, summary: Record<ProgressStatus, number>, round: ReportingRound | null): string {
  const assessed = total - summary.NOT_ASSESSED
  const when = round ? `Per ${formatDate(round.peildatum)} (peildatum van ${round.name})` : 'Op dit moment'
  if (assessed === 0) return `${when} is van ${total === 1 ? 'deze toezegging' : `deze ${total} toezeggingen`} de voortgang nog niet beoordeeld.`
  const parts = progressStatuses.filter((s) => s !== 'NOT_ASSESSED' && summary[s] > 0).map((s) => `${summary[s]} ${statusLabel(s).toLowerCase()}`)
  return `${when} is van de ${total} toezeggingen de voortgang van ${assessed} beoordeeld: ${joinList(parts)}. ${summary.NOT_ASSESSED} ${summary.NOT_ASSESSED === 1 ? 'is' : 'zijn'} nog niet beoordeeld.`
}

function summaryTables(ctx: ReportContext, subject: ProgressReportSubject, progress: ProgressSnapshot): Block[] {
  const mine = new Set(subject.actions)
  const themes = ctx.view.themes.map((t) => ({ label: t.theme.name, actions: t.topics.flatMap((topic) => topic.actions).filter((a) => mine.has(a)) }))
  const governance = subject.actions.filter((a) => a.action.themeId === null)
  const college = subject.actions.filter((a) => a.portfolios.length === 0)
  const aldermen = [...ctx.view.portfolios.map((p) => ({ label: p.holder.name, actions: subject.actions.filter((a) => a.portfolios.includes(p)) })),
    { label: 'Het hele college', actions: college }]
  const themeRows = [...themes, ...(governance.length > 0 ? [{ label: 'Bestuursstijl', actions: governance }] : [])].filter((g) => g.actions.length > 0)
  const aldermanRows = aldermen.filter((g) => g.actions.length > 0)
  // A table of one row says nothing the chart does not: a theme's report has no table per theme, an alderman's none per alderman.
  return [
    ...(themeRows.length > 1 ? [statusTable('Toezeggingen per thema en status', 'Thema', themeRows, progress, 'Een toezegging die in meer thema\'s staat, telt bij elk ervan; het totaal telt haar één keer.')] : []),
    ...(aldermanRows.length > 1 ? [statusTable('Toezeggingen per wethouder en status', 'Wethouder', aldermanRows, progress, 'Een toezegging van meer wethouders telt bij elk van hen; het totaal telt haar één keer.')] : []),
  ]
}

/** Per theme (a chapter) and topic (a section): the actions of the subject that stand there. */
function themeChapters(ctx: ReportContext, subject: ProgressReportSubject, progress: ProgressSnapshot): Block[] {
  const mine = new Set(subject.actions)
  const chapters: Block[] = []
  for (const theme of ctx.view.themes) {
    const topics = theme.topics.map((t) => ({ topic: t, actions: t.actions.filter((a) => mine.has(a)) })).filter((t) => t.actions.length > 0)
    if (topics.length === 0) continue
    chapters.push(ctx.heading(1, theme.theme.name))
    for (const { topic, actions } of topics) chapters.push(ctx.heading(2, topic.topic.title, { toc: false }), ...actionsBlocks(actions, progress))
  }
  const governance = subject.actions.filter((a) => a.action.themeId === null)
  if (governance.length > 0) chapters.push(ctx.heading(1, 'Bestuursstijl'), ...actionsBlocks(governance, progress))
  return chapters
}

function statusDefinitionsSection(ctx: ReportContext): Block[] {
  return [
    ctx.heading(1, 'Wat de statussen betekenen', { keepTogether: true }),
    { kind: 'facts', items: progressStatuses.map((s) => ({ term: statusLabel(s), value: [{ text: progressStatusDefinitions[s] }] })) },
  ]
}

function statusChart(summary: Record<ProgressStatus, number>): ChartBlock {
  const counts = progressStatuses.map((s) => ({ label: statusLabel(s), value: summary[s], valueLabel: String(summary[s]) }))
  // The chart draws the statuses that occur (seven labels do not fit under it); the text and the table give all seven.
  const bars = counts.filter((c) => c.value > 0)
  const max = Math.max(...bars.map((b) => b.value))
  const step = Math.max(1, niceStep(max))
  const ticks = Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => ({ value: i * step, label: String(i * step) }))
  const title = 'Toezeggingen per status'
  const cell = (text: string) => ({ content: [{ text }] })
  return {
    kind: 'chart', title, bars, ticks, compact: true,
    description: `Staafdiagram van het aantal toezeggingen per status: ${counts.map((b) => `${b.label}: ${b.valueLabel}`).join(', ')}.`,
    // One row under the chart, a column per status: the same numbers in a third of the height.
    data: {
      kind: 'table', caption: `${title} (gegevens bij de grafiek)`, compact: true,
      columns: [{ header: 'Status', align: 'left', width: '*' }, ...counts.map((b) => ({ header: b.label, align: 'right' as const, width: 50 })), { header: 'Totaal', align: 'right', width: 36 }],
      rows: [{ kind: 'body', cells: [cell('Toezeggingen'), ...counts.map((b) => cell(b.valueLabel)), cell(String(counts.reduce((n, b) => n + b.value, 0)))] }],
    },
  }
}

/** The evidence and dates of a published revision, as detail lines. */
function revisionDetails(revision: RevisionRecord): RichText[] {
  return [
    ...explanationBlocks(revision.explanation).flatMap((b): RichText[] => b.kind === 'paragraph' ? [[{ text: b.text }]] : b.items.map((item) => [{ text: `• ${item}` }])),
    ...revision.evidence.map((e): RichText => [{ text: 'Bron: ', strong: true }, { text: `${e.title} (${evidenceKindLabel(e.kind)}${e.documentDate ? `, ${formatDate(e.documentDate)}` : ''}): ` },
      ...printedUrl(e.url)]),
    [{ text: `${revision.asOf ? `Stand per ${formatDate(revision.asOf)}. ` : ''}Gepubliceerd op ${formatDate(datePart(revision.publication!.publishedAt))}.` }],
  ]
}

function targetsSection(ctx: ReportContext, actions: readonly ActionView[], progress: ProgressSnapshot): Block[] {
  const targets = actions.flatMap((a) => a.targets)
  if (targets.length === 0) return []
  const measured = targets.filter((t) => progress.measurementsOf(t.slug).length > 0)
  const unmeasured = targets.filter((t) => progress.measurementsOf(t.slug).length === 0)
  return [
    ctx.heading(1, 'Doelen'),
    ...(measured.length === 0 ? [] : [{
      kind: 'list' as const, ordered: false, items: measured.map((target): ListItem => {
        const latest = progress.measurementsOf(target.slug)[0]!
        const unit = target.unit ? ` ${target.unit}` : ''
        const against = target.value !== null ? ` van de ${target.isMinimum ? 'minimaal ' : ''}${formatMeasurement(target.value)}${unit}` : ''
        return {
          content: [{ text: describeTarget(target) }],
          details: [[{ text: 'Laatste meting: ', strong: true }, { text: `${formatMeasurement(latest.value ?? 0)}${unit}${against}` }], ...revisionDetails(latest)],
        }
      }),
    }]),
    ...(unmeasured.length === 0 ? [] : [
      { kind: 'paragraph' as const, content: [{ text: `Nog geen meting gepubliceerd (${unmeasured.length}):`, strong: true }] },
      { kind: 'list' as const, ordered: false, items: unmeasured.map((t) => ({ content: [{ text: describeTarget(t) }] })) },
    ]),
  ]
}
