import { explanationBlocks } from './explanation-blocks.js'
import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses, type ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import { assembleReport } from '../assemble-report.js'
import { describeTarget, formatDate } from '../dutch-text.js'
import type { ReportContext } from '../report-context.js'
import type { Block, ChartBlock, ListItem, Report, RichText } from '../report-model.js'
import { colophonSection } from '../sections/colophon-section.js'
import { niceStep } from '../sections/budget-chart.js'
import { datePart, evidenceKindLabel, formatMeasurement, statusLabel } from './progress-labels.js'
import type { ProgressReportSubject } from './progress-report-subject.js'

/**
 * The "Voortgangsrapportage": per status the count, then every action with its
 * status, explanation, evidence and dates, then the targets with their latest
 * measurement against the target value. Published revisions only.
 */
export function buildProgressReport(ctx: ReportContext, subject: ProgressReportSubject, progress: ProgressSnapshot): Report {
  const { agreement } = ctx.view
  const slugs = subject.actions.map((a) => a.action.slug)
  const summary = progress.summarize(slugs)
  const assessed = slugs.length - summary.NOT_ASSESSED
  const latest = subject.actions.flatMap((a) => [progress.progressOf(a.action.slug), ...a.targets.map((t) => progress.measurementsOf(t.slug)[0])])
    .map((r) => r?.publication?.publishedAt).filter((d): d is string => !!d).sort().at(-1)
  const report = assembleReport(ctx, {
    kicker: subject.kicker, name: subject.name, label: `Voortgang ${subject.name}`,
    title: `Voortgangsrapportage ${subject.name}: ${agreement.subtitle} gemeente ${agreement.municipality}`,
    subject: `Hoe ver de afspraken van het bestuursakkoord van de gemeente ${agreement.municipality} zijn gekomen: ${subject.name}.`,
    keywords: ['voortgang', 'voortgangsrapportage', subject.name],
    coverFacts: [
      { term: 'Afspraken', value: `${slugs.length}, waarvan ${assessed} beoordeeld` },
      { term: 'Laatste publicatie', value: latest ? formatDate(datePart(latest)) : 'nog niets gepubliceerd' },
    ],
    body: [
      ctx.heading(1, 'Voortgang in cijfers'),
      ...(assessed === 0
        ? [{ kind: 'paragraph', content: [{ text: `Van ${slugs.length === 1 ? 'deze afspraak' : `deze ${slugs.length} afspraken`} is de voortgang nog niet beoordeeld. `
          + 'Zodra de gemeente de voortgang van een afspraak beoordeelt en publiceert, staat die in deze rapportage, met de bronnen erbij.' }] } satisfies Block]
        : [statusChart(summary)]),
      ctx.heading(1, 'Afspraken'),
      { kind: 'list', ordered: false, items: subject.actions.map((a) => actionItem(a, progress)) },
      ...targetsSection(ctx, subject.actions, progress),
      ...colophonSection(ctx, 1),
    ],
  })
  // A new publication gives a new document: it is dated by the latest publication it shows.
  return latest ? { ...report, meta: { ...report.meta, date: new Date(latest) } } : report
}

function statusChart(summary: Record<ProgressStatus, number>): ChartBlock {
  const counts = progressStatuses.map((s) => ({ label: statusLabel(s), value: summary[s], valueLabel: String(summary[s]) }))
  // The chart draws the statuses that occur (seven labels do not fit under it); the text and the table give all seven.
  const bars = counts.filter((c) => c.value > 0)
  const max = Math.max(...bars.map((b) => b.value))
  const step = Math.max(1, niceStep(max))
  const ticks = Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => ({ value: i * step, label: String(i * step) }))
  const title = 'Afspraken per status'
  return {
    kind: 'chart', title, bars, ticks,
    description: `Staafdiagram van het aantal afspraken per status: ${counts.map((b) => `${b.label}: ${b.valueLabel}`).join(', ')}.`,
    data: {
      kind: 'table', caption: `${title} (gegevens bij de grafiek)`,
      columns: [{ header: 'Status', align: 'left', width: '*' }, { header: 'Afspraken', align: 'right', width: 70 }],
      rows: [
        ...counts.map((b) => ({ kind: 'body' as const, cells: [{ content: [{ text: b.label }] }, { content: [{ text: b.valueLabel }] }] })),
        { kind: 'total', cells: [{ content: [{ text: 'Totaal' }] }, { content: [{ text: String(counts.reduce((n, b) => n + b.value, 0)) }] }] },
      ],
    },
  }
}

/** The evidence and dates of a published revision, as detail lines. */
function revisionDetails(revision: RevisionRecord): RichText[] {
  return [
    ...explanationBlocks(revision.explanation).flatMap((b): RichText[] => b.kind === 'paragraph' ? [[{ text: b.text }]] : b.items.map((item) => [{ text: `• ${item}` }])),
    ...revision.evidence.map((e): RichText => [{ text: 'Bron: ', strong: true }, { text: e.title, href: e.url },
      { text: ` (${evidenceKindLabel(e.kind)}${e.documentDate ? `, ${formatDate(e.documentDate)}` : ''})` }]),
    [{ text: `${revision.asOf ? `Stand per ${formatDate(revision.asOf)}. ` : ''}Gepubliceerd op ${formatDate(datePart(revision.publication!.publishedAt))}.` }],
  ]
}

function actionItem(action: ActionView, progress: ProgressSnapshot): ListItem {
  const current = progress.progressOf(action.action.slug)
  const status = progress.statusOf(action.action.slug)
  return {
    content: [{ text: `${statusLabel(status)}: `, strong: true }, { text: action.action.text }],
    details: current ? revisionDetails(current) : [[{ text: 'De voortgang van deze afspraak is nog niet beoordeeld.' }]],
  }
}

function targetsSection(ctx: ReportContext, actions: readonly ActionView[], progress: ProgressSnapshot): Block[] {
  const targets = actions.flatMap((a) => a.targets)
  if (targets.length === 0) return []
  return [
    ctx.heading(1, 'Doelen'),
    {
      kind: 'list', ordered: false, items: targets.map((target): ListItem => {
        const latest = progress.measurementsOf(target.slug)[0]
        const unit = target.unit ? ` ${target.unit}` : ''
        if (!latest) return { content: [{ text: describeTarget(target) }], details: [[{ text: 'Er is nog geen meting van dit doel gepubliceerd.' }]] }
        const against = target.value !== null ? ` van de ${target.isMinimum ? 'minimaal ' : ''}${formatMeasurement(target.value)}${unit}` : ''
        return {
          content: [{ text: describeTarget(target) }],
          details: [[{ text: 'Laatste meting: ', strong: true }, { text: `${formatMeasurement(latest.value ?? 0)}${unit}${against}` }], ...revisionDetails(latest)],
        }
      }),
    },
  ]
}
