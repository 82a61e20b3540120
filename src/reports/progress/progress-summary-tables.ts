import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import { progressStatuses } from '../../editorial/progress-vocabulary.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import type { TableBlock } from '../report-model.js'
import { statusLabel } from './progress-labels.js'

/** A group of actions as a row of a summary table: a theme or an alderman. */
export interface SummaryGroup {
  label: string
  actions: readonly ActionView[]
}

/**
 * Counts per status for each group, a row per group and a column per status,
 * with the totals: one glance at where each theme or alderman stands.
 */
export function statusTable(caption: string, header: string, groups: readonly SummaryGroup[], progress: ProgressSnapshot): TableBlock {
  const columns = progressStatuses.filter((s) => groups.some((g) => progress.summarize(g.actions.map((a) => a.action.slug))[s] > 0))
  const row = (label: string, actions: readonly ActionView[], kind: 'body' | 'total') => {
    const counts = progress.summarize(actions.map((a) => a.action.slug))
    return { kind, cells: [{ content: [{ text: label }] }, ...columns.map((s) => ({ content: [{ text: String(counts[s]) }] })), { content: [{ text: String(actions.length) }] }] }
  }
  return {
    kind: 'table', caption,
    columns: [{ header, align: 'left', width: '*' }, ...columns.map((s) => ({ header: statusLabel(s), align: 'right' as const, width: 52 })), { header: 'Totaal', align: 'right', width: 40 }],
    rows: [...groups.filter((g) => g.actions.length > 0).map((g) => row(g.label, g.actions, 'body')), row('Totaal', groups.flatMap((g) => g.actions).filter((a, i, all) => all.indexOf(a) === i), 'total')],
  }
}
