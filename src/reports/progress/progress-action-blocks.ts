import type { ProgressSnapshot } from '../../editorial/progress-snapshot.js'
import type { ProgressStatus } from '../../editorial/progress-vocabulary.js'
import type { RevisionRecord } from '../../editorial/revision-record.js'
import type { ActionView } from '../../read-model/agreement-view.js'
import { formatDate, joinList } from '../dutch-text.js'
import type { Block, RichText } from '../report-model.js'
import { explanationBlocks } from './explanation-blocks.js'
import { datePart, evidenceKindLabel, statusLabel } from './progress-labels.js'

/** The explanation of a revision as report blocks: its paragraphs, and its lists as lists. */
function explanationReportBlocks(text: string): Block[] {
  return explanationBlocks(text).map((b): Block => b.kind === 'paragraph'
    ? { kind: 'paragraph', content: [{ text: b.text }] }
    : { kind: 'list', ordered: false, items: b.items.map((item) => ({ content: [{ text: item }] })) })
}

/** A web address printed whole, so a reader of the paper copy can type it; in the PDF and HTML it is one link. */
export function printedUrl(url: string): RichText {
  const shown = url.replace(/^https:\/\//, '').replace(/\/$/, '')
  return [{ text: shown, href: url }]
}

/** The sources of a revision: title, kind and date, and the printed address. */
function evidenceBlock(revision: RevisionRecord): Block[] {
  if (revision.evidence.length === 0) return []
  return [{
    kind: 'list', ordered: false,
    items: revision.evidence.map((e) => ({
      content: [{ text: 'Bron: ', strong: true }, { text: `${e.title} (${evidenceKindLabel(e.kind)}${e.documentDate ? `, ${formatDate(e.documentDate)}` : ''})` }],
      details: [printedUrl(e.url)],
    })),
  }]
}

/** One assessed action: status and the agreement's words, its aldermen, the explanation, the sources and the dates. */
function assessedActionBlocks(action: ActionView, current: RevisionRecord): Block[] {
  const aldermen = action.portfolios.map((p) => p.holder.name)
  return [
    { kind: 'paragraph', content: [{ text: `${statusLabel(current.status as ProgressStatus)}: `, strong: true }, { text: action.action.text }] },
    {
      kind: 'paragraph', variant: 'note',
      content: [{ text: `${aldermen.length > 1 ? 'Wethouders' : 'Wethouder'}: ${aldermen.length > 0 ? joinList(aldermen) : 'het hele college'}. ` },
        { text: `${current.asOf ? `Stand per ${formatDate(current.asOf)}. ` : ''}Gepubliceerd op ${formatDate(datePart(current.publication!.publishedAt))}.` }],
    },
    ...explanationReportBlocks(current.explanation),
    ...evidenceBlock(current),
  ]
}

/** The actions of a topic without a published assessment, listed compactly under one line, not one block each. */
function notAssessedBlock(actions: readonly ActionView[]): Block[] {
  if (actions.length === 0) return []
  return [
    { kind: 'paragraph', content: [{ text: `Nog niet beoordeeld (${actions.length}):`, strong: true }] },
    { kind: 'list', ordered: false, items: actions.map((a) => ({ content: [{ text: a.action.text }] })) },
  ]
}

/** The actions of a group (a topic) as the report prints them: the assessed ones whole, then the rest compactly. */
export function actionsBlocks(actions: readonly ActionView[], progress: ProgressSnapshot): Block[] {
  const assessed = actions.flatMap((a) => {
    const current = progress.progressOf(a.action.slug)
    return current ? [assessedActionBlocks(a, current)] : []
  })
  return [...assessed.flat(), ...notAssessedBlock(actions.filter((a) => !progress.progressOf(a.action.slug)))]
}
