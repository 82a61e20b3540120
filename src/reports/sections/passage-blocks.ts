import type { ActionView } from '../../read-model/agreement-view.js'
import { textParagraphs, type Passage } from '../../read-model/text-paragraphs.js'
import type { ReportContext } from '../report-context.js'
import type { Block, ListItem, RichText } from '../report-model.js'
import { actionDetails, type ActionListOptions } from './action-items.js'

/** The paragraphs of a passage as the source prints them, or its text as one when the source file is not at hand. */
function paragraphsOf(ctx: ReportContext, passage: Passage): string[] {
  try {
    return textParagraphs(ctx.view.agreement, passage)
  } catch {
    return [passage.text]
  }
}

/**
 * A topic's or section's whole text, paragraph by paragraph, with each
 * commitment marked where it stands and numbered. Under a paragraph that holds
 * commitments, a numbered list gives each one's kind, aldermen and targets, so
 * the sentence is read in its context and its details are one glance away.
 * Numbers run through the passage; `first` continues a count across passages.
 */
export function passageBlocks(
  ctx: ReportContext, passage: Passage, actions: readonly ActionView[], options: ActionListOptions, first = 1,
): { blocks: Block[]; next: number } {
  const blocks: Block[] = []
  const linked: ActionListOptions = { ...options, actionUrl: ctx.actionUrl }
  let number = first
  let pending = [...actions]
  for (const paragraph of paragraphsOf(ctx, passage)) {
    const content: RichText = []
    const details: ListItem[] = []
    let cursor = 0
    while (pending.length > 0) {
      const at = paragraph.indexOf(pending[0]!.action.text, cursor)
      if (at < 0) break
      const action = pending.shift()!
      if (at > cursor) content.push({ text: paragraph.slice(cursor, at) })
      content.push({ text: action.action.text, mark: true }, { text: String(number), sup: true, alt: ` (afspraak ${number})` })
      const [head, ...rest] = actionDetails(action, linked, `Voortgang van afspraak ${number}`)
      // The number is part of the text, not a list marker, so every reader (and the PDF's tags) gets it.
      details.push({ content: [{ text: `${number} `, strong: true, alt: `Afspraak ${number}: ` }, ...head!], details: rest })
      number += 1
      cursor = at + action.action.text.length
    }
    if (cursor < paragraph.length) content.push({ text: paragraph.slice(cursor) })
    blocks.push({ kind: 'paragraph', content })
    if (details.length > 0) blocks.push({ kind: 'list', ordered: false, items: details, variant: 'commitments' })
  }
  // A commitment the text does not hold verbatim (never in the curated data) still gets printed, after the text.
  for (const action of pending) {
    const [head, ...rest] = actionDetails(action, linked)
    blocks.push({ kind: 'list', ordered: false, variant: 'commitments', items: [{ content: [{ text: action.action.text, mark: true }], details: [head!, ...rest] }] })
    number += 1
  }
  return { blocks, next: number }
}
