import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses } from '../../editorial/progress-vocabulary.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import { summarizeCommitments } from '../../read-model/commitment-summary.js'
import type { TableBlock } from '../report-model.js'
import { statusLabel } from './progress-labels.js'

/** A group of actions as a row of a summary table: a theme or an alderman. */
export interface SummaryGroup {
  label: string
  actions: readonly ActionView[]
}

/**
 * Counts per status for each group, a row per group and a column per status,
 * with the totals: one glance at where each theme or alderman stands. Counted per
 * distinct commitment, as the summary and the chart count.
 */
export function statusTable(caption: string, header: string, groups: readonly SummaryGroup[], progress: ProgressSnapshot, overlapNote: string): TableBlock {
  // A commitment counts once per group, however many of its sentences stand there.
  const count = (actions: readonly ActionView[]) => summarizeCommitments(progress, actions)
  const columns = progressStatuses.filter((s) => groups.some((g) => count(g.actions).counts[s] > 0))
  const row = (label: string, actions: readonly ActionView[], kind: 'body' | 'total') => {
    const { counts, commitments } = count(actions)
    return { kind, cells: [{ content: [{ text: label }] }, ...columns.map((s) => ({ content: [{ text: String(counts[s]) }] })), { content: [{ text: String(commitments) }] }] }
  }
  const shown = groups.filter((g) => g.actions.length > 0)
  const all = groups.flatMap((g) => g.actions).filter((a, i, list) => list.indexOf(a) === i)
  // The rows add up to more than the total when a commitment stands in two groups: the note says why.
  const overlap = shown.reduce((n, g) => n + count(g.actions).commitments, 0) > count(all).commitments
  return {
    kind: 'table', caption, compact: true, ...(overlap ? { notes: [[{ text: overlapNote }]] } : {}),
    columns: [{ header, align: 'left', width: '*' }, ...columns.map((s) => ({ header: statusLabel(s), align: 'right' as const, width: 46 })), { header: 'Totaal', align: 'right', width: 36 }],
    rows: [...shown.map((g) => row(g.label, g.actions, 'body')), row('Totaal', all, 'total')],
  }
}
